import {
  DEFAULT_LIFECYCLE_OPTIONS,
  dayNumber,
  type LifecycleStageKey,
  lifecycleStages,
} from '../../domain/analytics/lifecycle';
import type { Period } from '../../domain/analytics/period';
import { businessToday } from '../business-today';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { scopeOfFilters } from './analytics-query';
import { periodAsOfDayPastOrders } from './as-of-day';
import { type CustomerColumns, customerColumns, periodOf } from './customer-columns';
import { type LifecycleQuery, STAGE_KEYS } from './lifecycle-query';

const D = DEFAULT_LIFECYCLE_OPTIONS;

/** The stage rules a view applied. */
export interface LifecycleParameters {
  newDays: number;
  k1: number;
  k2: number;
  k3: number;
  maxDays: number;
  /** Interval of customers with one purchase: the repeat buyers' median interval. */
  fallbackIntervalDays: number;
}

/** Each customer's stage and its reason, per position of the period's columns. */
export interface LifeState {
  period: Period;
  asOfDay: number;
  parameters: LifecycleParameters;
  cols: CustomerColumns;
  /** Stage index per position of `cols`; −1 for customers without an order. */
  stage: Int8Array;
  daysSince: Float64Array;
  interval: Float64Array;
  own: Uint8Array;
  multiple: Float64Array;
}

const round2 = (v: number) => Math.round(v * 100) / 100;

/** The stage rules of a query, domain defaults for what it leaves out. */
function optionsOf(q: LifecycleQuery) {
  return {
    newDays: q.newDays ?? D.newDays,
    silentMultiple: q.k1 ?? D.silentMultiple,
    atRiskMultiple: q.k2 ?? D.atRiskMultiple,
    churnedMultiple: q.k3 ?? D.churnedMultiple,
    maxDays: q.maxDays ?? D.maxDays,
  };
}

/**
 * The stage of every customer in scope with an order up to the period's end, from its own
 * purchase rhythm on the as-of day.
 */
export async function lifeState(deps: Deps, ctx: Ctx, q: LifecycleQuery): Promise<LifeState> {
  const period = periodOf(deps, ctx, q);
  const cols = await customerColumns(deps, ctx, scopeOfFilters(q), period);
  const counted: number[] = [];
  for (let i = 0; i < cols.n; i++) {
    if (cols.lifetimeOrders[i]! > 0 && cols.firstOrderOn[i] && cols.lastOrderOn[i]) counted.push(i);
  }
  const first = Float64Array.from(counted, (i) => dayNumber(cols.firstOrderOn[i]!));
  const last = Float64Array.from(counted, (i) => dayNumber(cols.lastOrderOn[i]!));
  const count = Float64Array.from(counted, (i) => cols.lifetimeOrders[i]!);
  // The stage rules cannot take a purchase after their day: an order entered ahead moves it.
  const asOfDay = periodAsOfDayPastOrders(period, dayNumber(businessToday(deps, ctx)), last);
  const options = optionsOf(q);
  const stage = new Int8Array(cols.n).fill(-1);
  const daysSince = new Float64Array(cols.n);
  const interval = new Float64Array(cols.n);
  const own = new Uint8Array(cols.n);
  const multipleOf = new Float64Array(cols.n);
  let fallback = Math.max(1, options.newDays);
  if (counted.length > 0) {
    const r = lifecycleStages(
      { firstPurchaseDay: first, lastPurchaseDay: last, purchaseCount: count },
      asOfDay,
      options,
    );
    counted.forEach((i, k) => {
      stage[i] = r.stage[k]!;
      daysSince[i] = r.daysSinceLast[k]!;
      interval[i] = r.intervalDays[k]!;
      own[i] = r.ownInterval[k]!;
      multipleOf[i] = r.multiple[k]!;
    });
    fallback = r.fallbackIntervalDays;
  }
  return {
    period,
    asOfDay,
    parameters: {
      newDays: options.newDays,
      k1: options.silentMultiple,
      k2: options.atRiskMultiple,
      k3: options.churnedMultiple,
      maxDays: options.maxDays,
      fallbackIntervalDays: fallback,
    },
    cols,
    stage,
    daysSince,
    interval,
    own,
    multiple: multipleOf,
  };
}

/** Positions of the customers in any of `stages`. */
export function stagePositions(s: LifeState, stages: readonly LifecycleStageKey[]): number[] {
  const wanted = new Set(stages.map((k) => STAGE_KEYS.indexOf(k)));
  const out: number[] = [];
  for (let i = 0; i < s.cols.n; i++) if (wanted.has(s.stage[i]!)) out.push(i);
  return out;
}

/** The reason of each customer's stage, as the lists show it. */
export function stageReasons(s: LifeState) {
  return (i: number) => ({
    stage: s.stage[i]! >= 0 ? STAGE_KEYS[s.stage[i]!]! : null,
    daysSince: s.stage[i]! >= 0 ? s.daysSince[i]! : null,
    intervalDays: s.stage[i]! >= 0 ? round2(s.interval[i]!) : null,
    ownInterval: s.stage[i]! >= 0 ? s.own[i]! : null,
    multiple: s.stage[i]! >= 0 ? round2(s.multiple[i]!) : null,
  });
}
