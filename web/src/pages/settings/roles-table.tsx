import { Table, type TableProps, Tag } from 'antd';
import type { ParseKeys, TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../api/types';
import { roleName } from './role-name';

/**
 * A permission's label in the UI language. Permissions come from the server and may be newer
 * than this UI, so an unknown one is shown by its key.
 */
function permissionLabel(t: TFunction, p: string): string {
  return t(`permissions.${p}` as ParseKeys, { defaultValue: p });
}

/** Every role and what it may do. */
export function RolesTable({ roles, loading }: { roles: Role[] | undefined; loading: boolean }) {
  const { t, i18n } = useTranslation();

  const columns: TableProps<Role>['columns'] = [
    {
      key: 'name',
      title: t('settings.role.name'),
      render: (_: unknown, r) => roleName(r, i18n.language),
      width: 160,
    },
    { key: 'id', dataIndex: 'id', title: t('settings.role.id'), width: 170 },
    {
      key: 'permissions',
      dataIndex: 'permissions',
      title: t('settings.role.permissions'),
      render: (ps: string[]) =>
        ps.map((p) => (
          <Tag key={p} title={p} style={{ marginBottom: 4 }}>
            {permissionLabel(t, p)}
          </Tag>
        )),
    },
    {
      key: 'builtin',
      dataIndex: 'builtin',
      title: t('settings.role.kind'),
      width: 100,
      render: (b: boolean) =>
        b ? <Tag color="blue">{t('settings.role.builtin')}</Tag> : t('settings.role.custom'),
    },
  ];

  return (
    <Table<Role>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={roles ?? []}
      loading={loading}
      pagination={false}
      scroll={{ x: 800 }}
    />
  );
}
