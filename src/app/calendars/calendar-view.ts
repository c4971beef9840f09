import type { BusinessCalendar } from '../../domain/calendar';
import type { CalendarRow } from '../../store/calendars/calendars.repository';

/** A calendar as the API shows it: the stored row, its document and a few summary fields. */
export function calendarView(row: CalendarRow, cal: BusinessCalendar) {
  return {
    id: row.id,
    key: row.key,
    builtin: row.builtin,
    version: row.version,
    name: cal.name,
    timeZone: cal.timeZone,
    alwaysOpen: cal.alwaysOpen,
    coveredFrom: cal.coveredFrom,
    coveredUntil: cal.coveredUntil,
    holidayCount: cal.holidays.length,
    workdayCount: cal.workdays.length,
    document: cal,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    updatedBy: row.updatedBy,
    updatedAt: row.updatedAt,
  };
}
export type CalendarView = ReturnType<typeof calendarView>;
