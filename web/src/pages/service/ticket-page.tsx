import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** One ticket: conversation, notes, status. */
export function TicketPage() {
  const { t } = useTranslation();
  return <Typography.Title level={3}>{t('service.title')}</Typography.Title>;
}
