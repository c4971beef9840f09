import { z } from 'zod';

/** A calendar month as 'YYYY-MM'. */
export const monthSchema = (field = 'month') =>
  z
    .string({ error: `${field} is required as YYYY-MM` })
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, `${field} must be a month as YYYY-MM`);

/** The month a 'YYYY-MM-DD' date falls in. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** The first day of a month, 'YYYY-MM-01'. */
export function monthStart(month: string): string {
  return `${month}-01`;
}

/** The last day of a month (28–31). */
export function monthEnd(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(last).padStart(2, '0')}`;
}

/**
 * Months counted from year 0: consecutive months differ by one, so "every n months" is
 * `monthIndex % n === 0` and lands on calendar-aligned months (every 2: Jan, Mar, …; every 3:
 * the first month of each quarter).
 */
export function monthIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}
