import { dayNumber } from '../../domain/analytics/lifecycle';
import type { CustomerColumns } from './customer-columns';

/** Axis metrics of the nine-grid computed from the customer columns of a period. */
export const COLUMN_METRICS = [
  'revenue',
  'profit',
  'orders',
  'marginRate',
  'growth',
  'recencyDays',
] as const;
/** Axis metrics read from the newest finished lifetime-value model (when there is one). */
export const CLV_METRICS = ['clv', 'pAlive'] as const;
export const NINE_GRID_METRICS = [...COLUMN_METRICS, ...CLV_METRICS] as const;
export type NineGridMetric = (typeof NINE_GRID_METRICS)[number];

/** Metrics whose values (and thresholds) are money in minor units. */
export const MONEY_METRICS: ReadonlySet<NineGridMetric> = new Set(['revenue', 'profit', 'clv']);

/** Names of the metrics in export headers. */
export const METRIC_LABELS: Record<NineGridMetric, { 'zh-CN': string; en: string }> = {
  revenue: { 'zh-CN': '销售额', en: 'Revenue' },
  profit: { 'zh-CN': '毛利', en: 'Profit' },
  orders: { 'zh-CN': '订单数', en: 'Orders' },
  marginRate: { 'zh-CN': '毛利率', en: 'Margin rate' },
  growth: { 'zh-CN': '销售额增长率', en: 'Revenue growth' },
  recencyDays: { 'zh-CN': '距最近下单天数', en: 'Days since last order' },
  clv: { 'zh-CN': '客户终身价值', en: 'CLV' },
  pAlive: { 'zh-CN': '存活概率', en: 'P(alive)' },
};

/** What the metrics of one period are computed from. */
export interface MetricSource {
  cols: CustomerColumns;
  /**
   * Position in `before` (the period of the same length just before) of each customer of
   * `cols`, −1 when absent; only the growth metric reads it.
   */
  before?: { cols: CustomerColumns; at: Int32Array } | undefined;
  /** The day recency is counted to (the period's end, or today when that is later). */
  asOfDay: number;
  /** CLV and P(alive) by customer id, for the CLV metrics. */
  clv?: ReadonlyMap<number, { clv: number; pAlive: number }> | undefined;
}

/**
 * One metric for the customers at `positions` of `src.cols`, in that order. Every value is
 * finite: a margin rate without revenue is 0; growth is (revenue − revenue before) / revenue
 * before, +1 (100 %) for a customer without revenue before and some now, 0 without either;
 * recency is whole days from the last order to the as-of day; a customer the CLV model does
 * not know has CLV and P(alive) 0.
 */
export function metricValues(
  metric: NineGridMetric,
  src: MetricSource,
  positions: ArrayLike<number>,
): Float64Array {
  const { cols } = src;
  const out = new Float64Array(positions.length);
  for (let k = 0; k < positions.length; k++) {
    const i = positions[k]!;
    out[k] = valueAt(metric, src, cols, i);
  }
  return out;
}

function valueAt(
  metric: NineGridMetric,
  src: MetricSource,
  cols: CustomerColumns,
  i: number,
): number {
  switch (metric) {
    case 'revenue':
      return cols.revenue[i]!;
    case 'profit':
      return cols.profit[i]!;
    case 'orders':
      return cols.orders[i]!;
    case 'marginRate': {
      const r = cols.revenue[i]!;
      return r > 0 ? cols.profit[i]! / r : 0;
    }
    case 'growth': {
      const now = cols.revenue[i]!;
      const j = src.before ? src.before.at[i]! : -1;
      const before = j >= 0 && src.before ? src.before.cols.revenue[j]! : 0;
      if (before > 0) return (now - before) / before;
      return now > 0 ? 1 : 0;
    }
    case 'recencyDays': {
      const last = cols.lastOrderOn[i];
      return last ? Math.max(0, src.asOfDay - dayNumber(last)) : 0;
    }
    case 'clv':
      return src.clv?.get(cols.ids[i]!)?.clv ?? 0;
    case 'pAlive':
      return src.clv?.get(cols.ids[i]!)?.pAlive ?? 0;
  }
}

/**
 * Position in `other` of each customer of `cols` (−1 when absent). Both come from the same
 * scope in id order, so they normally hold the same customers at the same positions; a customer
 * added or deactivated between the two reads is matched by id instead.
 */
export function alignColumns(cols: CustomerColumns, other: CustomerColumns): Int32Array {
  const at = new Int32Array(cols.n);
  let same = cols.n === other.n;
  for (let i = 0; same && i < cols.n; i++) same = cols.ids[i] === other.ids[i];
  if (same) {
    for (let i = 0; i < cols.n; i++) at[i] = i;
    return at;
  }
  // Both are sorted by id: one merge walk.
  let j = 0;
  for (let i = 0; i < cols.n; i++) {
    const id = cols.ids[i]!;
    while (j < other.n && other.ids[j]! < id) j++;
    at[i] = j < other.n && other.ids[j] === id ? j : -1;
  }
  return at;
}

/** A metric's value as exports show it: money in major units, anything else as it is. */
export function exportValue(m: NineGridMetric, v: number | null): number | null {
  return v === null ? null : MONEY_METRICS.has(m) ? v / 100 : v;
}
