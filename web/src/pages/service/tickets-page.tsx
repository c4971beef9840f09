import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The ticket list and the agent queue. */
export function TicketsPage() {
  const { t } = useTranslation();
  return <Typography.Title level={3}>{t('service.title')}</Typography.Title>;
}
