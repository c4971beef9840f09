import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Webhook endpoints and deliveries. */
export function WebhooksPage() {
  const { t } = useTranslation();
  return <Typography.Title level={3}>{t('webhooks.title')}</Typography.Title>;
}
