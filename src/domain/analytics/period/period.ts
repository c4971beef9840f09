import { validationError } from '../../errors';
import { monthLabel, monthNumber } from '../lifecycle/day-number';

/** A run of whole months, both ends included ('YYYY-MM'). */
export interface Period {
  from: string;
  to: string;
  /** Number of months, ≥ 1. */
  months: number;
}

/** Months in a period when only its end is given: a year, what most reviews look at. */
export const DEFAULT_PERIOD_MONTHS = 12;

/** The month `k` months after (k < 0: before) a month 'YYYY-MM'. */
export function addMonths(month: string, k: number): string {
  return monthLabel(monthNumber(month) + k);
}

/**
 * The period a view covers: `to` defaults to the current month, `from` to eleven months before
 * `to` (twelve months in all). A `from` after `to` is an error naming `from`.
 */
export function resolvePeriod(
  input: { from?: string | undefined; to?: string | undefined },
  currentMonth: string,
): Period {
  const to = input.to ?? currentMonth;
  const from = input.from ?? addMonths(to, -(DEFAULT_PERIOD_MONTHS - 1));
  const months = monthNumber(to) - monthNumber(from) + 1;
  if (months < 1) {
    throw validationError('from must not be after to', [
      { field: 'from', message: `must be a month on or before ${to}`, value: from },
    ]);
  }
  return { from, to, months };
}

/** The period of the same length that ends the month before `p` starts (for period-on-period). */
export function previousPeriod(p: Period): Period {
  return { from: addMonths(p.from, -p.months), to: addMonths(p.from, -1), months: p.months };
}

/** The last calendar day of a month 'YYYY-MM', as 'YYYY-MM-DD'. */
export function monthEnd(month: string): string {
  const n = monthNumber(month) + 1;
  const y = Math.floor(n / 12);
  const first = Date.UTC(y, n - y * 12, 1);
  return new Date(first - 86_400_000).toISOString().slice(0, 10);
}
