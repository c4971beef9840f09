import { type CalendarWorkday, dayHoursSchema } from './calendar.schema';
import type { ICalImport } from './ical-import';
import { type ContentLine, icalDate, unescapeText } from './ical-lines';
import { dateToDay, dayToDate } from './time-zone';

/** One VEVENT of an iCalendar import: dates, kind, names and hours (conventions in ical-import). */

const MAX_EVENT_DAYS = 366;
const WORKDAY_WORDS = /班|make-?up|workday|working day/i;

/** The first event that claimed a date. */
export interface Found {
  kind: 'holiday' | 'workday';
  line: number;
}

/** Reports one problem at a line and property. */
export type Problem = (row: number, field: string, message: string) => void;

/** Adds the dates of one VEVENT to the import, or reports why it cannot. */
export function readEvent(
  begin: number,
  props: ContentLine[],
  out: ICalImport,
  seen: Map<string, Found>,
  problem: Problem,
): void {
  const get = (name: string) => props.find((p) => p.name === name);
  if (get('STATUS')?.value.trim().toUpperCase() === 'CANCELLED') return;
  const repeat = get('RRULE') ?? get('RDATE');
  if (repeat) {
    problem(repeat.line, repeat.name, 'recurring events are not supported; list each date');
    return;
  }
  const startProp = get('DTSTART');
  if (!startProp) {
    problem(begin, 'DTSTART', 'the VEVENT has no DTSTART');
    return;
  }
  const first = icalDate(startProp.value);
  if (!first || (startProp.params.VALUE && startProp.params.VALUE.toUpperCase() !== 'DATE')) {
    problem(
      startProp.line,
      'DTSTART',
      `"${startProp.value}" is not an all-day date; expected DTSTART;VALUE=DATE:YYYYMMDD`,
    );
    return;
  }
  const days = eventDays(first, get('DTEND'), get('DURATION'), problem);
  if (days === null) return;

  const summary = get('SUMMARY');
  const text = summary ? unescapeText(summary.value).trim() : '';
  const kindProp = get('X-TIERDESK-KIND');
  let kind: Found['kind'];
  if (kindProp) {
    const k = kindProp.value.trim().toLowerCase();
    if (k !== 'holiday' && k !== 'workday') {
      problem(kindProp.line, kindProp.name, `"${kindProp.value}" must be holiday or workday`);
      return;
    }
    kind = k;
  } else {
    const words = `${text} ${get('CATEGORIES')?.value ?? ''}`;
    kind = WORKDAY_WORDS.test(words) ? 'workday' : 'holiday';
  }
  const zh = get('X-TIERDESK-NAME-ZH');
  const en = get('X-TIERDESK-NAME-EN');
  // A file that states its kind is one of ours: its SUMMARY may be a display fallback only.
  const fallback = kindProp ? '' : text;
  const zhText = zh ? unescapeText(zh.value).trim() : fallback;
  const enText = en ? unescapeText(en.value).trim() : fallback;
  const name = zhText && enText ? { zh: zhText, en: enText } : null;

  let hours: CalendarWorkday['hours'] = null;
  const hoursProp = get('X-TIERDESK-HOURS');
  if (hoursProp && kind === 'workday') {
    const pairs = hoursProp.value.split(',').map((p) => p.trim().split('-'));
    const parsed = dayHoursSchema.safeParse(pairs);
    if (!parsed.success) {
      problem(
        hoursProp.line,
        hoursProp.name,
        `"${hoursProp.value}" must look like 09:00-12:00,13:00-18:00`,
      );
      return;
    }
    hours = parsed.data;
  }

  for (let d = dateToDay(first); d < dateToDay(first) + days; d++) {
    const date = dayToDate(d);
    const before = seen.get(date);
    if (before) {
      if (before.kind !== kind) {
        problem(
          startProp.line,
          'DTSTART',
          `${date} is a ${kind} here but a ${before.kind} in the event at line ${before.line}`,
        );
      }
      continue;
    }
    seen.set(date, { kind, line: startProp.line });
    if (kind === 'holiday') out.holidays.push({ date, name });
    else out.workdays.push({ date, name, hours });
  }
}

/** Number of days an all-day event spans (DTEND is exclusive), or null after a problem. */
function eventDays(
  first: string,
  end: ContentLine | undefined,
  duration: ContentLine | undefined,
  problem: Problem,
): number | null {
  let days = 1;
  if (end) {
    const last = icalDate(end.value);
    if (!last) {
      problem(
        end.line,
        'DTEND',
        `"${end.value}" is not an all-day date; expected DTEND;VALUE=DATE:YYYYMMDD`,
      );
      return null;
    }
    days = dateToDay(last) - dateToDay(first);
  } else if (duration) {
    const m = /^P(\d+)([DW])$/.exec(duration.value.trim());
    if (!m) {
      problem(
        duration.line,
        'DURATION',
        `"${duration.value}" must be whole days (P3D) or weeks (P1W)`,
      );
      return null;
    }
    days = Number(m[1]) * (m[2] === 'W' ? 7 : 1);
  }
  if (days < 1 || days > MAX_EVENT_DAYS) {
    const where = end ?? duration;
    problem(
      where?.line ?? 0,
      where?.name ?? 'DTEND',
      `the event must last 1 to ${MAX_EVENT_DAYS} days (DTEND is exclusive)`,
    );
    return null;
  }
  return days;
}
