import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import type { AnalyticsFilters } from '../../../api/analytics';
import {
  type DistributionPoint,
  type Move,
  resolvedComparison,
  TIER_DISTRIBUTION_PATH,
  TIER_MIGRATION_PATH,
  type TierDistribution,
  type TierMigration,
} from '../../../api/analytics-tiers';
import { formatMoney } from '../../../format';
import type { DrillTarget } from '../shared/drill-drawer';
import { pointLabel } from './distribution-format';
import { tierName } from './tier-format';

/** Tag colours of the moves. */
export const MOVE_COLORS: Record<Move, string> = {
  up: 'green',
  down: 'red',
  stayed: 'default',
  new: 'blue',
  gone: 'orange',
};

/** The customers in one tier (or every tiered one) at one point of the distribution. */
export function distributionDrill(
  t: TFunction,
  lng: string,
  d: TierDistribution,
  point: DistributionPoint,
  tier: string | undefined,
  filters: AnalyticsFilters,
): DrillTarget {
  const what = tier ? tierName(t, d.tiers, tier, lng) : t('analyticsTiers.distribution.allTiered');
  return {
    title: `${pointLabel(t, d.by, point)} · ${what}`,
    path: `${TIER_DISTRIBUTION_PATH}/customers`,
    query: {
      ...filters,
      schemeId: String(d.scheme.id),
      by: d.by,
      point: point.key,
      ...(tier ? { pointTier: tier } : {}),
    },
    extraColumns: [
      {
        key: 'tier',
        title: t('analyticsTiers.columns.tier'),
        render: (v) => (v === null ? '' : tierName(t, d.tiers, String(v), lng)),
      },
      { key: 'score', title: t('analyticsTiers.columns.score') },
    ],
  };
}

/** What part of a migration a click selects: a cell, a row, a column, or a move. */
export type MigrationSelector = { fromTier?: string; toTier?: string; move?: Move };

/** The customers behind part of a migration, with tiers, move, scores and both revenues. */
export function migrationDrill(
  t: TFunction,
  lng: string,
  m: TierMigration,
  selector: MigrationSelector,
  filters: AnalyticsFilters,
): DrillTarget {
  const name = (id: string | undefined, none: string) =>
    id === undefined ? '…' : id === 'none' ? none : tierName(t, m.tiers, id, lng);
  const title = selector.move
    ? t(`analyticsTiers.moves.${selector.move}`)
    : `${name(selector.fromTier, t('analyticsTiers.noneBefore'))} → ${name(
        selector.toTier,
        t('analyticsTiers.noneAfter'),
      )}`;
  const tierCell = (v: string | number | null) =>
    v === null ? t('analyticsTiers.none') : tierName(t, m.tiers, String(v), lng);
  const money = (v: string | number | null) => (v === null ? '' : formatMoney(Number(v), lng));
  return {
    title,
    path: `${TIER_MIGRATION_PATH}/customers`,
    query: { ...filters, schemeId: String(m.scheme.id), ...resolvedComparison(m), ...selector },
    extraColumns: [
      { key: 'fromTier', title: t('analyticsTiers.columns.fromTier'), render: tierCell },
      { key: 'toTier', title: t('analyticsTiers.columns.toTier'), render: tierCell },
      {
        key: 'move',
        title: t('analyticsTiers.columns.move'),
        render: (v) =>
          v === null ? null : (
            <Tag color={MOVE_COLORS[v as Move]}>{t(`analyticsTiers.moves.${v as Move}`)}</Tag>
          ),
      },
      { key: 'scoreBefore', title: t('analyticsTiers.columns.scoreBefore') },
      { key: 'scoreAfter', title: t('analyticsTiers.columns.scoreAfter') },
      {
        key: 'revenueBeforeMinor',
        title: t('analyticsTiers.columns.revenueBefore'),
        render: money,
      },
      {
        key: 'revenueChangeMinor',
        title: t('analyticsTiers.columns.revenueChange'),
        render: money,
      },
    ],
  };
}
