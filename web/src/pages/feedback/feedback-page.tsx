import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Satisfaction surveys, campaigns, feedback follow-up and blacklist approvals. */
export function FeedbackPage() {
  const { t } = useTranslation();
  return <Typography.Title level={3}>{t('feedback.title')}</Typography.Title>;
}
