import { z } from 'zod';
import { dayNumber } from '../../domain/analytics/lifecycle/day-number';
import { monthEnd, type Period } from '../../domain/analytics/period';
import { type RfmResult, rfmScores } from '../../domain/analytics/rfm';
import { businessToday } from '../business-today';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { parseInput } from '../parse';
import { type AnalyticsFilters, analyticsFilterShape } from './analytics-filters';
import { type CustomerColumns, customerColumns, periodOf } from './customer-columns';

/**
 * The day RFM recency is measured to: the period's last day, or today when the period
 * includes today (a current period's recency must not run into days that have not happened).
 * Not `periodAsOfDay`: a period that has not begun is still measured to its own end, and an
 * order after the day is clamped to it per customer (see loadRfmPopulation) rather than moving
 * everyone's day, so one order entered ahead does not shift the whole population's recency.
 */
export function rfmAsOf(period: Period, today: string): string {
  const end = monthEnd(period.to);
  return today >= `${period.from}-01` && today <= end ? today : end;
}

/**
 * The customers RFM scores: everyone in scope who has ordered up to the period's end. Recency
 * runs from the last order (before the period too), frequency is the orders in the period and
 * monetary the revenue in the period, so a customer who bought before but not in the period
 * is still scored (frequency 0, monetary 0, and a long recency) — the lapsed customers RFM
 * is meant to find. Customers who never ordered have no recency at all and are left out,
 * counted as `customersWithoutOrders`.
 */
export interface RfmPopulation {
  period: Period;
  asOf: string;
  cols: CustomerColumns;
  /** Positions into `cols` of the scored customers, in id order. */
  indices: Int32Array;
  /** Scores of the scored customers, parallel to `indices`; null when nobody is scored. */
  result: RfmResult | null;
  /** Orders and revenue (minor units) in the period, parallel to `indices`. */
  orders: Float64Array;
  revenue: Float64Array;
}

/** Parses an RFM query (errors name the field), loads the customers and scores them. */
export async function loadRfmPopulation<S extends z.ZodRawShape>(
  deps: Deps,
  ctx: Ctx,
  input: unknown,
  extra: S,
): Promise<RfmPopulation & { query: AnalyticsFilters & z.output<z.ZodObject<S>> }> {
  const query = parseInput(
    z.object({ ...analyticsFilterShape, ...extra }),
    input,
    'Invalid RFM query',
  ) as AnalyticsFilters & z.output<z.ZodObject<S>>;
  const period = periodOf(deps, ctx, query);
  const { from: _from, to: _to, ...scope } = query;
  const cols = await customerColumns(deps, ctx, scope, period);
  const asOf = rfmAsOf(period, businessToday(deps, ctx));
  const asOfDay = dayNumber(asOf);
  let n = 0;
  for (let i = 0; i < cols.n; i++) if (cols.lastOrderOn[i] != null) n++;
  const indices = new Int32Array(n);
  const lastDay = new Float64Array(n);
  const orders = new Float64Array(n);
  const revenue = new Float64Array(n);
  for (let i = 0, k = 0; i < cols.n; i++) {
    const last = cols.lastOrderOn[i];
    if (last == null) continue;
    indices[k] = i;
    // An order dated after the as-of day (later this month) counts as bought today.
    lastDay[k] = Math.min(dayNumber(last), asOfDay);
    orders[k] = cols.orders[i]!;
    // Revenue cannot be negative; the guard keeps a bad fact from failing the whole view.
    revenue[k] = Math.max(0, cols.revenue[i]!);
    k++;
  }
  const result = n
    ? rfmScores({ lastPurchaseDay: lastDay, frequency: orders, monetary: revenue }, asOfDay)
    : null;
  return { query, period, asOf, cols, indices, result, orders, revenue };
}
