/** Window totals of one customer, in minor units for money (see store/metrics/window-sums.ts). */
export interface Sums {
  orderCount: number;
  revenueMinor: number;
  costedRevenueMinor: number;
  costMinor: number;
  invoicesDue: number;
  invoicesOnTime: number;
  invoicesLate: number;
  invoicesUnpaid: number;
  amountDueMinor: number;
  amountPaidMinor: number;
  complaints: number;
  surveys: number;
  surveyScoreSum: number;
  referrals: number;
}

/** The windowed catalog metrics this module computes. */
export const WINDOWED_METRICS = [
  'revenue',
  'profit',
  'margin_rate',
  'order_count',
  'avg_order_value',
  'purchase_frequency',
  'growth_rate',
  'on_time_payment_rate',
  'late_payments_per_quarter',
  'collection_rate',
  'complaint_count',
  'avg_satisfaction',
  'referral_count',
] as const;
export type WindowedMetric = (typeof WINDOWED_METRICS)[number];

/**
 * A windowed metric from a customer's window totals, in the catalog's units: money in major
 * units (yuan), rates in percent. NaN means "no basis" (no orders for an average, no invoices
 * for a punctuality rate, no costed orders for a margin), which a scheme's missing-value policy
 * then decides about; a customer with no facts at all gets 0 for counts and sums.
 * `months` is the window length; `previous` the totals of the window before (for growth).
 */
export function windowedMetric(
  id: WindowedMetric,
  s: Sums | undefined,
  months: number,
  previous?: Sums,
): number {
  const z = s ?? EMPTY;
  switch (id) {
    case 'revenue':
      return z.revenueMinor / 100;
    case 'profit':
      return z.costedRevenueMinor > 0 ? (z.costedRevenueMinor - z.costMinor) / 100 : Number.NaN;
    case 'margin_rate':
      return z.costedRevenueMinor > 0
        ? ((z.costedRevenueMinor - z.costMinor) / z.costedRevenueMinor) * 100
        : Number.NaN;
    case 'order_count':
      return z.orderCount;
    case 'avg_order_value':
      return z.orderCount > 0 ? z.revenueMinor / 100 / z.orderCount : Number.NaN;
    case 'purchase_frequency':
      return z.orderCount / months;
    case 'growth_rate': {
      const before = (previous ?? EMPTY).revenueMinor;
      return before > 0 ? ((z.revenueMinor - before) / before) * 100 : Number.NaN;
    }
    case 'on_time_payment_rate':
      return z.invoicesDue > 0 ? (z.invoicesOnTime / z.invoicesDue) * 100 : Number.NaN;
    case 'late_payments_per_quarter':
      return (z.invoicesLate + z.invoicesUnpaid) / (months / 3);
    case 'collection_rate':
      return z.amountDueMinor > 0 ? (z.amountPaidMinor / z.amountDueMinor) * 100 : Number.NaN;
    case 'complaint_count':
      return z.complaints;
    case 'avg_satisfaction':
      return z.surveys > 0 ? z.surveyScoreSum / z.surveys : Number.NaN;
    case 'referral_count':
      return z.referrals;
  }
}

const EMPTY: Sums = {
  orderCount: 0,
  revenueMinor: 0,
  costedRevenueMinor: 0,
  costMinor: 0,
  invoicesDue: 0,
  invoicesOnTime: 0,
  invoicesLate: 0,
  invoicesUnpaid: 0,
  amountDueMinor: 0,
  amountPaidMinor: 0,
  complaints: 0,
  surveys: 0,
  surveyScoreSum: 0,
  referrals: 0,
};

/** Whole days between two YYYY-MM-DD dates (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** Months (average length) between two dates, for tenure. */
export function monthsBetween(a: string, b: string): number {
  return daysBetween(a, b) / 30.436875;
}
