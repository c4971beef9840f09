import { Button, Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerPolicy, PaymentTerm } from '../../../api/policies';
import { localized } from '../../../format';
import { AdjustTermModal } from './policy-adjust-modal';
import { type TermAdjustmentRow, TermAdjustmentsTable } from './policy-term-adjustments';

/**
 * The payment term in force; when adjustments moved it below the tier's term, the tier's term,
 * how far it moved and each adjustment (revocable by policy managers, who may also add one).
 */
export function PolicyPaymentTerm({
  policy,
  mayManage,
}: {
  policy: CustomerPolicy;
  mayManage: boolean;
}) {
  const { t, i18n } = useTranslation();
  const [adjusting, setAdjusting] = useState(false);
  const name = (x: PaymentTerm) => localized(x.name.zh, x.name.en, i18n.language);
  const tierTerm = policy.paymentTerms.find((x) => x.id === policy.policy?.paymentTerm);
  const rows = policy.termAdjustments as TermAdjustmentRow[];
  const moved = rows.reduce((s, a) => s + a.steps, 0);
  const current = policy.paymentTerm;
  return (
    <Flex vertical gap={8} data-testid="policy-term">
      <Flex gap={8} align="center" wrap>
        <Typography.Text strong>{t('policy.customer.term.title')}</Typography.Text>
        {current && (
          <Tag color={moved > 0 ? 'orange' : 'green'} data-testid="term-in-force">
            {t('policy.customer.term.inForce', { term: name(current) })}
          </Tag>
        )}
        {moved > 0 && tierTerm && (
          <Typography.Text type="secondary" data-testid="term-tier">
            {t('policy.customer.term.tierAllows', { term: name(tierTerm) })} ·{' '}
            {t('policy.customer.term.movedDown', { steps: moved })}
          </Typography.Text>
        )}
        {mayManage && current && (
          <Button size="small" data-testid="adjust-term" onClick={() => setAdjusting(true)}>
            {t('policy.customer.term.adjust')}
          </Button>
        )}
      </Flex>
      {rows.length === 0 ? (
        <Typography.Text type="secondary">
          {t('policy.customer.term.noAdjustments')}
        </Typography.Text>
      ) : (
        <TermAdjustmentsTable customerId={policy.customerId} rows={rows} mayManage={mayManage} />
      )}
      {adjusting && <AdjustTermModal policy={policy} onClose={() => setAdjusting(false)} />}
    </Flex>
  );
}
