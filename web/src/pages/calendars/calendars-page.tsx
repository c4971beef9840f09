import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Business calendars. */
export function CalendarsPage() {
  const { t } = useTranslation();
  return <Typography.Title level={3}>{t('calendars.title')}</Typography.Title>;
}
