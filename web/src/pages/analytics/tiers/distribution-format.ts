import type { TFunction } from 'i18next';
import type { DistributionBy, DistributionPoint } from '../../../api/analytics-tiers';

/** A point of the distribution in words: the publication's date and number, or the month. */
export function pointLabel(t: TFunction, by: DistributionBy, p: DistributionPoint): string {
  if (p.draft) return t('analyticsTiers.distribution.pointDraft', { date: p.date, id: p.runId });
  return by === 'month'
    ? t('analyticsTiers.distribution.pointMonth', { month: p.key })
    : t('analyticsTiers.distribution.pointPublication', { date: p.date, id: p.publicationId });
}

/** A point's short label on the chart's axis. */
export function pointAxisLabel(t: TFunction, by: DistributionBy, p: DistributionPoint): string {
  if (p.draft) return t('analyticsTiers.distribution.axisDraft', { date: p.date });
  return by === 'month' ? p.key : p.date;
}
