import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Account managers, the pool, visit plans and coverage. */
export function AccountsPage() {
  const { t } = useTranslation();
  return <Typography.Title level={3}>{t('accounts.title')}</Typography.Title>;
}
