import { dayNumber } from '../../domain/analytics/lifecycle/day-number';
import { monthEnd, type Period } from '../../domain/analytics/period';

/**
 * The day a period's standing (recency, lifecycle stage) is taken on: its last day, or today
 * when that is earlier, so a running period never counts days that have not happened yet.
 */
export function periodAsOfDay(period: Period, today: number): number {
  return Math.min(dayNumber(monthEnd(period.to)), today);
}

/**
 * `periodAsOfDay` moved forward to the latest of `lastOrderDays` when an order is dated after it
 * (entered ahead): rules that cannot take a purchase after their day, such as the lifecycle
 * stages, then see every order instead of failing the view.
 */
export function periodAsOfDayPastOrders(
  period: Period,
  today: number,
  lastOrderDays: Iterable<number>,
): number {
  let day = periodAsOfDay(period, today);
  for (const d of lastOrderDays) if (d > day) day = d;
  return day;
}
