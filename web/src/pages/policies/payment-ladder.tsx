import { Card, Steps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PaymentTerm } from '../../api/policies';
import { localized } from '../../format';

/** The payment-terms ladder, most generous rung first. */
export function PaymentLadder({ terms }: { terms: PaymentTerm[] }) {
  const { t, i18n } = useTranslation();
  const days = (d: number) =>
    d < 0
      ? t('policy.catalog.beforeShipment')
      : d === 0
        ? t('policy.catalog.onDelivery')
        : t('policy.catalog.creditDays', { days: d });
  return (
    <Card size="small" title={t('policy.catalog.ladder')} style={{ marginBottom: 16 }}>
      <Steps
        size="small"
        current={-1}
        data-testid="payment-ladder"
        items={terms.map((term) => ({
          title: localized(term.name.zh, term.name.en, i18n.language),
          description: `${term.id} · ${days(term.creditDays)}`,
        }))}
      />
    </Card>
  );
}
