import {
  DEFAULT_LIFECYCLE_OPTIONS,
  dayNumber,
  LIFECYCLE_STAGES,
  type LifecycleStageKey,
  lifecycleStages,
} from '../../domain/analytics/lifecycle';
import type { Period } from '../../domain/analytics/period';
import {
  quantileBars,
  RFM_LEVELS,
  RFM_SEGMENTS,
  type RfmSegmentKey,
  rfmSegmentIndex,
} from '../../domain/analytics/rfm';
import { dayToDate } from '../../domain/calendar/time-zone';
import { businessToday } from '../business-today';
import type { Ctx } from '../context';
import { customerFilter } from '../customers/customer-scope';
import type { Deps } from '../deps';
import type { AnalyticsFilters } from './analytics-filters';
import { scopeOfFilters } from './analytics-query';
import { periodAsOfDayPastOrders } from './as-of-day';
import { customerColumns, periodOf } from './customer-columns';
import type { LifecycleParameters } from './lifecycle-state';
import { loadRfmPopulation } from './rfm-population';

/** One customer's RFM scores against everyone in scope (see rfm-population.ts for who). */
export interface RfmStanding {
  asOf: string;
  /** Customers scored. */
  population: number;
  recencyDays: number;
  /** Orders in the period. */
  frequency: number;
  /** Revenue in the period, minor units. */
  monetaryMinor: number;
  r: number;
  f: number;
  m: number;
  segment: {
    key: RfmSegmentKey;
    zh: string;
    en: string;
    action: { zh: string; en: string };
    high: { r: boolean; f: boolean; m: boolean };
    /** Share of the scored customers in this segment. */
    share: number;
  };
  /** The population's middle customer, to read the customer's own values against. */
  medians: { recencyDays: number; frequency: number; monetaryMinor: number };
}

/** Which rule of the stage ladder decided, first that applies (see lifecycle-stages.ts). */
export type LifecycleRule =
  | 'new'
  | 'max_days'
  | 'churned_multiple'
  | 'at_risk_multiple'
  | 'silent_multiple'
  | 'within_rhythm';

/** One customer's lifecycle stage with the figures behind it, as the lifecycle view takes it. */
export interface LifecycleStanding {
  asOf: string;
  /** Customers with an order up to the as-of day. */
  population: number;
  stage: { key: LifecycleStageKey; zh: string; en: string; share: number };
  rule: LifecycleRule;
  firstOrderOn: string;
  lastOrderOn: string;
  orders: number;
  daysSinceLast: number;
  intervalDays: number;
  /** True when the interval is the customer's own; false: the repeat buyers' median. */
  ownInterval: boolean;
  multiple: number;
  parameters: LifecycleParameters;
}

/** Where the customer stands in the customer base of a period. */
export interface CustomerStanding {
  period: Period;
  customersInScope: number;
  /** Why the customer has no standing: outside the filters (or not active), or never ordered. */
  excluded: 'not_in_scope' | 'no_orders' | null;
  rfm: RfmStanding | null;
  lifecycle: LifecycleStanding | null;
}

/**
 * What one customer is measured against, kept instead of the population itself: the quintile
 * bars of R, F and M (a score is the number of bars a value passes, exactly as the view scores
 * the whole population), the lifecycle fallback interval and day, and the counts per segment
 * and stage. A few dozen numbers, whatever the size of the customer base.
 */
interface PopulationBase {
  customersInScope: number;
  rfm: {
    asOf: string;
    asOfDay: number;
    scored: number;
    bars: { r: Float64Array; f: Float64Array; m: Float64Array };
    medians: RfmStanding['medians'];
    segmentCounts: number[];
  } | null;
  lifecycle: {
    asOfDay: number;
    counted: number;
    fallbackIntervalDays: number;
    stageCounts: number[];
  } | null;
}

const TTL_MS = 60_000;
const MAX_ENTRIES = 8;
const caches = new WeakMap<Deps, Map<string, { at: number; value: Promise<PopulationBase> }>>();

const D = DEFAULT_LIFECYCLE_OPTIONS;

