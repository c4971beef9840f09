import { DomainError } from '../errors';
import type { BusinessCalendar } from './calendar.schema';

/** Why a calendar computation refused to answer (also kept in `details.reason`). */
export const CALENDAR_NOT_COVERED = 'CALENDAR_NOT_COVERED';

/**
 * Thrown when a computation reaches a date outside the calendar's known holiday list: guessing
 * from plain weekdays would silently put a Spring Festival week into an SLA.
 */
export class CalendarNotCoveredError extends DomainError {
  readonly reason = CALENDAR_NOT_COVERED;
  constructor(cal: BusinessCalendar, date: string) {
    const range = `${cal.coveredFrom ?? '…'} – ${cal.coveredUntil ?? '…'}`;
    super(
      'CALENDAR_NOT_COVERED',
      `${CALENDAR_NOT_COVERED}: calendar "${cal.id}" (${cal.name.en}) has no holiday list for ${date}; it covers ${range}. Add that year's holidays and make-up working days first.`,
      {
        reason: CALENDAR_NOT_COVERED,
        calendarId: cal.id,
        calendarName: cal.name,
        date,
        coveredFrom: cal.coveredFrom,
        coveredUntil: cal.coveredUntil,
      },
    );
    this.name = 'CalendarNotCoveredError';
  }
}

/** True when an error is the not-covered refusal. */
export function isCalendarNotCovered(err: unknown): err is CalendarNotCoveredError {
  return err instanceof DomainError && err.code === CALENDAR_NOT_COVERED;
}
