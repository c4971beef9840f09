import { Card, Divider, Flex, InputNumber, Select, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type {
  AccountModel,
  PaymentTerm,
  ReviewMode,
  RushMode,
  SchemeTier,
  TierPolicy,
} from '../../api/policies';
import { localized } from '../../format';
import { EntitlementsEditor } from './entitlements-editor';
import { Field, type IssueMap } from './field';

const RUSH: RushMode[] = ['jump_queue', 'by_capacity', 'none'];
const REVIEW: ReviewMode[] = ['light', 'standard', 'strict'];
const MODELS: AccountModel[] = ['dedicated', 'team', 'pooled'];

/** Every field of one tier's policy, editable unless `readOnly`. */
export function TierPolicyCard({
  policy,
  index,
  tier,
  ladder,
  readOnly,
  issues,
  onChange,
}: {
  policy: TierPolicy;
  index: number;
  tier: SchemeTier | undefined;
  ladder: PaymentTerm[];
  readOnly: boolean;
  issues: IssueMap;
  onChange: (next: TierPolicy) => void;
}) {
  const { t, i18n } = useTranslation();
  const path = `catalog.tiers.${index}`;
  const err = (f: string) => issues.get(`${path}.${f}`);
  const status = (f: string) => (err(f) ? ('error' as const) : undefined);
  const set = (patch: Partial<TierPolicy>) => onChange({ ...policy, ...patch });
  const setVisits = (patch: Partial<TierPolicy['visits']>) =>
    set({ visits: { ...policy.visits, ...patch } });
  const id = policy.tier;
  return (
    <Card
      size="small"
      data-testid={`tier-card-${id}`}
      title={
        <Flex gap={8} align="baseline">
          <Typography.Text strong>{id}</Typography.Text>
          {tier && (
            <Typography.Text type="secondary">
              {localized(tier.name.zh, tier.name.en, i18n.language)}
            </Typography.Text>
          )}
        </Flex>
      }
      style={{ marginBottom: 12 }}
    >
      <Flex gap={16} wrap>
        <Field label={t('policy.field.priceFloorPct')} error={err('priceFloorPct')}>
          <InputNumber
            data-testid={`floor-${id}`}
            aria-label={`${t('policy.field.priceFloorPct')} ${id}`}
            title={t('policy.field.priceFloorHint')}
            value={policy.priceFloorPct}
            step={1}
            disabled={readOnly}
            status={status('priceFloorPct')}
            onChange={(v) => set({ priceFloorPct: v ?? 0 })}
          />
        </Field>
        <Field label={t('policy.field.paymentTerm')} error={err('paymentTerm')}>
          <Select
            data-testid={`term-${id}`}
            style={{ minWidth: 200 }}
            value={policy.paymentTerm}
            disabled={readOnly}
            status={status('paymentTerm')}
            onChange={(v) => set({ paymentTerm: v })}
            options={ladder.map((term) => ({
              value: term.id,
              label: localized(term.name.zh, term.name.en, i18n.language),
            }))}
          />
        </Field>
        <Field label={t('policy.field.leadTimeDays')} error={err('leadTimeDays')}>
          <InputNumber
            aria-label={`${t('policy.field.leadTimeDays')} ${id}`}
            data-testid={`lead-${id}`}
            min={0}
            value={policy.leadTimeDays}
            placeholder={t('policy.field.noLeadTime')}
            disabled={readOnly}
            status={status('leadTimeDays')}
            onChange={(v) => set({ leadTimeDays: v ?? null })}
          />
        </Field>
        <Field label={t('policy.field.rush')} error={err('rush')}>
          <Select
            style={{ minWidth: 150 }}
            value={policy.rush}
            disabled={readOnly}
            onChange={(v) => set({ rush: v })}
            options={RUSH.map((m) => ({ value: m, label: t(`policy.rush.${m}`) }))}
          />
        </Field>
        <Field label={t('policy.field.orderReview')} error={err('orderReview')}>
          <Select
            style={{ minWidth: 110 }}
            value={policy.orderReview}
            disabled={readOnly}
            onChange={(v) => set({ orderReview: v })}
            options={REVIEW.map((m) => ({ value: m, label: t(`policy.review.${m}`) }))}
          />
        </Field>
        <Field label={t('policy.field.inquiryReplyHours')} error={err('inquiryReplyHours')}>
          <InputNumber
            aria-label={`${t('policy.field.inquiryReplyHours')} ${id}`}
            min={0}
            value={policy.inquiryReplyHours}
            disabled={readOnly}
            status={status('inquiryReplyHours')}
            onChange={(v) => set({ inquiryReplyHours: v ?? 0 })}
          />
        </Field>
      </Flex>
      <Flex gap={16} wrap style={{ marginTop: 12 }}>
        <Field label={t('policy.field.visitsMin')} error={err('visits.minPerMonth')}>
          <InputNumber
            aria-label={`${t('policy.field.visitsMin')} ${id}`}
            min={0}
            value={policy.visits.minPerMonth}
            disabled={readOnly}
            status={status('visits.minPerMonth')}
            onChange={(v) => setVisits({ minPerMonth: v ?? 0 })}
          />
        </Field>
        <Field label={t('policy.field.visitsMax')} error={err('visits.maxPerMonth')}>
          <InputNumber
            aria-label={`${t('policy.field.visitsMax')} ${id}`}
            min={0}
            value={policy.visits.maxPerMonth}
            disabled={readOnly}
            status={status('visits.maxPerMonth')}
            onChange={(v) => setVisits({ maxPerMonth: v ?? 0 })}
          />
        </Field>
        <Field label={t('policy.field.groupEveryMonths')} error={err('visits.groupEveryMonths')}>
          <InputNumber
            aria-label={`${t('policy.field.groupEveryMonths')} ${id}`}
            min={1}
            value={policy.visits.groupEveryMonths}
            disabled={readOnly}
            onChange={(v) => setVisits({ groupEveryMonths: v ?? null })}
          />
        </Field>
        <Field label={t('policy.field.accountModel')} error={err('accountModel')}>
          <Select
            style={{ minWidth: 200 }}
            value={policy.accountModel}
            disabled={readOnly}
            onChange={(v) => set({ accountModel: v })}
            options={MODELS.map((m) => ({ value: m, label: t(`policy.model.${m}`) }))}
          />
        </Field>
        <Field label={t('policy.field.executiveSponsor')}>
          <Switch
            checked={policy.executiveSponsor}
            disabled={readOnly}
            onChange={(on) => set({ executiveSponsor: on })}
          />
        </Field>
      </Flex>
      <Divider titlePlacement="start" plain style={{ margin: '12px 0 8px' }}>
        {t('policy.field.entitlements')}
      </Divider>
      <EntitlementsEditor
        value={policy.entitlements}
        readOnly={readOnly}
        issues={issues}
        prefix={`${path}.entitlements`}
        onChange={(entitlements) => set({ entitlements })}
      />
    </Card>
  );
}
