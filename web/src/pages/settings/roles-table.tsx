import { DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  type TableProps,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { ParseKeys, TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  createRole,
  deleteRole,
  getPermissionCatalog,
  listRoleMatrix,
  ROW_SCOPES,
  type RoleInput,
  type RoleView,
  type RowScope,
  updateRole,
} from '../../api/roles';
import type { Role } from '../../api/types';
import { useAuth } from '../../auth/auth-provider';
import { errorMessage } from '../../errors';
import { roleName } from './role-name';

/** A label from the role editor's messages, falling back to the raw key for newer servers. */
function msg(t: TFunction, key: string, fallback: string): string {
  return t(`roleEditor.${key}` as ParseKeys, { defaultValue: fallback });
}

interface Row {
  key: string;
  /** Set on permission rows; an area's heading row has none. */
  permission?: string;
  area: string;
}

type Draft = { permissions: string[]; rowScope: RowScope };

/**
 * Permissions per role as a matrix: rows are permissions grouped by area, columns are roles.
 * Built-in roles are shown read-only; custom roles can be edited (permissions and row scope),
 * created and deleted by holders of roles.manage.
 */
export function RolesTable({ loading }: { roles: Role[] | undefined; loading: boolean }) {
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const mayManage = can('roles.manage');
  const qc = useQueryClient();
  const roles = useQuery({ queryKey: ['roles', 'matrix'], queryFn: listRoleMatrix });
  const catalog = useQuery({ queryKey: ['permissions'], queryFn: getPermissionCatalog });
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<RoleInput & { copyFrom?: string }>();

  const refresh = () => {
    void qc.invalidateQueries({ queryKey: ['roles'] });
  };
  const save = useMutation({
    mutationFn: ({ id, draft }: { id: string; draft: Draft }) => updateRole(id, draft),
    onSuccess: (r) => {
      setDrafts(({ [r.id]: _, ...rest }) => rest);
      message.success(t('roleEditor.saved'));
      refresh();
    },
  });
  const remove = useMutation({
    mutationFn: deleteRole,
    onSuccess: () => {
      message.success(t('roleEditor.deleted'));
      refresh();
    },
  });
  const create = useMutation({
    mutationFn: createRole,
    onSuccess: () => {
      setCreating(false);
      form.resetFields();
      refresh();
    },
  });

  const list = roles.data ?? [];
  const draftOf = (r: RoleView): Draft =>
    drafts[r.id] ?? { permissions: r.permissions, rowScope: r.rowScope };
  const toggle = (r: RoleView, p: string, on: boolean) => {
    const d = draftOf(r);
    const permissions = on ? [...d.permissions, p] : d.permissions.filter((x) => x !== p);
    setDrafts({ ...drafts, [r.id]: { ...d, permissions } });
  };

  // One heading row per area, then its permissions (flat, so nothing folds away).
  const rows: Row[] = (catalog.data?.areas ?? []).flatMap((a) => [
    { key: `area:${a.area}`, area: a.area },
    ...a.permissions.map((p) => ({ key: p, permission: p, area: a.area })),
  ]);

  const scopeLabel = (s: string) => msg(t, `scope.${s}`, s);
  const columns: TableProps<Row>['columns'] = [
    {
      key: 'permission',
      title: t('roleEditor.permission'),
      fixed: 'left',
      width: 300,
      render: (_: unknown, row) =>
        row.permission ? (
          <Space direction="vertical" size={0} style={{ paddingLeft: 16 }}>
            <Typography.Text>{msg(t, `labels.${row.permission}`, row.permission)}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {msg(t, `descriptions.${row.permission}`, '')}
            </Typography.Text>
          </Space>
        ) : (
          <Typography.Text strong>{msg(t, `areas.${row.area}`, row.area)}</Typography.Text>
        ),
    },
    ...list.map((r) => {
      const d = draftOf(r);
      const editable = mayManage && !r.builtin;
      const dirty = !!drafts[r.id];
      return {
        key: r.id,
        width: 150,
        align: 'center' as const,
        title: (
          <Space direction="vertical" size={4} data-testid={`role-col-${r.id}`}>
            <Typography.Text strong>{roleName(r, i18n.language)}</Typography.Text>
            <Space size={4}>
              {r.builtin ? (
                <Tag color="blue">{t('roleEditor.builtin')}</Tag>
              ) : (
                <Tag color="green">{t('roleEditor.custom')}</Tag>
              )}
              <Tooltip title={t('roleEditor.holders')}>
                <Tag>{r.users}</Tag>
              </Tooltip>
            </Space>
            <Select
              size="small"
              value={d.rowScope}
              disabled={!editable}
              style={{ width: 120 }}
              aria-label={t('roleEditor.rowScope')}
              data-testid={`role-scope-${r.id}`}
              options={ROW_SCOPES.map((s) => ({ value: s, label: scopeLabel(s) }))}
              onChange={(rowScope: RowScope) =>
                setDrafts({ ...drafts, [r.id]: { ...d, rowScope } })
              }
            />
            {editable && (
              <Space size={4}>
                <Button
                  size="small"
                  type="primary"
                  icon={<SaveOutlined />}
                  disabled={!dirty}
                  loading={save.isPending && save.variables?.id === r.id}
                  onClick={() => save.mutate({ id: r.id, draft: d })}
                  data-testid={`role-save-${r.id}`}
                >
                  {t('roleEditor.save')}
                </Button>
                <Popconfirm
                  title={t('roleEditor.confirmDelete')}
                  onConfirm={() => remove.mutate(r.id)}
                >
                  <Button size="small" danger icon={<DeleteOutlined />} aria-label="delete" />
                </Popconfirm>
              </Space>
            )}
          </Space>
        ),
        render: (_: unknown, row: Row) => {
          if (!row.permission) return null;
          const p = row.permission;
          return (
            <Checkbox
              checked={d.permissions.includes(p)}
              disabled={!editable}
              aria-label={`${r.id} ${p}`}
              data-testid={`cell-${r.id}-${p}`}
              onChange={(e) => toggle(r, p, e.target.checked)}
            />
          );
        },
      };
    }),
  ];

  const error = roles.error ?? catalog.error ?? save.error ?? remove.error;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('roleEditor.intro')}
      </Typography.Paragraph>
      {mayManage && (
        <Button icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="role-create">
          {t('roleEditor.create')}
        </Button>
      )}
      {error && <Alert type="error" showIcon title={errorMessage(t, error)} />}
      <Table<Row>
        rowKey="key"
        size="small"
        data-testid="role-matrix"
        columns={columns}
        dataSource={rows}
        loading={loading || roles.isLoading || catalog.isLoading}
        pagination={false}
        scroll={{ x: 300 + 150 * list.length }}
      />
      <Modal
        open={creating}
        title={t('roleEditor.create')}
        okText={t('roleEditor.createOk')}
        confirmLoading={create.isPending}
        onCancel={() => setCreating(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        {create.isError && (
          <Alert
            type="error"
            showIcon
            title={errorMessage(t, create.error)}
            style={{ marginBottom: 12 }}
          />
        )}
        <Form
          form={form}
          layout="vertical"
          initialValues={{ rowScope: 'own' }}
          onFinish={({ copyFrom, ...v }) =>
            create.mutate({
              ...v,
              permissions: list.find((r) => r.id === copyFrom)?.permissions ?? [],
            })
          }
        >
          <Form.Item
            name="id"
            label={t('roleEditor.id')}
            extra={t('roleEditor.idHelp')}
            rules={[{ required: true }]}
          >
            <Input data-testid="role-new-id" />
          </Form.Item>
          <Form.Item name="nameZh" label={t('roleEditor.nameZh')} rules={[{ required: true }]}>
            <Input data-testid="role-new-name-zh" />
          </Form.Item>
          <Form.Item name="nameEn" label={t('roleEditor.nameEn')} rules={[{ required: true }]}>
            <Input data-testid="role-new-name-en" />
          </Form.Item>
          <Form.Item name="rowScope" label={t('roleEditor.rowScope')}>
            <Select options={ROW_SCOPES.map((s) => ({ value: s, label: scopeLabel(s) }))} />
          </Form.Item>
          <Form.Item name="copyFrom" label={t('roleEditor.copyFrom')}>
            <Select
              allowClear
              options={list.map((r) => ({ value: r.id, label: roleName(r, i18n.language) }))}
            />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
