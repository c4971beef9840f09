/**
 * The metrics a scheme may score, as data. Values reach the evaluator per customer in these
 * units: money in major units (yuan, not fen), rates as percentages 0–100, counts, days, months.
 */

export const METRIC_UNITS = [
  'money',
  'count',
  'percent',
  'days',
  'months',
  'per_month',
  'score',
  'flag',
  'number',
] as const;
export type MetricUnit = (typeof METRIC_UNITS)[number];

/** Whether a larger value is better for the customer's standing. */
export type MetricDirection = 'higher' | 'lower';

export interface LocalizedText {
  zh: string;
  en: string;
}

export interface MetricDef {
  id: string;
  label: LocalizedText;
  unit: MetricUnit;
  direction: MetricDirection;
  /**
   * True when the metric is aggregated over a time window (revenue in the last 12 months);
   * false when it is read at the as-of date (days since the last order, tenure, a tag).
   */
  windowed: boolean;
  /** Values the metric can take; used to refuse conditions that can never hold. */
  range?: readonly [number, number];
}

const NON_NEGATIVE = [0, Number.POSITIVE_INFINITY] as const;
const PERCENT = [0, 100] as const;

const entries: MetricDef[] = [
  m('revenue', '销售额', 'revenue', 'money', 'higher', true),
  m('profit', '利润', 'profit', 'money', 'higher', true),
  m('margin_rate', '毛利率', 'margin rate', 'percent', 'higher', true, [
    Number.NEGATIVE_INFINITY,
    100,
  ]),
  m('order_count', '订单数', 'order count', 'count', 'higher', true, NON_NEGATIVE),
  m('avg_order_value', '平均订单金额', 'average order value', 'money', 'higher', true),
  m(
    'purchase_frequency',
    '购买频率',
    'purchase frequency',
    'per_month',
    'higher',
    true,
    NON_NEGATIVE,
  ),
  m(
    'days_since_last_order',
    '距上次下单天数',
    'days since last order',
    'days',
    'lower',
    false,
    NON_NEGATIVE,
  ),
  m('tenure_months', '合作月数', 'tenure', 'months', 'higher', false, NON_NEGATIVE),
  m('growth_rate', '增长率', 'growth rate', 'percent', 'higher', true, [
    -100,
    Number.POSITIVE_INFINITY,
  ]),
  m(
    'on_time_payment_rate',
    '按时付款率',
    'on-time payment rate',
    'percent',
    'higher',
    true,
    PERCENT,
  ),
  m(
    'late_payments_per_quarter',
    '每季度逾期次数',
    'late payments per quarter',
    'count',
    'lower',
    true,
    NON_NEGATIVE,
  ),
  m('days_overdue', '逾期天数', 'days overdue', 'days', 'lower', false, NON_NEGATIVE),
  // Collections can exceed 100% of the window's invoices when old receivables are paid.
  m('collection_rate', '回款率', 'collection rate', 'percent', 'higher', true, NON_NEGATIVE),
  m('complaint_count', '投诉次数', 'complaint count', 'count', 'lower', true, NON_NEGATIVE),
  m('avg_satisfaction', '平均满意度', 'average satisfaction', 'score', 'higher', true, [1, 5]),
  m('referral_count', '转介绍数', 'referrals', 'count', 'higher', true, NON_NEGATIVE),
  m('share_of_wallet', '我司产品占比', 'share of wallet', 'percent', 'higher', true, PERCENT),
  m(
    'inventory_stagnation',
    '库存呆滞率',
    'inventory stagnation',
    'percent',
    'lower',
    false,
    PERCENT,
  ),
  // From the newest finished lifetime-value model (BG/NBD + Gamma-Gamma), not from a window:
  // CLV over the model's horizon, P(alive) as a percentage, expected purchase days.
  m('clv', '客户终身价值', 'customer lifetime value', 'money', 'higher', false, NON_NEGATIVE),
  m('p_alive', '存活概率', 'probability alive', 'percent', 'higher', false, PERCENT),
  m(
    'expected_purchases',
    '预期购买次数',
    'expected purchases',
    'number',
    'higher',
    false,
    NON_NEGATIVE,
  ),
];

function m(
  id: string,
  zh: string,
  en: string,
  unit: MetricUnit,
  direction: MetricDirection,
  windowed: boolean,
  range?: readonly [number, number],
): MetricDef {
  return range
    ? { id, label: { zh, en }, unit, direction, windowed, range }
    : { id, label: { zh, en }, unit, direction, windowed };
}

/** The built-in metric catalog, in display order. */
export const METRIC_CATALOG: readonly MetricDef[] = entries;

const byId = new Map(entries.map((e) => [e.id, e]));

/** Metric ids of custom fields start with this. */
export const CUSTOM_METRIC_PREFIX = 'custom.';
/** Metric ids of tags (1 with the tag, 0 without) start with this. */
export const TAG_METRIC_PREFIX = 'tag:';

/**
 * Looks up a metric id: a catalog id, `custom.<field key>` (the customer's custom field, read
 * at the as-of date) or `tag:<name>` (1 when the customer carries the tag, else 0).
 * Returns undefined for anything else.
 */
export function resolveMetric(id: string): MetricDef | undefined {
  const known = byId.get(id);
  if (known) return known;
  if (id.startsWith(CUSTOM_METRIC_PREFIX)) {
    const key = id.slice(CUSTOM_METRIC_PREFIX.length);
    if (!/^[a-z][a-z0-9_]{0,39}$/.test(key)) return undefined;
    return {
      id,
      label: { zh: key, en: key },
      unit: 'number',
      direction: 'higher',
      windowed: false,
    };
  }
  if (id.startsWith(TAG_METRIC_PREFIX)) {
    const name = id.slice(TAG_METRIC_PREFIX.length).trim();
    if (!name || name.length > 50) return undefined;
    return {
      id,
      label: { zh: `标签:${name}`, en: `tag ${name}` },
      unit: 'flag',
      direction: 'higher',
      windowed: false,
      range: [0, 1],
    };
  }
  return undefined;
}

/** The closest catalog id to a misspelt one, for "did you mean" hints. */
export function suggestMetric(id: string): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const e of entries) {
    const d = editDistance(id, e.id);
    if (d < bestDistance) {
      bestDistance = d;
      best = e.id;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(id.length / 4)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    prev = cur;
  }
  return prev[b.length]!;
}
