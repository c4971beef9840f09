import { invalidOption } from '../pareto/check-columns';

const MS_PER_DAY = 86_400_000;

/**
 * Whole days since 1970-01-01 of a calendar date 'YYYY-MM-DD' (a business date, no time zone):
 * the day unit the analytics columns use, so differences are exact day counts.
 */
export function dayNumber(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
  if (!m || new Date(ms).toISOString().slice(0, 10) !== date) {
    invalidOption('dayNumber', 'date', date, 'a calendar date YYYY-MM-DD');
  }
  return ms / MS_PER_DAY;
}

/** Month number (year · 12 + month − 1) of a calendar date 'YYYY-MM-DD' or month 'YYYY-MM'. */
export function monthNumber(date: string): number {
  const m = /^(\d{4})-(\d{2})(?:-\d{2})?$/.exec(date);
  const month = m ? Number(m[2]) : 0;
  if (!m || month < 1 || month > 12) {
    invalidOption('monthNumber', 'date', date, 'a month YYYY-MM or date YYYY-MM-DD');
  }
  return Number(m[1]) * 12 + month - 1;
}

/** 'YYYY-MM' of a month number. */
export function monthLabel(month: number): string {
  const y = Math.floor(month / 12);
  return `${String(y).padStart(4, '0')}-${String(month - y * 12 + 1).padStart(2, '0')}`;
}
