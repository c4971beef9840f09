import { Alert, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Shows a new signing secret the only time the server gives it out. */
export function SecretModal({ secret, onClose }: { secret: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open={secret !== null}
      title={t('webhooks.secret.title')}
      onOk={onClose}
      onCancel={onClose}
      okText={t('webhooks.secret.done')}
      cancelButtonProps={{ style: { display: 'none' } }}
      destroyOnHidden
    >
      <Alert
        type="warning"
        showIcon
        title={t('webhooks.secret.once')}
        style={{ marginBottom: 12 }}
      />
      <Typography.Paragraph
        code
        copyable={{ text: secret ?? '' }}
        data-testid="webhook-secret"
        style={{ wordBreak: 'break-all' }}
      >
        {secret}
      </Typography.Paragraph>
      <Typography.Text type="secondary">{t('webhooks.secret.howTo')}</Typography.Text>
    </Modal>
  );
}
