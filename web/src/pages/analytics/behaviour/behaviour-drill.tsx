import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import type { AnalyticsFilters, DrillRow } from '../../../api/analytics';
import {
  LIFECYCLE_CUSTOMERS_PATH,
  type LifecycleRules,
  type LifecycleStage,
  NINEGRID_CUSTOMERS_PATH,
  type NineGridCell,
  type NinegridQuery,
  SERVICE_CUSTOMERS_PATH,
} from '../../../api/analytics-behaviour';
import type { DrillExtraColumn, DrillTarget } from '../shared/drill-drawer';
import { formatMetric, formatNumber } from './behaviour-format';

/** Stage tag colours, new to churned. */
export const STAGE_COLORS: Record<LifecycleStage, string> = {
  new: 'cyan',
  active: 'green',
  silent: 'gold',
  at_risk: 'orange',
  churned: 'red',
};

/** What a nine-grid figure selects: a cell, or a square of the movement matrix. */
export type NinegridSelector =
  | { cell: NineGridCell }
  | { fromCell: NineGridCell | 'entered'; toCell: NineGridCell | 'left' };

/** The drill-down of a nine-grid cell or movement square, with the axis values and both cells. */
export function ninegridDrill(
  t: TFunction,
  lng: string,
  selector: NinegridSelector,
  query: NinegridQuery,
): DrillTarget {
  const name = (c: string) =>
    c === 'entered'
      ? t('analyticsBehaviour.ninegrid.entered')
      : c === 'left'
        ? t('analyticsBehaviour.ninegrid.left')
        : c;
  const title =
    'cell' in selector
      ? t('analyticsBehaviour.ninegrid.cellTitle', { cell: selector.cell })
      : t('analyticsBehaviour.ninegrid.moveTitle', {
          from: name(selector.fromCell),
          to: name(selector.toCell),
        });
  const value = (metric: NinegridQuery['x']) => (v: string | number | null) =>
    typeof v === 'number' ? formatMetric(metric, v, lng) : '—';
  const columns: DrillExtraColumn[] = [
    { key: 'x', title: t(`analyticsBehaviour.metric.${query.x}`), render: value(query.x) },
    { key: 'y', title: t(`analyticsBehaviour.metric.${query.y}`), render: value(query.y) },
    { key: 'cell', title: t('analyticsBehaviour.ninegrid.cell'), render: (v) => v ?? '—' },
    {
      key: 'previousCell',
      title: t('analyticsBehaviour.ninegrid.previousCell'),
      render: (v) => v ?? '—',
    },
  ];
  return {
    title,
    path: NINEGRID_CUSTOMERS_PATH,
    query: { ...query, ...selector },
    extraColumns: columns,
  };
}

/** The reason of a customer's stage, from the drill row's extra figures. */
export function stageReason(t: TFunction, lng: string, row: DrillRow): string {
  const e = row.extra;
  if (typeof e.daysSince !== 'number') return '—';
  return t('analyticsBehaviour.lifecycle.reasonText', {
    days: e.daysSince,
    multiple: formatNumber(Number(e.multiple), lng, 2),
    interval: formatNumber(Number(e.intervalDays), lng, 1),
    which:
      e.ownInterval === 1
        ? t('analyticsBehaviour.lifecycle.ownInterval')
        : t('analyticsBehaviour.lifecycle.typicalInterval'),
  });
}

/** Columns of a lifecycle list: the stage and why. */
export function lifecycleColumns(t: TFunction, lng: string): DrillExtraColumn[] {
  return [
    {
      key: 'stage',
      title: t('analyticsBehaviour.lifecycle.stage'),
      render: (v) =>
        v === null ? (
          '—'
        ) : (
          <Tag color={STAGE_COLORS[v as LifecycleStage]}>
            {t(`analyticsBehaviour.lifecycle.stages.${v as LifecycleStage}`)}
          </Tag>
        ),
    },
    {
      key: 'reason',
      title: t('analyticsBehaviour.lifecycle.reason'),
      render: (_v, row) => stageReason(t, lng, row),
    },
  ];
}

/** What a lifecycle figure selects: stages, or a cohort (one month after its first, or all). */
export type LifecycleSelector = { stage: LifecycleStage[] } | { cohort: string; offset?: number };

/** The drill-down of a lifecycle figure, with the page's filters and stage rules. */
export function lifecycleDrill(
  t: TFunction,
  lng: string,
  selector: LifecycleSelector,
  query: AnalyticsFilters & LifecycleRules,
): DrillTarget {
  const title =
    'stage' in selector
      ? selector.stage.map((s) => t(`analyticsBehaviour.lifecycle.stages.${s}`)).join(' + ')
      : selector.offset === undefined
        ? t('analyticsBehaviour.lifecycle.cohortTitle', { month: selector.cohort })
        : t('analyticsBehaviour.lifecycle.cohortCellTitle', {
            month: selector.cohort,
            n: selector.offset,
          });
  return {
    title,
    path: LIFECYCLE_CUSTOMERS_PATH,
    query: {
      ...query,
      ...('stage' in selector ? { stage: selector.stage.join(',') } : selector),
    },
    extraColumns: lifecycleColumns(t, lng),
  };
}

/** The drill-down of a tier's service figures (optionally one month). */
export function serviceDrill(
  t: TFunction,
  tierLabel: string,
  group: string,
  month: string | undefined,
  query: AnalyticsFilters,
): DrillTarget {
  return {
    title: month
      ? t('analyticsBehaviour.service.tierMonthTitle', { tier: tierLabel, month })
      : t('analyticsBehaviour.service.tierTitle', { tier: tierLabel }),
    path: SERVICE_CUSTOMERS_PATH,
    query: { ...query, group, month },
    extraColumns: [{ key: 'tickets', title: t('analyticsBehaviour.service.tickets') }],
  };
}
