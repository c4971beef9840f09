import { type FieldIssue, validationError } from '../errors';
import type { CalendarHoliday, CalendarWorkday } from './calendar.schema';
import { type Found, type Problem, readEvent } from './ical-event';
import { type ContentLine, icalDate, parseContentLine, unescapeText, unfold } from './ical-lines';

/**
 * Reads holidays and make-up working days from an iCalendar (RFC 5545) text.
 *
 * Conventions (the same ones ical-export writes):
 * - Only all-day VEVENTs: DTSTART;VALUE=DATE:YYYYMMDD with an exclusive DTEND (or DURATION:PnD /
 *   PnW; neither = one day). Multi-day events expand to every date. STATUS:CANCELLED is skipped.
 * - Kind: X-TIERDESK-KIND:holiday|workday decides; without it, a SUMMARY or CATEGORIES containing
 *   "班" (补班, 上班), "make-up", "makeup", "workday" or "working day" is a make-up working day;
 *   anything else is a holiday.
 * - Names: X-TIERDESK-NAME-ZH / X-TIERDESK-NAME-EN, each falling back to SUMMARY — except in an
 *   event with X-TIERDESK-KIND (written by ical-export), where no NAME-* means "unnamed".
 * - Hours of a make-up working day: X-TIERDESK-HOURS:09:00-12:00,13:00-18:00 (default: Monday's).
 * - Calendar level: X-WR-CALNAME, X-WR-TIMEZONE, X-TIERDESK-COVERED-FROM / -UNTIL (YYYYMMDD).
 *   Coverage is never guessed from the last event: a file without it leaves coverage to the user.
 * Recurring events (RRULE/RDATE) are refused rather than half-read.
 */
export interface ICalImport {
  name: string | null;
  timeZone: string | null;
  coveredFrom: string | null;
  coveredUntil: string | null;
  holidays: CalendarHoliday[];
  workdays: CalendarWorkday[];
}

/** Parses an iCalendar text; every problem is reported with its line number (VALIDATION). */
export function importICal(text: string): ICalImport {
  const issues: FieldIssue[] = [];
  const problem = (row: number, field: string, message: string) =>
    issues.push({ row, field, message: `line ${row}: ${message}` });
  const out: ICalImport = {
    name: null,
    timeZone: null,
    coveredFrom: null,
    coveredUntil: null,
    holidays: [],
    workdays: [],
  };
  const seen = new Map<string, Found>();
  const stack: { name: string; line: number }[] = [];
  let event: ContentLine[] | null = null;
  let sawCalendar = false;

  for (const { line, text: raw } of unfold(text)) {
    const cl = parseContentLine(line, raw);
    if ('message' in cl) {
      problem(line, '(line)', cl.message);
      continue;
    }
    if (!sawCalendar && !(cl.name === 'BEGIN' && cl.value.toUpperCase() === 'VCALENDAR')) {
      problem(line, cl.name, 'the file must start with BEGIN:VCALENDAR');
      break;
    }
    if (cl.name === 'BEGIN') {
      const comp = cl.value.trim().toUpperCase();
      sawCalendar = true;
      if (comp === 'VEVENT' && stack.length === 1) event = [];
      stack.push({ name: comp, line });
      continue;
    }
    if (cl.name === 'END') {
      const comp = cl.value.trim().toUpperCase();
      const open = stack.pop();
      if (!open || open.name !== comp) {
        problem(
          line,
          'END',
          `END:${comp} does not close ${open ? `BEGIN:${open.name} of line ${open.line}` : 'anything'}`,
        );
        break;
      }
      if (comp === 'VEVENT' && event && stack.length === 1) {
        readEvent(open.line, event, out, seen, problem);
        event = null;
      }
      continue;
    }
    const top = stack[stack.length - 1]?.name;
    if (top === 'VEVENT' && event && stack.length === 2) event.push(cl);
    else if (top === 'VCALENDAR') readCalendarProperty(cl, out, problem);
  }
  const unclosed = stack[stack.length - 1];
  if (unclosed && issues.length === 0) {
    problem(
      unclosed.line,
      'BEGIN',
      `BEGIN:${unclosed.name} is never closed by END:${unclosed.name}`,
    );
  }
  if (!sawCalendar && issues.length === 0) problem(1, 'BEGIN', 'no BEGIN:VCALENDAR found');
  if (issues.length) {
    throw validationError(
      `The iCalendar file has ${issues.length} problem(s); first: ${issues[0]!.message}`,
      issues,
    );
  }
  out.holidays.sort((a, b) => a.date.localeCompare(b.date));
  out.workdays.sort((a, b) => a.date.localeCompare(b.date));
  return out;
}

function readCalendarProperty(cl: ContentLine, out: ICalImport, problem: Problem): void {
  if (cl.name === 'X-WR-CALNAME') out.name = unescapeText(cl.value);
  else if (cl.name === 'X-WR-TIMEZONE') out.timeZone = cl.value.trim();
  else if (cl.name === 'X-TIERDESK-COVERED-FROM' || cl.name === 'X-TIERDESK-COVERED-UNTIL') {
    const date = icalDate(cl.value);
    if (!date) problem(cl.line, cl.name, `"${cl.value}" is not a date YYYYMMDD`);
    else if (cl.name === 'X-TIERDESK-COVERED-FROM') out.coveredFrom = date;
    else out.coveredUntil = date;
  }
}