/** The population's RFM bars and lifecycle figures, computed once from the shared columns. */
async function computeBase(
  deps: Deps,
  ctx: Ctx,
  filters: AnalyticsFilters,
  period: Period,
  today: string,
): Promise<PopulationBase> {
  // Reuses the RFM view's population (who is scored, as-of day, clamped recency) as it is.
  const pop = await loadRfmPopulation(deps, ctx, filters, {});
  const { cols, indices, result } = pop;
  let rfm: PopulationBase['rfm'] = null;
  if (result) {
    const sortedR = result.recencyDays.slice().sort();
    const sortedF = pop.orders.slice().sort();
    const sortedM = pop.revenue.slice().sort();
    rfm = {
      asOf: pop.asOf,
      asOfDay: dayNumber(pop.asOf),
      scored: indices.length,
      bars: {
        r: quantileBars(sortedR, RFM_LEVELS, false),
        f: quantileBars(sortedF, RFM_LEVELS, true),
        m: quantileBars(sortedM, RFM_LEVELS, true),
      },
      medians: {
        recencyDays: result.stats.recencyDays.median,
        frequency: result.stats.frequency.median,
        monetaryMinor: result.stats.monetary.median,
      },
      segmentCounts: result.segments.map((s) => s.customers),
    };
  }
  // The lifecycle view's rules: customers with an order, stages on the period's last day (today
  // while it runs), moved forward to an order entered ahead of that day.
  const counted: number[] = [];
  for (let i = 0; i < cols.n; i++) {
    if (cols.lifetimeOrders[i]! > 0 && cols.firstOrderOn[i] && cols.lastOrderOn[i]) counted.push(i);
  }
  let lifecycle: PopulationBase['lifecycle'] = null;
  if (counted.length > 0) {
    const first = Float64Array.from(counted, (i) => dayNumber(cols.firstOrderOn[i]!));
    const last = Float64Array.from(counted, (i) => dayNumber(cols.lastOrderOn[i]!));
    const count = Float64Array.from(counted, (i) => cols.lifetimeOrders[i]!);
    const asOfDay = periodAsOfDayPastOrders(period, dayNumber(today), last);
    const r = lifecycleStages(
      { firstPurchaseDay: first, lastPurchaseDay: last, purchaseCount: count },
      asOfDay,
      D,
    );
    lifecycle = {
      asOfDay,
      counted: counted.length,
      fallbackIntervalDays: r.fallbackIntervalDays,
      stageCounts: r.counts,
    };
  }
  return { customersInScope: cols.n, rfm, lifecycle };
}

/**
 * The population base of a period and scope, computed at most once a minute: a portrait of one
 * customer then costs a one-customer query, even on a million customers.
 */
