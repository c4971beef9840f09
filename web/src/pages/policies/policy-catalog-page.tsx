import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The tier policy catalog. */
export function PolicyCatalogPage() {
  const { t } = useTranslation();
  return <Typography.Title level={3}>{t('policy.title')}</Typography.Title>;
}
