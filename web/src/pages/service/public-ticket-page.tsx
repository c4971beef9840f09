import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The public web form that opens a ticket. */
export function PublicTicketPage() {
  const { t } = useTranslation();
  return <Typography.Title level={3}>{t('service.title')}</Typography.Title>;
}
