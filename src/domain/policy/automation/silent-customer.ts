import { addDays } from '../../business-date';
import { daysBetween } from './calendar';
import { type Firing, firing, round } from './firing';
import type { RuleParams } from './rule-catalog';

export interface OrderHistory {
  orderCount: number;
  firstOrderOn: string | null;
  lastOrderOn: string | null;
}

export interface SilentEvidence {
  orderCount: number;
  firstOrderOn: string;
  lastOrderOn: string;
  averageIntervalDays: number;
  k: number;
  /** The last order plus k average intervals: silence beyond this day fires. */
  expectedBy: string;
  daysSilent: number;
}

/**
 * A customer has gone silent when no order came for more than k times its own average interval
 * between orders ((last − first) / (orders − 1)). Customers with fewer than `minOrders` orders
 * have no rhythm to judge. One firing per silence: the period is the last order's date.
 */
export function evaluateSilentCustomer(
  customerId: number,
  h: OrderHistory,
  today: string,
  params: RuleParams['silent_customer'],
): Firing<SilentEvidence> | null {
  if (h.orderCount < params.minOrders || !h.firstOrderOn || !h.lastOrderOn) return null;
  const span = daysBetween(h.lastOrderOn, h.firstOrderOn);
  const avg = span / (h.orderCount - 1);
  // Orders all on one day give no interval to compare with.
  if (avg < 1) return null;
  const daysSilent = daysBetween(today, h.lastOrderOn);
  if (daysSilent <= params.k * avg) return null;
  return firing('silent_customer', customerId, h.lastOrderOn, {
    orderCount: h.orderCount,
    firstOrderOn: h.firstOrderOn,
    lastOrderOn: h.lastOrderOn,
    averageIntervalDays: round(avg, 1),
    k: params.k,
    expectedBy: addDays(h.lastOrderOn, Math.floor(params.k * avg)),
    daysSilent,
  });
}
