import { validationError } from '../../errors';
import { checkColumns, columnIssues, invalidOption } from '../pareto/check-columns';
import { monthLabel } from './day-number';

/**
 * Purchase months of every customer in one flat column: customer i's months are
 * months[offsets[i]] … months[offsets[i + 1] − 1] (any order, repeats allowed), month numbers
 * as monthNumber gives them. offsets has one entry more than there are customers.
 */
export interface PurchaseMonths {
  offsets: ArrayLike<number>;
  months: ArrayLike<number>;
}

export interface CohortRow {
  /** First-purchase month (month number) and its label 'YYYY-MM'. */
  month: number;
  label: string;
  /** Customers whose first purchase fell in this month. */
  customers: number;
  /** active[k]: cohort customers who purchased in month + k, k = 0 … asOfMonth − month. */
  active: number[];
  /** active[k] / customers; share[0] is 1. */
  share: number[];
}

/**
 * Cohort retention table: customers grouped by the month of their first purchase, and for
 * each later month up to asOfMonth the share of the cohort that purchased in it (a customer
 * counts once per month however many purchases it made). Rows are ragged — a cohort has no
 * column for months after asOfMonth — so no cell is unknown or NaN; cohorts without customers
 * are left out. O(purchases) with one dense counter table, no sort.
 */
export function cohortRetention(input: PurchaseMonths, asOfMonth: number): CohortRow[] {
  if (!Number.isInteger(asOfMonth)) {
    invalidOption('cohortRetention', 'asOfMonth', asOfMonth, 'a whole month number');
  }
  const { offsets, months } = input;
  checkColumns('cohortRetention', [{ field: 'offsets', values: offsets, rule: { integer: true } }]);
  // No purchases at all is a valid (empty) table, so months may be empty: no emptiness check.
  const monthIssues = columnIssues('months', months, { integer: true, allowNegative: true });
  if (monthIssues.length > 0) throw validationError('cohortRetention: invalid input', monthIssues);
  const n = offsets.length - 1;
  if (offsets[0] !== 0 || offsets[n] !== months.length) {
    invalidOption('cohortRetention', 'offsets', [offsets[0], offsets[n]], `0 … ${months.length}`);
  }
  let minMonth = Number.POSITIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    if (!(offsets[i + 1]! > offsets[i]!)) {
      throw validationError('cohortRetention: invalid input', [
        { field: 'offsets', row: i, message: 'each customer needs at least one purchase month' },
      ]);
    }
  }
  for (let j = 0; j < months.length; j++) {
    const m = months[j]!;
    if (m > asOfMonth) {
      throw validationError('cohortRetention: invalid input', [
        {
          field: 'months',
          row: j,
          value: m,
          message: 'is after asOfMonth',
          expected: `≤ ${asOfMonth}`,
        },
      ]);
    }
    if (m < minMonth) minMonth = m;
  }
  if (n === 0) return [];
  const span = asOfMonth - minMonth + 1;
  const counts = new Int32Array(span * span);
  const stamp = new Int32Array(span * span).fill(-1);
  for (let i = 0; i < n; i++) {
    let cohort = Number.POSITIVE_INFINITY;
    for (let j = offsets[i]!; j < offsets[i + 1]!; j++) cohort = Math.min(cohort, months[j]!);
    const row = (cohort - minMonth) * span;
    for (let j = offsets[i]!; j < offsets[i + 1]!; j++) {
      const cell = row + months[j]! - cohort;
      if (stamp[cell] !== i) {
        stamp[cell] = i;
        counts[cell]!++;
      }
    }
  }
  const rows: CohortRow[] = [];
  for (let c = 0; c < span; c++) {
    const customers = counts[c * span]!;
    if (customers === 0) continue;
    const width = span - c;
    const active = Array.from(counts.subarray(c * span, c * span + width));
    rows.push({
      month: minMonth + c,
      label: monthLabel(minMonth + c),
      customers,
      active,
      share: active.map((a) => a / customers),
    });
  }
  return rows;
}
