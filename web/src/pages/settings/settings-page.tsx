import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { listRoles } from '../../api/users';
import { useAuth } from '../../auth/auth-provider';
import { errorMessage } from '../../errors';
import { PageHeader } from '../../layout/page-header';
import { RolesTable } from './roles-table';
import { UsersTable } from './users-table';

/** Users and roles, for those who may read them. */
export function SettingsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const mayRead = can('users.read');
  const roles = useQuery({ queryKey: ['roles'], queryFn: listRoles, enabled: mayRead });

  return (
    <>
      <PageHeader title={t('settings.title')} subtitle={t('settings.subtitle')} />
      <Card>
        {!mayRead ? (
          <Empty description={t('settings.nothing')} />
        ) : (
          <>
            {roles.isError && (
              <Alert
                type="error"
                showIcon
                title={errorMessage(t, roles.error)}
                style={{ marginBottom: 16 }}
              />
            )}
            <Tabs
              items={[
                {
                  key: 'users',
                  label: t('settings.users'),
                  children: <UsersTable roles={roles.data} />,
                },
                {
                  key: 'roles',
                  label: t('settings.roles'),
                  children: <RolesTable roles={roles.data} loading={roles.isLoading} />,
                },
              ]}
            />
          </>
        )}
      </Card>
    </>
  );
}
