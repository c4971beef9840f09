import { type Calendar, officeInstant } from './calendar';
import { CATEGORIES, CHANNELS } from './catalog';
import type { Profile } from './profile';
import type { Rng } from './rng';
import type { DemoBatch } from './types';

/** Next id per fact table; advanced as rows are emitted. */
export interface IdCounters {
  orders: number;
  payments: number;
  tickets: number;
  survey_responses: number;
}

/**
 * Document numbers follow the id, so a bulk load appends to the unique index on them instead of
 * inserting at random places (a date prefix would scatter them: ids go customer by customer).
 */
function docNo(prefix: string, id: number): string {
  return `${prefix}${String(id).padStart(10, '0')}`;
}

/**
 * The day an invoice gets paid, or null when it is still open on the as-of date. Most
 * customers pay by the due date; occasional and chronic late payers slip, defaulters stop.
 */
function paidDay(p: Profile, rng: Rng, cal: Calendar, invoiced: number, due: number) {
  let late: boolean;
  switch (p.payer) {
    case 'punctual':
      late = rng.chance(0.04);
      break;
    case 'occasional':
      late = rng.chance(0.25);
      break;
    case 'chronic':
      late = rng.chance(0.8);
      break;
    default:
      if (invoiced >= p.defaultFrom) return null;
      late = rng.chance(0.4);
  }
  const paid = late
    ? due + 1 + Math.floor(rng.lognormal(p.payer === 'chronic' ? 35 : 12, 0.6))
    : due - rng.int(Math.min(p.termsDays, 20) + 1);
  const day = Math.max(paid, invoiced);
  return day > cal.asOf ? null : day;
}

function invoice(
  p: Profile,
  rng: Rng,
  cal: Calendar,
  ids: IdCounters,
  out: DemoBatch,
  day: number,
  amount: number,
): void {
  const id = ids.payments++;
  const due = day + p.termsDays;
  const paid = paidDay(p, rng, cal, day, due);
  out.payments.push({
    id,
    customer_id: p.customer.id,
    invoice_no: docNo('FP', id),
    amount_minor: amount,
    due_on: cal.dateOf(due),
    paid_on: paid === null ? null : cal.dateOf(paid),
    created_at: officeInstant(cal, rng, day),
  });
}

/**
 * Emits a customer's orders and the invoices that bill them (one per order, or one monthly
 * statement per month for 月结 customers). Returns the number of orders.
 */
export function emitOrders(
  p: Profile,
  rng: Rng,
  cal: Calendar,
  scale: number,
  ids: IdCounters,
  out: DemoBatch,
): number {
  if (p.lifecycle === 'prospect') return 0;
  const n = Math.max(1, rng.poisson(scale * p.freqWeight));
  const days = new Int32Array(n);
  for (let i = 0; i < n; i++) days[i] = cal.seasonalDay(rng, p.firstDay, p.lastDay);
  days.sort();
  const customerId = p.customer.id;
  let monthEnd = -1;
  let monthTotal = 0;
  for (let i = 0; i < n; i++) {
    const day = days[i] as number;
    const cat = rng.next() < 0.4 ? CATEGORIES.items[p.favouriteCategory] : CATEGORIES.pick(rng);
    if (!cat) throw new Error('unknown category');
    // Whole yuan, at least one: prices on B2B orders are rarely quoted in fen.
    const amount =
      Math.max(1, Math.round((p.orderFen * cat.sizeFactor * rng.meanOne(0.5)) / 100)) * 100;
    const marginBp = Math.min(
      8000,
      Math.max(-800, cat.marginBp + p.spec.marginAdjBp + Math.round(400 * rng.normal())),
    );
    const id = ids.orders++;
    out.orders.push({
      id,
      customer_id: customerId,
      order_no: docNo('SO', id),
      ordered_on: cal.dateOf(day),
      amount_minor: amount,
      // A few orders lack cost data, as in real ERP exports.
      cost_minor: rng.next() < 0.005 ? null : amount - Math.round((amount * marginBp) / 10000),
      currency: 'CNY',
      category: cat.name,
      channel: rng.next() < 0.85 ? p.channel : CHANNELS.pick(rng),
      rush: rng.next() < p.rushRate ? 1 : 0,
      created_at: officeInstant(cal, rng, day),
    });
    if (!p.monthly) {
      invoice(p, rng, cal, ids, out, day, amount);
      continue;
    }
    const end = cal.monthEnd(day);
    if (end !== monthEnd && monthTotal > 0) invoice(p, rng, cal, ids, out, monthEnd, monthTotal);
    if (end !== monthEnd) monthTotal = 0;
    monthEnd = end;
    monthTotal += amount;
  }
  // The current month's statement is issued at month end, which may not have come yet.
  if (p.monthly && monthTotal > 0 && monthEnd <= cal.asOf) {
    invoice(p, rng, cal, ids, out, monthEnd, monthTotal);
  }
  return n;
}
