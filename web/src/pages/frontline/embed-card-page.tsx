import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The front-line card as an embeddable page. */
export function EmbedCardPage() {
  const { t } = useTranslation();
  return <Typography.Title level={3}>{t('frontline.title')}</Typography.Title>;
}
