import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Order check and the order queue. */
export function OrderCheckPage() {
  const { t } = useTranslation();
  return <Typography.Title level={3}>{t('policy.title')}</Typography.Title>;
}
