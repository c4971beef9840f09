import { Card, Steps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PaymentTerm, TierPolicy } from '../../api/policies';
import { localized } from '../../format';
import type { IssueMap } from './field';
import { LadderEditor } from './payment-ladder-editor';

/** How a rung's credit days read: days after delivery, on delivery, or before shipment. */
export function useCreditDaysText(): (days: number) => string {
  const { t } = useTranslation();
  return (d: number) =>
    d < 0
      ? t('policy.catalog.beforeShipment')
      : d === 0
        ? t('policy.catalog.onDelivery')
        : t('policy.catalog.creditDays', { days: d });
}

/**
 * The payment-terms ladder, most generous rung first: shown as steps when read-only, edited
 * rung by rung otherwise (saved with the rest of the catalog).
 */
export function PaymentLadder({
  terms,
  tiers,
  savedIds,
  readOnly,
  issues,
  onChange,
}: {
  terms: PaymentTerm[];
  tiers: TierPolicy[];
  savedIds: ReadonlySet<string>;
  readOnly: boolean;
  issues: IssueMap;
  onChange: (next: PaymentTerm[]) => void;
}) {
  const { t, i18n } = useTranslation();
  const days = useCreditDaysText();
  return (
    <Card size="small" title={t('policy.catalog.ladder')} style={{ marginBottom: 16 }}>
      {readOnly ? (
        <Steps
          size="small"
          current={-1}
          data-testid="payment-ladder"
          items={terms.map((term) => ({
            title: localized(term.name.zh, term.name.en, i18n.language),
            description: `${term.id} · ${days(term.creditDays)}`,
          }))}
        />
      ) : (
        <LadderEditor
          terms={terms}
          tiers={tiers}
          savedIds={savedIds}
          issues={issues}
          onChange={onChange}
        />
      )}
    </Card>
  );
}
