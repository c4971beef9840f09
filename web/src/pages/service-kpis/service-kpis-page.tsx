import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Service KPIs by tier, level, category, team and period. */
export function ServiceKpisPage() {
  const { t } = useTranslation();
  return <Typography.Title level={3}>{t('serviceKpi.title')}</Typography.Title>;
}
