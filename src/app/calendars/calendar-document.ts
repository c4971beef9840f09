import { type BusinessCalendar, parseBusinessCalendar } from '../../domain/calendar';
import { dateToDay, dayToDate, weekdayOf } from '../../domain/calendar/time-zone';
import { DomainError, type FieldIssue, validationError } from '../../domain/errors';

/**
 * The working dates a calendar's rules produce between two dates (inclusive), at most `limit`.
 * Mirrors the domain's date rule: make-up day → its hours (Monday's by default); holiday →
 * closed; otherwise the weekday's hours.
 */
function countWorkingDates(cal: BusinessCalendar, first: string, last: string, limit = 1): number {
  const holidays = new Set(cal.holidays.map((h) => h.date));
  const workdays = new Map(cal.workdays.map((w) => [w.date, w.hours ?? cal.weekHours[1] ?? []]));
  let n = 0;
  for (let d = dateToDay(first); d <= dateToDay(last) && n < limit; d++) {
    const date = dayToDate(d);
    const made = workdays.get(date);
    const hours = made ?? (holidays.has(date) ? [] : (cal.weekHours[weekdayOf(d)] ?? []));
    if (hours.length) n++;
  }
  return n;
}

/**
 * Problems the field-level schema cannot see: a calendar that never opens (no weekly hours and
 * no make-up days), or a holiday list that closes every day of its covered range. Either would
 * make every deadline unreachable, so it is refused when saved rather than met at compute time.
 */
export function workingTimeIssues(cal: BusinessCalendar): FieldIssue[] {
  if (cal.alwaysOpen) return [];
  const anyWeekHours = cal.weekHours.some((d) => d.length > 0);
  const anyWorkdayHours = cal.workdays.some((w) => (w.hours ?? cal.weekHours[1] ?? []).length);
  if (!anyWeekHours && !anyWorkdayHours) {
    return [
      {
        field: 'weekHours',
        message:
          'the calendar has no working time at all: give at least one weekday hours (or mark it always open)',
      },
    ];
  }
  // Open-ended coverage: days past the listed holidays follow the weekly hours, which exist.
  if (cal.coveredFrom === null || cal.coveredUntil === null) return [];
  const first = cal.coveredFrom;
  const last = cal.coveredUntil;
  if (countWorkingDates(cal, first, last) === 0) {
    return [
      {
        field: 'holidays',
        message: `the holidays close every day from ${first} to ${last}: no working time is left in the covered range`,
      },
    ];
  }
  return [];
}

/**
 * Validates a calendar document for saving: the domain schema (overlapping or inverted hours,
 * a date listed as both holiday and make-up day, dates outside the coverage) and the
 * working-time check. Fields are named from the request body (`document.weekHours.1.0`).
 */
export function parseCalendarDocument(raw: unknown, prefix = 'document'): BusinessCalendar {
  let cal: BusinessCalendar;
  try {
    cal = parseBusinessCalendar(raw);
  } catch (e) {
    if (e instanceof DomainError && e.code === 'VALIDATION') {
      const issues = ((e.details.issues as FieldIssue[]) ?? []).map((i) => ({
        ...i,
        field: `${prefix}.${i.field}`,
      }));
      throw validationError(`The calendar is not valid: ${describe(issues)}`, issues);
    }
    throw e;
  }
  const extra = workingTimeIssues(cal).map((i) => ({ ...i, field: `${prefix}.${i.field}` }));
  if (extra.length) throw validationError(`The calendar is not valid: ${describe(extra)}`, extra);
  return cal;
}

function describe(issues: FieldIssue[]): string {
  const first = issues[0];
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return first ? `${first.field}: ${first.message}${more}` : 'unknown problem';
}
