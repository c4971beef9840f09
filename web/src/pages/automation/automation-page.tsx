import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Automation rules and firings. */
export function AutomationPage() {
  const { t } = useTranslation();
  return <Typography.Title level={3}>{t('automation.title')}</Typography.Title>;
}
