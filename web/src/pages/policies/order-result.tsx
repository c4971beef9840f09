import { Alert, Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrderCheck, OrderReason } from '../../api/orders';
import { formatDate, formatMoney } from '../../format';

/** One reason in the user's language, with the limit and what was asked. */
export function useReasonText() {
  const { t, i18n } = useTranslation();
  return (r: OrderReason) => {
    const date = (v: unknown) => (typeof v === 'string' ? formatDate(v, i18n.language) : String(v));
    const isDate = r.code === 'delivery_before_lead_time';
    return t(`policy.orders.reason.${r.code}`, {
      limit: isDate ? date(r.limit) : String(r.limit ?? ''),
      requested: isDate ? date(r.requested) : String(r.requested ?? ''),
    });
  };
}

/** The answer of an order check: allowed or refused with every reason, totals and dates. */
export function OrderResult({ result }: { result: OrderCheck }) {
  const { t, i18n } = useTranslation();
  const reasonText = useReasonText();
  return (
    <Alert
      data-testid="order-result"
      type={result.allowed ? 'success' : 'error'}
      showIcon
      style={{ marginBottom: 12 }}
      title={result.allowed ? t('policy.orders.allowed') : t('policy.orders.refused')}
      description={
        <>
          {result.reasons.length > 0 && (
            <ul style={{ margin: '0 0 8px', paddingInlineStart: 18 }} data-testid="order-reasons">
              {result.reasons.map((r) => (
                <li key={r.code} data-code={r.code}>
                  {reasonText(r)}
                </li>
              ))}
            </ul>
          )}
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('policy.orders.total')}>
              {t('policy.orders.floorTotal', {
                floor: formatMoney(result.totals.priceFloorMinor, i18n.language),
                requested: formatMoney(result.totals.requestedMinor, i18n.language),
                internal: formatMoney(result.totals.internalMinor, i18n.language),
              })}
            </Descriptions.Item>
            <Descriptions.Item label={t('policy.orders.deliveryDate')}>
              {t('policy.orders.earliest', {
                date: formatDate(result.earliestDelivery, i18n.language),
              })}
            </Descriptions.Item>
            {result.review && (
              <Descriptions.Item label={t('policy.field.orderReview')}>
                <Tag color={result.review === 'strict' ? 'red' : undefined}>
                  {t(`policy.review.${result.review}`)}
                </Tag>
              </Descriptions.Item>
            )}
          </Descriptions>
        </>
      }
    />
  );
}
