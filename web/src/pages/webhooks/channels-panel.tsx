import { useQuery } from '@tanstack/react-query';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { notificationChannels } from '../../api/webhooks';

/** Which outbound channels are on: e-mail through SMTP (set by the server's environment). */
export function ChannelsPanel() {
  const { t } = useTranslation();
  const channels = useQuery({ queryKey: ['webhooks', 'channels'], queryFn: notificationChannels });
  if (!channels.data) return null;
  const { email, webhooks } = channels.data;
  return (
    <Alert
      data-testid="channels-panel"
      type={email ? 'success' : 'info'}
      showIcon
      style={{ marginBottom: 16 }}
      title={email ? t('webhooks.channels.emailOn') : t('webhooks.channels.emailOff')}
      description={t('webhooks.channels.summary', { count: webhooks })}
    />
  );
}
