import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** SLA policies. */
export function SlaPoliciesPage() {
  const { t } = useTranslation();
  return <Typography.Title level={3}>{t('sla.title')}</Typography.Title>;
}
