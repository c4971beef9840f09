import { useQuery } from '@tanstack/react-query';
import { Alert, Table, type TableProps, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Role, User } from '../../api/types';
import { listUsers } from '../../api/users';
import { errorMessage } from '../../errors';
import { formatDateTime } from '../../format';
import { roleName } from './role-name';

/** Every user with their role (named in the UI language) and status. */
export function UsersTable({ roles }: { roles: Role[] | undefined }) {
  const { t, i18n } = useTranslation();
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
      key: 'region',
      dataIndex: 'region',
      title: t('settings.user.region'),
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
  ];

  if (users.isError) return <Alert type="error" showIcon title={errorMessage(t, users.error)} />;
  return (
    <Table<User>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={users.data ?? []}
      loading={users.isLoading}
      pagination={false}
      scroll={{ x: 900 }}
    />
  );
}
