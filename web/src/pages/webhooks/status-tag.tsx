import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DeliveryStatus } from '../../api/webhooks';

const COLORS: Record<DeliveryStatus, string> = {
  queued: 'gold',
  delivering: 'processing',
  delivered: 'success',
  failed: 'error',
};

/** A delivery status as a coloured tag. */
export function DeliveryStatusTag({ status }: { status: DeliveryStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status]} data-testid={`delivery-status-${status}`}>
      {t(`webhooks.status.${status}`)}
    </Tag>
  );
}
