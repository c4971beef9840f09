import type { CalendarDocument, CalendarText, DayHours } from '../../api/calendars';

/** Weekday message keys, Sunday first (the order of `weekHours`). */
export const WEEKDAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

export type DayKind = 'working' | 'closed' | 'holiday' | 'workday' | 'not_covered';

/** 0 = Sunday … 6 = Saturday of a 'YYYY-MM-DD' date. */
export function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** What a date is in a (possibly unsaved) calendar — the same rule the server applies. */
export function dayOf(
  doc: CalendarDocument,
  date: string,
): { kind: DayKind; name: CalendarText | null; hours: DayHours } {
  if (doc.alwaysOpen) return { kind: 'working', name: null, hours: [['00:00', '24:00']] };
  if ((doc.coveredFrom && date < doc.coveredFrom) || (doc.coveredUntil && date > doc.coveredUntil))
    return { kind: 'not_covered', name: null, hours: [] };
  const made = doc.workdays.find((w) => w.date === date);
  if (made)
    return { kind: 'workday', name: made.name, hours: made.hours ?? doc.weekHours[1] ?? [] };
  const off = doc.holidays.find((h) => h.date === date);
  if (off) return { kind: 'holiday', name: off.name, hours: [] };
  const hours = doc.weekHours[weekdayOf(date)] ?? [];
  return { kind: hours.length ? 'working' : 'closed', name: null, hours };
}

/** The dates of one month ('YYYY-MM-DD'), month 1–12. */
export function monthDates(year: number, month: number): string[] {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const mm = String(month).padStart(2, '0');
  return Array.from({ length: days }, (_, i) => `${year}-${mm}-${String(i + 1).padStart(2, '0')}`);
}

/**
 * The calendar with one date set to a kind: 'normal' removes it from both lists; 'holiday' or
 * 'workday' puts it in that list (and out of the other) with the name given.
 */
export function setDay(
  doc: CalendarDocument,
  date: string,
  kind: 'normal' | 'holiday' | 'workday',
  name: CalendarText | null,
): CalendarDocument {
  const holidays = doc.holidays.filter((h) => h.date !== date);
  const workdays = doc.workdays.filter((w) => w.date !== date);
  if (kind === 'holiday') holidays.push({ date, name });
  if (kind === 'workday') workdays.push({ date, name, hours: null });
  const byDate = (a: { date: string }, b: { date: string }) => a.date.localeCompare(b.date);
  return { ...doc, holidays: holidays.sort(byDate), workdays: workdays.sort(byDate) };
}
