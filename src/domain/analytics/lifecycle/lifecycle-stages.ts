import { checkColumns, invalidOption } from '../pareto/check-columns';

/** Stages in index order (seed 000: 新客户、活跃客户、沉默客户、潜在流失客户、流失客户). */
export const LIFECYCLE_STAGES = [
  { key: 'new', zh: '新客户', en: 'New' },
  { key: 'active', zh: '活跃客户', en: 'Active' },
  { key: 'silent', zh: '沉默客户', en: 'Silent' },
  { key: 'at_risk', zh: '潜在流失客户', en: 'At risk' },
  { key: 'churned', zh: '流失客户', en: 'Churned' },
] as const;

export type LifecycleStageKey = (typeof LIFECYCLE_STAGES)[number]['key'];

export interface LifecycleOptions {
  /** New: first purchase at most this many days before asOf. */
  newDays: number;
  /** Silent past k1 × own interval, at risk past k2 ×, churned past k3 × (k1 < k2 < k3). */
  silentMultiple: number;
  atRiskMultiple: number;
  churnedMultiple: number;
  /** Churned past this many days since the last purchase, whatever the rhythm. */
  maxDays: number;
  /**
   * Interval for customers without one of their own (one purchase, not new). Left out: the
   * median own interval of the repeat buyers; newDays when there are none; never below 1 day.
   */
  fallbackIntervalDays?: number;
}

/** Defaults: a month to be new; 2× / 3× / 5× the own rhythm; a year without a purchase is churned. */
export const DEFAULT_LIFECYCLE_OPTIONS: LifecycleOptions = {
  newDays: 30,
  silentMultiple: 2,
  atRiskMultiple: 3,
  churnedMultiple: 5,
  maxDays: 365,
};

export interface LifecycleInput {
  /** Day numbers (see dayNumber) of each customer's first and last purchase. */
  firstPurchaseDay: ArrayLike<number>;
  lastPurchaseDay: ArrayLike<number>;
  /** Purchases (≥ 1; purchases on one day best merged into one first). */
  purchaseCount: ArrayLike<number>;
}

export interface LifecycleResult {
  /** Stage index into LIFECYCLE_STAGES per customer. */
  stage: Uint8Array;
  /** The reason, per customer: days since the last purchase … */
  daysSinceLast: Float64Array;
  /** … the interval it is measured against (own average, or the fallback) … */
  intervalDays: Float64Array;
  /** … 1 when that interval is the customer's own, 0 when it is the fallback … */
  ownInterval: Uint8Array;
  /** … and daysSinceLast / intervalDays. */
  multiple: Float64Array;
  /** Customers per stage, in LIFECYCLE_STAGES order. */
  counts: number[];
  /** The fallback interval used. */
  fallbackIntervalDays: number;
}

/**
 * Lifecycle stage of each customer from its own purchase rhythm, first rule that applies:
 * new (first purchase ≤ newDays ago) → churned (> maxDays since the last, or > k3 × interval)
 * → at risk (> k2 ×) → silent (> k1 ×) → active. The own interval is the average gap,
 * (last − first) / (count − 1), at least 1 day so several purchases on one day do not divide
 * by 0. Throws a VALIDATION DomainError naming the field for bad columns or options, a last
 * purchase before the first, or a purchase after asOfDay.
 */
