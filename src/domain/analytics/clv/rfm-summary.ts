import { validationError } from '../../errors';
import { requireNonNegative } from './validate';

/** One purchase: the customer, the calendar day (YYYY-MM-DD) and the amount spent. */
export interface ClvTransaction {
  customerId: string;
  date: string;
  amount: number;
}

/** A customer's calibration summary in weeks, as the BG/NBD and Gamma-Gamma models take it. */
export interface CustomerSummary {
  customerId: string;
  /** Repeat purchase days in calibration (the first purchase is not counted). */
  x: number;
  /** Weeks from the first purchase to the last purchase in calibration. */
  tX: number;
  /** Weeks from the first purchase to the calibration end. */
  T: number;
  /** Mean amount of the repeat purchase days in calibration; 0 when x = 0. */
  zbar: number;
  /** Purchase days after the calibration end up to the holdout end (0 without a holdout). */
  xHoldout: number;
  /** First purchase day, the customer's origin. */
  firstPurchase: string;
}

const DAY_MS = 86_400_000;

/**
 * Builds per-customer (x, t_x, T, zbar, holdout x) from transactions.
 *
 * Purchases on the same day are merged first (amounts added): the models count purchase
 * occasions, and CDNOW has customers with several orders a day. The origin is each customer's
 * first purchase; time is in weeks (days / 7); both end dates are included. Customers whose first
 * purchase falls after the calibration end are left out (they have no calibration history).
 * Transactions after the holdout end are ignored. Output is sorted by customer id as given
 * (numeric ids in numeric order).
 */
export function buildRfmSummary(
  transactions: readonly ClvTransaction[],
  calibrationEnd: string,
  holdoutEnd?: string,
): CustomerSummary[] {
  const calEnd = dayNumber(calibrationEnd, 'calibrationEnd');
  const holdEnd = holdoutEnd === undefined ? calEnd : dayNumber(holdoutEnd, 'holdoutEnd');
  if (holdEnd < calEnd) {
    throw validationError('holdoutEnd must not be before calibrationEnd', [
      { field: 'holdoutEnd', message: 'must be on or after calibrationEnd', value: holdoutEnd },
    ]);
  }
  // customer → day → merged amount
  const byCustomer = new Map<string, Map<number, number>>();
  transactions.forEach((t, i) => {
    const row = i + 1;
    if (typeof t.customerId !== 'string' || t.customerId === '') {
      throw validationError('customerId must be a non-empty string', [
        { field: 'customerId', message: 'must be a non-empty string', row, value: t.customerId },
      ]);
    }
    requireNonNegative('amount', t.amount, row);
    const day = dayNumber(t.date, 'date', row);
    if (day > holdEnd) return;
    const days = byCustomer.get(t.customerId) ?? new Map<number, number>();
    byCustomer.set(t.customerId, days);
    days.set(day, (days.get(day) ?? 0) + t.amount);
  });

  const out: CustomerSummary[] = [];
  for (const [customerId, days] of byCustomer) {
    const sorted = [...days.keys()].sort((a, b) => a - b);
    const first = sorted[0]!;
    if (first > calEnd) continue;
    let x = 0;
    let last = first;
    let repeatSum = 0;
    let xHoldout = 0;
    for (const day of sorted.slice(1)) {
      if (day <= calEnd) {
        x++;
        last = day;
        repeatSum += days.get(day)!;
      } else xHoldout++;
    }
    out.push({
      customerId,
      x,
      tX: (last - first) / 7,
      T: (calEnd - first) / 7,
      zbar: x === 0 ? 0 : repeatSum / x,
      xHoldout,
      firstPurchase: new Date(first * DAY_MS).toISOString().slice(0, 10),
    });
  }
  return out.sort((a, b) => compareIds(a.customerId, b.customerId));
}

function compareIds(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  if (Number.isFinite(na) && Number.isFinite(nb) && na !== nb) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Days since 1970-01-01 for a valid YYYY-MM-DD calendar date. */
function dayNumber(date: string, field: string, row?: number): number {
  const m = typeof date === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(date) : null;
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
  if (!m || new Date(ms).toISOString().slice(0, 10) !== date) {
    throw validationError(`${field} must be a calendar date YYYY-MM-DD`, [
      {
        field,
        message: 'must be a calendar date YYYY-MM-DD',
        value: date,
        expected: 'YYYY-MM-DD',
        ...(row === undefined ? {} : { row }),
      },
    ]);
  }
  return ms / DAY_MS;
}
