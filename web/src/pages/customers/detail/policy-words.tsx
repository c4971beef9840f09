import { Descriptions } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { TierPolicy } from '../../../api/policies';

/** The price floor in words: "up to 5% below the internal price", "internal price +5%". */
export function floorWords(t: TFunction, pct: number): string {
  if (pct < 0) return t('policy.customer.words.floorBelow', { pct: -pct });
  if (pct > 0) return t('policy.customer.words.floorAbove', { pct });
  return t('policy.customer.words.floorAt');
}

/** How often the customer is visited, group customers included. */
function visitWords(t: TFunction, v: TierPolicy['visits']): string {
  const base =
    v.maxPerMonth === 0
      ? t('policy.customer.words.noVisits')
      : v.minPerMonth === v.maxPerMonth
        ? t('policy.customer.words.visitsExact', { n: v.maxPerMonth })
        : t('policy.customer.words.visitsRange', { min: v.minPerMonth, max: v.maxPerMonth });
  return v.groupEveryMonths === null
    ? base
    : `${base}; ${t('policy.customer.words.groupVisits', { months: v.groupEveryMonths })}`;
}

/** A tier's policy in plain words, in the user's language (the payment term is shown apart). */
export function PolicyWords({ policy: p }: { policy: TierPolicy }) {
  const { t } = useTranslation();
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, md: 2, xl: 3 }}
      data-testid="policy-words"
      items={[
        {
          key: 'floor',
          label: t('policy.customer.words.priceFloor'),
          children: floorWords(t, p.priceFloorPct),
        },
        {
          key: 'lead',
          label: t('policy.customer.words.leadTime'),
          children:
            p.leadTimeDays === null
              ? t('policy.customer.words.noLeadTime')
              : t('policy.customer.words.leadDays', { days: p.leadTimeDays }),
        },
        { key: 'rush', label: t('policy.field.rush'), children: t(`policy.rush.${p.rush}`) },
        {
          key: 'review',
          label: t('policy.field.orderReview'),
          children: t(`policy.review.${p.orderReview}`),
        },
        {
          key: 'inquiry',
          label: t('policy.customer.words.inquiry'),
          children: t('policy.customer.words.inquiryHours', { hours: p.inquiryReplyHours }),
        },
        {
          key: 'visits',
          label: t('policy.customer.words.visits'),
          children: visitWords(t, p.visits),
        },
        {
          key: 'model',
          label: t('policy.field.accountModel'),
          children: t(`policy.model.${p.accountModel}`),
        },
        {
          key: 'sponsor',
          label: t('policy.customer.words.sponsor'),
          children: p.executiveSponsor
            ? t('policy.customer.words.sponsorYes')
            : t('policy.customer.words.sponsorNo'),
        },
      ]}
    />
  );
}
