import { CopyOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Switch,
  Table,
  type TableProps,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { type ApiToken, createApiToken, listApiTokens, revokeApiToken } from '../../api/security';
import { useAuth } from '../../auth/auth-provider';
import { errorMessage } from '../../errors';
import { formatDateTime } from '../../format';

const KEY = ['security', 'tokens'] as const;
const STATUS_COLOR = { active: 'green', expired: 'default', revoked: 'red' } as const;

interface NewTokenValues {
  name: string;
  permissions: string[];
  days: number;
}

/** API tokens: one's own (all of them for administrators); create with the secret shown once. */
export function ApiTokensTab() {
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const admin = can('users.manage');
  const [all, setAll] = useState(false);
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string>();
  const lng = i18n.language;
  const tokens = useQuery({ queryKey: [...KEY, all], queryFn: () => listApiTokens(all) });

  const revoke = useMutation({
    mutationFn: (id: number) => revokeApiToken(id),
    onSuccess: () => {
      message.success(t('security.tokens.revoked'));
      queryClient.invalidateQueries({ queryKey: KEY });
    },
    onError: (e) => message.error(errorMessage(t, e)),
  });

  const columns: TableProps<ApiToken>['columns'] = [
    { key: 'name', dataIndex: 'name', title: t('security.tokens.name') },
    ...(all ? [{ key: 'user', dataIndex: 'username', title: t('security.tokens.user') }] : []),
    {
      key: 'prefix',
      dataIndex: 'prefix',
      title: t('security.tokens.prefix'),
      render: (p: string) => <Typography.Text code>{`${p}…`}</Typography.Text>,
    },
    {
      key: 'permissions',
      dataIndex: 'permissions',
      title: t('security.tokens.permissions'),
      render: (ps: string[]) =>
        ps.map((p) => (
          <Tag key={p} style={{ marginBottom: 2 }}>
            {p}
          </Tag>
        )),
    },
    {
      key: 'expires',
      dataIndex: 'expiresAt',
      title: t('security.tokens.expires'),
      render: (v: string) => formatDateTime(v, lng),
    },
    {
      key: 'lastUsed',
      title: t('security.tokens.lastUsed'),
      render: (_, r) =>
        r.lastUsedAt
          ? `${formatDateTime(r.lastUsedAt, lng)} ${r.lastUsedIp ?? ''}`
          : t('security.tokens.never'),
    },
    {
      key: 'status',
      dataIndex: 'status',
      title: t('security.tokens.status'),
      render: (s: ApiToken['status']) => (
        <Tag color={STATUS_COLOR[s]}>{t(`security.tokens.statuses.${s}`)}</Tag>
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 96,
      render: (_, r) =>
        r.status === 'revoked' ? null : (
          <Popconfirm
            title={t('security.tokens.revokeConfirm', { name: r.name })}
            description={t('security.tokens.revokeHint')}
            okText={t('security.tokens.revoke')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => revoke.mutateAsync(r.id)}
          >
            <Button type="text" size="small" danger icon={<StopOutlined />}>
              {t('security.tokens.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <>
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 16 }}>
        <Typography.Text type="secondary" style={{ maxWidth: 720 }}>
          {t('security.tokens.intro')}
        </Typography.Text>
        <Flex gap={12} align="center">
          {admin && (
            <Switch
              checked={all}
              onChange={setAll}
              checkedChildren={t('security.tokens.all')}
              unCheckedChildren={t('security.tokens.all')}
            />
          )}
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('security.tokens.new')}
          </Button>
        </Flex>
      </Flex>
      {tokens.isError && (
        <Alert
          type="error"
          showIcon
          title={errorMessage(t, tokens.error)}
          style={{ marginBottom: 16 }}
        />
      )}
      <Table<ApiToken>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={tokens.data ?? []}
        loading={tokens.isLoading}
        pagination={false}
        locale={{ emptyText: t('security.tokens.empty') }}
        scroll={{ x: 900 }}
      />
      {creating && (
        <NewTokenModal
          onClose={() => setCreating(false)}
          onCreated={(s) => {
            setCreating(false);
            setSecret(s);
            queryClient.invalidateQueries({ queryKey: KEY });
          }}
        />
      )}
      {secret && <SecretModal secret={secret} onClose={() => setSecret(undefined)} />}
    </>
  );
}

/** Name, permissions (only one's own) and validity of a new token. */
function NewTokenModal(props: { onClose: () => void; onCreated: (secret: string) => void }) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const [form] = Form.useForm<NewTokenValues>();
  const [error, setError] = useState<string>();
  const create = useMutation({
    mutationFn: (v: NewTokenValues) => createApiToken(v),
    onSuccess: (r) => props.onCreated(r.secret),
    onError: (e) => {
      const issues = e instanceof ApiError ? e.issues : [];
      const known = issues.filter((i) => ['name', 'permissions', 'days'].includes(i.field));
      form.setFields(
        known.map((i) => ({ name: i.field as keyof NewTokenValues, errors: [i.message] })),
      );
      setError(known.length === issues.length && known.length > 0 ? undefined : errorMessage(t, e));
    },
  });
  const mine = [...(me?.permissions ?? [])].sort();
  return (
    <Modal
      open
      title={t('security.tokens.new')}
      okText={t('security.tokens.create')}
      cancelText={t('common.cancel')}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      width={640}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form<NewTokenValues>
        form={form}
        layout="vertical"
        initialValues={{ days: 90, permissions: [] }}
        onFinish={(v) => create.mutate(v)}
      >
        <Form.Item
          name="name"
          label={t('security.tokens.name')}
          rules={[{ required: true, whitespace: true, message: t('security.tokens.nameRequired') }]}
        >
          <Input maxLength={100} placeholder={t('security.tokens.namePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="permissions"
          label={t('security.tokens.permissions')}
          extra={t('security.tokens.permissionsHint')}
          rules={[
            {
              required: true,
              type: 'array',
              min: 1,
              message: t('security.tokens.permissionsRequired'),
            },
          ]}
        >
          <Checkbox.Group
            options={mine.map((p) => ({ label: p, value: p }))}
            style={{ display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', gap: 4 }}
          />
        </Form.Item>
        <Form.Item
          name="days"
          label={t('security.tokens.days')}
          extra={t('security.tokens.daysHint')}
          rules={[{ required: true }]}
        >
          <InputNumber min={1} max={365} precision={0} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The new token's secret, shown this once, with a copy button. */
function SecretModal(props: { secret: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.secret);
      message.success(t('security.tokens.copied'));
    } catch (e) {
      message.error(errorMessage(t, e));
    }
  };
  return (
    <Modal
      open
      title={t('security.tokens.createdTitle')}
      closable={false}
      maskClosable={false}
      footer={
        <Button type="primary" onClick={props.onClose}>
          {t('security.tokens.done')}
        </Button>
      }
    >
      <Alert type="warning" showIcon title={t('security.tokens.createdHint')} />
      <Flex gap={8} style={{ marginTop: 16 }}>
        <Input readOnly value={props.secret} data-testid="new-token-secret" />
        <Button icon={<CopyOutlined />} onClick={copy}>
          {t('security.tokens.copy')}
        </Button>
      </Flex>
    </Modal>
  );
}
