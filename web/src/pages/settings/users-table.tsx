import { EditOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Table, type TableProps, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role, User } from '../../api/types';
import { listUsers, updateUser } from '../../api/users';
import { useAuth } from '../../auth/auth-provider';
import { errorMessage } from '../../errors';
import { formatDateTime } from '../../format';
import { roleName } from './role-name';

/** The region and team a user's row scope reads, edited in a small dialog. */
function ScopeDialog({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ region: string; team: string }>();
  const save = useMutation({
    mutationFn: (v: { region: string; team: string }) =>
      updateUser(user.id, { region: v.region.trim() || null, team: v.team.trim() || null }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['users'] });
      void message.success(t('scopes.saved'));
      onClose();
    },
  });
  return (
    <Modal
      open
      title={t('scopes.editTitle', { name: user.displayName })}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      {save.isError && <Alert type="error" showIcon title={errorMessage(t, save.error)} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ region: user.region ?? '', team: user.team ?? '' }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="region" label={t('scopes.region')} extra={t('scopes.regionHelp')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="team" label={t('scopes.team')} extra={t('scopes.teamHelp')}>
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Every user with their role (named in the UI language), row scope, region, team and status. */
export function UsersTable({ roles }: { roles: Role[] | undefined }) {
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const [editing, setEditing] = useState<User | undefined>();
  const users = useQuery({ queryKey: ['users'], queryFn: listUsers });
  const none = t('common.none');
  const roleById = new Map((roles ?? []).map((r) => [r.id, r]));

  const columns: TableProps<User>['columns'] = [
    { key: 'username', dataIndex: 'username', title: t('settings.user.username') },
    { key: 'displayName', dataIndex: 'displayName', title: t('settings.user.displayName') },
    {
      key: 'email',
      dataIndex: 'email',
      title: t('settings.user.email'),
      render: (v: string | null) => v ?? none,
    },
    {
      key: 'role',
      dataIndex: 'roleId',
      title: t('settings.user.role'),
      render: (id: string) => {
        const role = roleById.get(id);
        return role ? roleName(role, i18n.language) : id;
      },
    },
    {
      key: 'rowScope',
      title: t('scopes.rowScope'),
      render: (_: unknown, u: User) => {
        const scope = roleById.get(u.roleId)?.rowScope;
        return scope ? t(`scopes.scope.${scope}`) : none;
      },
    },
    {
      key: 'region',
      dataIndex: 'region',
      title: t('settings.user.region'),
      render: (v: string | null) => v ?? none,
    },
    {
      key: 'team',
      dataIndex: 'team',
      title: t('scopes.team'),
      render: (v: string | null) => v ?? none,
    },
    {
      key: 'active',
      dataIndex: 'active',
      title: t('settings.user.status'),
      render: (active: boolean) =>
        active ? (
          <Tag color="success">{t('settings.user.active')}</Tag>
        ) : (
          <Tag>{t('settings.user.inactive')}</Tag>
        ),
    },
    {
      key: 'locale',
      dataIndex: 'locale',
      title: t('settings.user.locale'),
      render: (v: string) => (v === 'en' || v === 'zh-CN' ? t(`language.${v}`) : v),
    },
    {
      key: 'createdAt',
      dataIndex: 'createdAt',
      title: t('settings.user.createdAt'),
      render: (v: string) => formatDateTime(v, i18n.language),
    },
    ...(can('users.manage')
      ? [
          {
            key: 'edit',
            title: '',
            render: (_: unknown, u: User) => (
              <Button
                size="small"
                icon={<EditOutlined />}
                aria-label={t('scopes.edit')}
                onClick={() => setEditing(u)}
              >
                {t('scopes.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  if (users.isError) return <Alert type="error" showIcon title={errorMessage(t, users.error)} />;
  return (
    <>
      <Table<User>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={users.data ?? []}
        loading={users.isLoading}
        pagination={false}
        scroll={{ x: 1100 }}
      />
      {editing && <ScopeDialog user={editing} onClose={() => setEditing(undefined)} />}
    </>
  );
}