function populationBase(
  deps: Deps,
  ctx: Ctx,
  filters: AnalyticsFilters,
  period: Period,
  today: string,
): Promise<PopulationBase> {
  let cache = caches.get(deps);
  if (!cache) {
    cache = new Map();
    caches.set(deps, cache);
  }
  const now = Date.now();
  for (const [k, e] of cache) if (now - e.at > TTL_MS) cache.delete(k);
  // The row scope is part of the key: an account manager's population is their own customers.
  const key = JSON.stringify([
    period.from,
    period.to,
    today,
    scopeOfFilters(filters),
    customerFilter(ctx),
  ]);
  const hit = cache.get(key);
  if (hit) return hit.value;
  const value = computeBase(deps, ctx, filters, period, today);
  const entry = { at: now, value };
  cache.set(key, entry);
  while (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  value.catch(() => {
    if (cache.get(key) === entry) cache.delete(key);
  });
  return value;
}

/** Forgets the cached population bases of a database (after data changes, or in tests). */
export function clearStandingCache(deps: Deps): void {
  caches.get(deps)?.clear();
}

/** Score 1…5 of a value against quintile bars (see quantileBars). */
function scoreOf(v: number, bars: Float64Array, higherIsBetter: boolean): number {
  let s = 1;
  for (const bar of bars) if (higherIsBetter ? v > bar : v < bar) s++;
  return s;
}

function lifecycleRule(
  p: LifecycleStanding['parameters'],
  asOfDay: number,
  firstDay: number,
  since: number,
  multiple: number,
): LifecycleRule {
  if (asOfDay - firstDay <= p.newDays) return 'new';
  if (since > p.maxDays) return 'max_days';
  if (multiple > p.k3) return 'churned_multiple';
  if (multiple > p.k2) return 'at_risk_multiple';
  if (multiple > p.k1) return 'silent_multiple';
  return 'within_rhythm';
}

/**
 * One customer's RFM scores and segment and lifecycle stage with its reason, relative to the
 * customers in the filters' scope over the period: the same figures the RFM and lifecycle views
 * give that customer. Filters must be parsed already.
 */
export async function customerStanding(
  deps: Deps,
  ctx: Ctx,
  filters: AnalyticsFilters,
  customerId: number,
): Promise<CustomerStanding> {
  const period = periodOf(deps, ctx, filters);
  const today = businessToday(deps, ctx);
  const [base, one] = await Promise.all([
    populationBase(deps, ctx, filters, period, today),
    customerColumns(deps, ctx, scopeOfFilters(filters), period, [customerId]),
  ]);
  const out: CustomerStanding = {
    period,
    customersInScope: base.customersInScope,
    excluded: null,
    rfm: null,
    lifecycle: null,
  };
  if (one.n === 0) return { ...out, excluded: 'not_in_scope' };
  const firstOn = one.firstOrderOn[0];
  const lastOn = one.lastOrderOn[0];
  if (!firstOn || !lastOn || one.lifetimeOrders[0]! <= 0) return { ...out, excluded: 'no_orders' };
  const lastDay = dayNumber(lastOn);
  const firstDay = dayNumber(firstOn);

  if (base.rfm) {
    const b = base.rfm;
    const recencyDays = b.asOfDay - Math.min(lastDay, b.asOfDay);
    const frequency = one.orders[0]!;
    const monetaryMinor = Math.max(0, one.revenue[0]!);
    const r = scoreOf(recencyDays, b.bars.r, false);
    const f = scoreOf(frequency, b.bars.f, true);
    const m = scoreOf(monetaryMinor, b.bars.m, true);
    const s = rfmSegmentIndex(r, f, m);
    const seg = RFM_SEGMENTS[s]!;
    out.rfm = {
      asOf: b.asOf,
      population: b.scored,
      recencyDays,
      frequency,
      monetaryMinor,
      r,
      f,
      m,
      segment: {
        key: seg.key,
        zh: seg.zh,
        en: seg.en,
        action: { zh: seg.action.zh, en: seg.action.en },
        high: { r: (s & 4) !== 0, f: (s & 2) !== 0, m: (s & 1) !== 0 },
        share: b.scored > 0 ? b.segmentCounts[s]! / b.scored : 0,
      },
      medians: b.medians,
    };
  }

  if (base.lifecycle) {
    const b = base.lifecycle;
    const asOfDay = Math.max(b.asOfDay, lastDay);
    const parameters = {
      newDays: D.newDays,
      k1: D.silentMultiple,
      k2: D.atRiskMultiple,
      k3: D.churnedMultiple,
      maxDays: D.maxDays,
      fallbackIntervalDays: b.fallbackIntervalDays,
    };
    const orders = one.lifetimeOrders[0]!;
    const r = lifecycleStages(
      { firstPurchaseDay: [firstDay], lastPurchaseDay: [lastDay], purchaseCount: [orders] },
      asOfDay,
      { ...D, fallbackIntervalDays: b.fallbackIntervalDays },
    );
    const stage = LIFECYCLE_STAGES[r.stage[0]!]!;
    const since = r.daysSinceLast[0]!;
    const multiple = r.multiple[0]!;
    out.lifecycle = {
      asOf: dayToDate(asOfDay),
      population: b.counted,
      stage: {
        key: stage.key,
        zh: stage.zh,
        en: stage.en,
        share: b.counted > 0 ? b.stageCounts[r.stage[0]!]! / b.counted : 0,
      },
      rule: lifecycleRule(parameters, asOfDay, firstDay, since, multiple),
      firstOrderOn: firstOn,
      lastOrderOn: lastOn,
      orders,
      daysSinceLast: since,
      intervalDays: r.intervalDays[0]!,
      ownInterval: r.ownInterval[0] === 1,
      multiple,
      parameters,
    };
  }
  return out;
}
