import { addMonths } from '../../domain/analytics/period';
import { orderSpan, rollupMonths } from '../../store/analytics/portrait.repository';
import type { Deps } from '../deps';
import { type MonthWindow, windowEnding } from './portrait-service-history';

/** Months of revenue the portrait's sparkline covers, ending with the period. */
export const REVENUE_MONTHS = 24;

/** Sums of a run of months. */
export interface RevenueSums {
  revenueMinor: number;
  profitMinor: number;
  orders: number;
}

/** The customer's sales month by month and the sums a reader compares. */
export interface RevenueHistory {
  window: MonthWindow;
  /** Every month of the window, oldest first (0 in a month without orders). */
  months: ({ month: string } & RevenueSums)[];
  /** The last twelve months of the window and the twelve before them. */
  last12: RevenueSums;
  previous12: RevenueSums;
  /** Orders up to the window's end, and the first and last order date. */
  lifetimeOrders: number;
  firstOrderOn: string | null;
  lastOrderOn: string | null;
}

const zero = (): RevenueSums => ({ revenueMinor: 0, profitMinor: 0, orders: 0 });

/**
 * Revenue, profit (of the orders whose cost is known) and orders by month for the 24 months
 * ending with `to`, from the monthly rollups; money in minor units.
 */
export async function revenueHistory(
  deps: Deps,
  customerId: number,
  to: string,
): Promise<RevenueHistory> {
  const window = windowEnding(to, REVENUE_MONTHS);
  const [rows, span] = await Promise.all([
    rollupMonths(deps.store.db, customerId, window.from, window.to),
    orderSpan(deps.store.db, customerId, window.to),
  ]);
  const byMonth = new Map(rows.map((r) => [r.month, r]));
  const months: RevenueHistory['months'] = [];
  const last12 = zero();
  const previous12 = zero();
  const split = addMonths(to, -11);
  for (let m = window.from; m <= window.to; m = addMonths(m, 1)) {
    const r = byMonth.get(m);
    const v = {
      month: m,
      revenueMinor: r?.revenueMinor ?? 0,
      profitMinor: r?.profitMinor ?? 0,
      orders: r?.orders ?? 0,
    };
    months.push(v);
    const sums = m >= split ? last12 : previous12;
    sums.revenueMinor += v.revenueMinor;
    sums.profitMinor += v.profitMinor;
    sums.orders += v.orders;
  }
  return {
    window,
    months,
    last12,
    previous12,
    lifetimeOrders: span.orders,
    firstOrderOn: span.firstOrderOn,
    lastOrderOn: span.lastOrderOn,
  };
}
