import type { BusinessCalendar, CalendarText, DayHours } from './calendar.schema';
import { escapeText, fold } from './ical-lines';
import { dateToDay, dayToDate } from './time-zone';

/**
 * Writes a calendar's holidays and make-up working days as an iCalendar text that importICal
 * reads back unchanged (see its conventions). Consecutive dates with the same kind, name and
 * hours become one multi-day all-day event. Weekly hours are not part of iCalendar and stay out.
 */

interface Run {
  kind: 'holiday' | 'workday';
  first: number;
  days: number;
  name: CalendarText | null;
  hours: DayHours | null;
}

const compact = (date: string) => date.replaceAll('-', '');
const sameText = (a: CalendarText | null, b: CalendarText | null) =>
  a === b || (a !== null && b !== null && a.zh === b.zh && a.en === b.en);
const hoursText = (h: DayHours | null) => (h ? h.map(([s, e]) => `${s}-${e}`).join(',') : '');

function runsOf(cal: BusinessCalendar): Run[] {
  const entries = [
    ...cal.holidays.map((h) => ({
      kind: 'holiday' as const,
      date: h.date,
      name: h.name,
      hours: null,
    })),
    ...cal.workdays.map((w) => ({
      kind: 'workday' as const,
      date: w.date,
      name: w.name,
      hours: w.hours,
    })),
  ].sort((a, b) => a.date.localeCompare(b.date));
  const runs: Run[] = [];
  for (const e of entries) {
    const day = dateToDay(e.date);
    const last = runs[runs.length - 1];
    if (
      last &&
      last.kind === e.kind &&
      last.first + last.days === day &&
      sameText(last.name, e.name) &&
      hoursText(last.hours) === hoursText(e.hours)
    ) {
      last.days++;
    } else runs.push({ kind: e.kind, first: day, days: 1, name: e.name, hours: e.hours });
  }
  return runs;
}

/** The calendar as iCalendar text (CRLF lines, folded at 75 octets). `generatedAt` → DTSTAMP. */
export function exportICal(cal: BusinessCalendar, generatedAt: Date): string {
  const stamp = `${generatedAt.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Tierdesk//Business calendar//EN',
    'CALSCALE:GREGORIAN',
    `X-WR-CALNAME:${escapeText(cal.name.zh)}`,
    `X-WR-TIMEZONE:${cal.timeZone}`,
  ];
  if (cal.coveredFrom) lines.push(`X-TIERDESK-COVERED-FROM:${compact(cal.coveredFrom)}`);
  if (cal.coveredUntil) lines.push(`X-TIERDESK-COVERED-UNTIL:${compact(cal.coveredUntil)}`);
  for (const run of runsOf(cal)) {
    const first = dayToDate(run.first);
    const fallback = run.kind === 'holiday' ? '假日 Holiday' : '调休上班 Make-up working day';
    lines.push(
      'BEGIN:VEVENT',
      `UID:${cal.id}-${run.kind}-${compact(first)}@tierdesk`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compact(first)}`,
      `DTEND;VALUE=DATE:${compact(dayToDate(run.first + run.days))}`,
      `SUMMARY:${escapeText(run.name?.zh ?? fallback)}`,
      `X-TIERDESK-KIND:${run.kind}`,
      'TRANSP:TRANSPARENT',
    );
    if (run.name) {
      lines.push(`X-TIERDESK-NAME-ZH:${escapeText(run.name.zh)}`);
      lines.push(`X-TIERDESK-NAME-EN:${escapeText(run.name.en)}`);
    }
    if (run.hours) lines.push(`X-TIERDESK-HOURS:${hoursText(run.hours)}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
