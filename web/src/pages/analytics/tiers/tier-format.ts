import type { TFunction } from 'i18next';
import type { TierName, TierSide } from '../../../api/analytics-tiers';
import { localized } from '../../../format';

/** Tier colours, best tier first; "no tier" is grey. */
const PALETTE = ['#1677ff', '#52c41a', '#faad14', '#fa541c', '#722ed1', '#13c2c2', '#eb2f96'];
export const NONE_COLOR = '#bfbfbf';

/** The colour of the tier at `index` (best first). */
export function tierColor(index: number): string {
  return PALETTE[index % PALETTE.length]!;
}

/** A tier's name in the UI language; 'none' as the word for no tier. */
export function tierName(t: TFunction, tiers: readonly TierName[], id: string, lng: string) {
  if (id === 'none') return t('analyticsTiers.none');
  const tier = tiers.find((x) => x.id === id);
  return tier ? localized(tier.nameZh, tier.nameEn, lng) : id;
}

/** Minor units as a plain number of yuan, for chart axes. */
export const yuan = (minor: number) => Math.round(minor) / 100;

/** Money in minor units, short: ¥349.8万 in Chinese, ¥3.5M in English (for crowded labels). */
export function compactMoney(minor: number, lng: string): string {
  const n = new Intl.NumberFormat(lng, { notation: 'compact', maximumFractionDigits: 1 });
  return `${minor < 0 ? '-' : ''}¥${n.format(Math.abs(minor) / 100)}`;
}

/** A share 0–1 as a percentage with one decimal. */
export const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

/** One side of a comparison in words. */
export function sideLabel(t: TFunction, side: TierSide): string {
  if (side.kind === 'date') return t('analyticsTiers.migration.side.date', { date: side.date });
  if (side.kind === 'previous') {
    return side.runId === null
      ? t('analyticsTiers.migration.side.previousNone', { of: side.ofRunId })
      : t('analyticsTiers.migration.side.previous', { of: side.ofRunId, id: side.runId });
  }
  return side.effectiveFrom
    ? t('analyticsTiers.migration.side.published', {
        id: side.runId,
        asOf: side.asOf,
        effectiveFrom: side.effectiveFrom,
      })
    : t('analyticsTiers.migration.side.draft', { id: side.runId, asOf: side.asOf });
}
