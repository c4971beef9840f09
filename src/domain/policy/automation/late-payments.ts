import { daysBetween, previousQuarter, type Quarter, quarterOf } from './calendar';
import { type Firing, firing } from './firing';
import type { RuleParams } from './rule-catalog';

export interface InvoiceFact {
  invoiceNo: string;
  amountMinor: number;
  dueOn: string;
  paidOn: string | null;
}

export interface LateInvoice extends InvoiceFact {
  /** Days paid after the due date, or days overdue so far when still unpaid. */
  daysLate: number;
}

export interface LatePaymentsEvidence {
  quarter: string;
  from: string;
  to: string;
  minLate: number;
  steps: number;
  lateCount: number;
  invoices: LateInvoice[];
}

/** The quarters a late-payments check looks at on `today`: the previous and the current one. */
export function lateQuarters(today: string): Quarter[] {
  return [previousQuarter(today), quarterOf(today)];
}

/**
 * An invoice is late when it was paid after its due date, or is unpaid and its due date has
 * passed. Null when it is not late (yet).
 */
export function lateInvoice(inv: InvoiceFact, today: string): LateInvoice | null {
  if (inv.paidOn !== null)
    return inv.paidOn > inv.dueOn ? { ...inv, daysLate: daysBetween(inv.paidOn, inv.dueOn) } : null;
  return inv.dueOn < today ? { ...inv, daysLate: daysBetween(today, inv.dueOn) } : null;
}

/**
 * Seed 002: `minLate` or more late payments in one calendar quarter (by due date) drop the
 * customer's payment terms `steps` rungs at once. The previous quarter is looked at too, so a
 * Q3 invoice paid late in early Q4 still counts for Q3. One firing per customer and quarter.
 */
export function evaluateLatePayments(
  customerId: number,
  invoices: readonly InvoiceFact[],
  today: string,
  params: RuleParams['late_payments'],
): Firing<LatePaymentsEvidence>[] {
  const out: Firing<LatePaymentsEvidence>[] = [];
  for (const q of lateQuarters(today)) {
    const late = invoices
      .filter((i) => i.dueOn >= q.start && i.dueOn <= q.end && i.dueOn <= today)
      .map((i) => lateInvoice(i, today))
      .filter((i): i is LateInvoice => i !== null)
      .sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));
    if (late.length < params.minLate) continue;
    out.push(
      firing('late_payments', customerId, q.label, {
        quarter: q.label,
        from: q.start,
        to: q.end,
        minLate: params.minLate,
        steps: params.steps,
        lateCount: late.length,
        invoices: late,
      }),
    );
  }
  return out;
}
