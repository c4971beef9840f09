import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, Tabs, type TabsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { listRoles } from '../../api/users';
import { useAuth } from '../../auth/auth-provider';
import { errorMessage } from '../../errors';
import { PageHeader } from '../../layout/page-header';
import { ApiTokensTab } from './api-tokens-tab';
import { AuditTab } from './audit-tab';
import { CustomFieldsTab } from './custom-fields-tab';
import { RolesTable } from './roles-table';
import { SessionsTab } from './sessions-tab';
import { UsersTable } from './users-table';

/**
 * Users and roles for those who may read them; custom fields for those who read customers; API
 * tokens, sessions and the audit trail for those holding the matching permission.
 */
export function SettingsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const mayReadUsers = can('users.read');
  const roles = useQuery({ queryKey: ['roles'], queryFn: listRoles, enabled: mayReadUsers });
  // The open tab is in the URL, so a link can lead straight to it.
  const [params, setParams] = useSearchParams();

  const tabs: NonNullable<TabsProps['items']> = [];
  if (mayReadUsers) {
    tabs.push(
      { key: 'users', label: t('settings.users'), children: <UsersTable roles={roles.data} /> },
      {
        key: 'roles',
        label: t('settings.roles'),
        children: <RolesTable roles={roles.data} loading={roles.isLoading} />,
      },
    );
  }
  if (can('customers.read') || can('settings.manage')) {
    tabs.push({
      key: 'custom-fields',
      label: t('settings.customFields'),
      children: <CustomFieldsTab />,
    });
  }
  if (can('tokens.manage')) {
    tabs.push({ key: 'tokens', label: t('security.tokensTab'), children: <ApiTokensTab /> });
  }
  if (can('users.manage')) {
    tabs.push({ key: 'sessions', label: t('security.sessionsTab'), children: <SessionsTab /> });
  }
  if (can('audit.read')) {
    tabs.push({ key: 'audit', label: t('audit.tab'), children: <AuditTab /> });
  }

  return (
    <>
      <PageHeader title={t('settings.title')} subtitle={t('settings.subtitle')} />
      <Card>
        {tabs.length === 0 ? (
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
              items={tabs}
              activeKey={tabs.find((x) => x.key === params.get('tab'))?.key ?? tabs[0]?.key}
              onChange={(key) => setParams({ tab: key }, { replace: true })}
            />
          </>
        )}
      </Card>
    </>
  );
}