export function lifecycleStages(
  input: LifecycleInput,
  asOfDay: number,
  options: LifecycleOptions = DEFAULT_LIFECYCLE_OPTIONS,
): LifecycleResult {
  checkOptions(options, asOfDay);
  const n = checkColumns('lifecycle', [
    {
      field: 'firstPurchaseDay',
      values: input.firstPurchaseDay,
      rule: { allowNegative: true, integer: true },
    },
    {
      field: 'lastPurchaseDay',
      values: input.lastPurchaseDay,
      rule: { allowNegative: true, integer: true },
    },
    { field: 'purchaseCount', values: input.purchaseCount, rule: { integer: true } },
  ]);
  const { firstPurchaseDay: first, lastPurchaseDay: last, purchaseCount: count } = input;
  const own = new Float64Array(n);
  let repeat = 0;
  for (let i = 0; i < n; i++) {
    const a = first[i]!;
    const b = last[i]!;
    const c = count[i]!;
    if (c < 1) invalidOption('lifecycle', 'purchaseCount', c, `≥ 1 (row ${i})`);
    if (b < a) invalidOption('lifecycle', 'lastPurchaseDay', b, `≥ firstPurchaseDay (row ${i})`);
    if (b > asOfDay) invalidOption('lifecycle', 'lastPurchaseDay', b, `≤ asOfDay (row ${i})`);
    if (c >= 2) {
      own[repeat++] = Math.max(1, (b - a) / (c - 1));
    }
  }
  // At least 1 day, like own intervals: newDays 0 must not make every multiple infinite.
  const fallback = Math.max(
    1,
    options.fallbackIntervalDays ?? medianOf(own.subarray(0, repeat), options.newDays),
  );
  const stage = new Uint8Array(n);
  const daysSinceLast = new Float64Array(n);
  const intervalDays = new Float64Array(n);
  const ownInterval = new Uint8Array(n);
  const multiple = new Float64Array(n);
  const counts = [0, 0, 0, 0, 0];
  const { newDays, silentMultiple: k1, atRiskMultiple: k2, churnedMultiple: k3, maxDays } = options;
  for (let i = 0; i < n; i++) {
    const c = count[i]!;
    const since = asOfDay - last[i]!;
    const interval = c >= 2 ? Math.max(1, (last[i]! - first[i]!) / (c - 1)) : fallback;
    const x = since / interval;
    let s: number;
    if (asOfDay - first[i]! <= newDays) s = 0;
    else if (since > maxDays || x > k3) s = 4;
    else if (x > k2) s = 3;
    else if (x > k1) s = 2;
    else s = 1;
    stage[i] = s;
    counts[s]!++;
    daysSinceLast[i] = since;
    intervalDays[i] = interval;
    ownInterval[i] = c >= 2 ? 1 : 0;
    multiple[i] = x;
  }
  return {
    stage,
    daysSinceLast,
    intervalDays,
    ownInterval,
    multiple,
    counts,
    fallbackIntervalDays: fallback,
  };
}

function medianOf(values: Float64Array, otherwise: number): number {
  const n = values.length;
  if (n === 0) return otherwise;
  values.sort();
  return n % 2 === 1 ? values[n >> 1]! : (values[(n >> 1) - 1]! + values[n >> 1]!) / 2;
}

function checkOptions(o: LifecycleOptions, asOfDay: number): void {
  if (!Number.isInteger(asOfDay))
    invalidOption('lifecycle', 'asOfDay', asOfDay, 'a whole day number');
  const positive: Array<keyof LifecycleOptions> = ['newDays', 'silentMultiple', 'maxDays'];
  for (const key of positive) {
    const v = o[key];
    if (!(typeof v === 'number' && Number.isFinite(v) && v >= 0)) {
      invalidOption('lifecycle', key, v, 'a finite number ≥ 0');
    }
  }
  if (!(o.atRiskMultiple > o.silentMultiple) || !Number.isFinite(o.atRiskMultiple)) {
    invalidOption('lifecycle', 'atRiskMultiple', o.atRiskMultiple, '> silentMultiple');
  }
  if (!(o.churnedMultiple > o.atRiskMultiple) || !Number.isFinite(o.churnedMultiple)) {
    invalidOption('lifecycle', 'churnedMultiple', o.churnedMultiple, '> atRiskMultiple');
  }
  const f = o.fallbackIntervalDays;
  if (f !== undefined && !(Number.isFinite(f) && f >= 1)) {
    invalidOption('lifecycle', 'fallbackIntervalDays', f, 'a number of days ≥ 1');
  }
}
