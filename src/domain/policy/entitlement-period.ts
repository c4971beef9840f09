import type { EntitlementPeriod } from './policy.schema';

/** The span of one entitlement period: its key and its first and last calendar day. */
export interface PeriodSpan {
  /** '2026-11' (month), '2026-Q4' (quarter), '2026' (year) or 'lifetime'. */
  key: string;
  /** First day, 'YYYY-MM-DD'; null for lifetime. */
  start: string | null;
  /** Last day, 'YYYY-MM-DD'; null for lifetime. */
  end: string | null;
}

function lastDayOfMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; UTC keeps it free of time zones.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function day(year: number, month: number, d: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * The period a business date falls in, for counting entitlement uses: uses of a monthly
 * entitlement are counted per calendar month, quarterly ones per calendar quarter, and so on.
 * @example periodOf('month', '2026-11-27') // { key: '2026-11', start: '2026-11-01', end: '2026-11-30' }
 * @example periodOf('quarter', '2026-11-27').key // '2026-Q4'
 */
export function periodOf(period: EntitlementPeriod, date: string): PeriodSpan {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new Error(`not a date: ${date}`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  switch (period) {
    case 'month':
      return {
        key: `${m[1]}-${m[2]}`,
        start: day(year, month, 1),
        end: day(year, month, lastDayOfMonth(year, month)),
      };
    case 'quarter': {
      const q = Math.floor((month - 1) / 3) + 1;
      const last = q * 3;
      return {
        key: `${m[1]}-Q${q}`,
        start: day(year, last - 2, 1),
        end: day(year, last, lastDayOfMonth(year, last)),
      };
    }
    case 'year':
      return { key: m[1] as string, start: day(year, 1, 1), end: day(year, 12, 31) };
    case 'lifetime':
      return { key: 'lifetime', start: null, end: null };
  }
}

/** The period key only (see {@link periodOf}). */
export function periodKey(period: EntitlementPeriod, date: string): string {
  return periodOf(period, date).key;
}
