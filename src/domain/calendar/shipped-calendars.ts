import {
  type BusinessCalendar,
  type CalendarText,
  type DayHours,
  parseBusinessCalendar,
} from './calendar.schema';
import official from './cn-mainland.official.json' with { type: 'json' };
import { dateToDay, dayToDate } from './time-zone';

/** Mon–Fri 09:00–12:00 and 13:00–18:00 (8 hours, one-hour lunch). */
export const CHINA_OFFICE_HOURS: DayHours = [
  ['09:00', '12:00'],
  ['13:00', '18:00'],
];

/** The State Council notices the shipped mainland China calendar is built from. */
export const CHINA_MAINLAND_SOURCES = official.source;

/** Every date from `first` to `last` inclusive. */
function datesBetween(first: string, last: string): string[] {
  const out: string[] = [];
  for (let d = dateToDay(first); d <= dateToDay(last); d++) out.push(dayToDate(d));
  return out;
}

function makeUpName(name: CalendarText): CalendarText {
  return { zh: `${name.zh}调休上班`, en: `${name.en} make-up working day` };
}

/**
 * The shipped mainland China calendar (Asia/Shanghai, 2025–2026 State Council schedule).
 * Make-up working days keep the same hours as a Monday. Other office hours can be passed in.
 */
export function chinaMainlandCalendar(
  weekdayHours: DayHours = CHINA_OFFICE_HOURS,
): BusinessCalendar {
  const holidays = official.festivals.flatMap((f) =>
    datesBetween(f.off[0]!, f.off[1]!).map((date) => ({ date, name: f.name })),
  );
  const workdays = official.festivals.flatMap((f) =>
    f.makeUpWorkdays.map((date) => ({ date, name: makeUpName(f.name) })),
  );
  return parseBusinessCalendar({
    id: official.id,
    name: official.name,
    timeZone: official.timeZone,
    weekHours: [[], weekdayHours, weekdayHours, weekdayHours, weekdayHours, weekdayHours, []],
    holidays,
    workdays,
    alwaysOpen: false,
    coveredFrom: official.coveredFrom,
    coveredUntil: official.coveredUntil,
  });
}

/** A 24×7 calendar for urgent levels: every minute counts, in any year. */
export function alwaysOpenCalendar(timeZone = 'Asia/Shanghai'): BusinessCalendar {
  const allDay: DayHours = [['00:00', '24:00']];
  return parseBusinessCalendar({
    id: 'always-open',
    name: { zh: '全天候（7×24）', en: 'Always open (24×7)' },
    timeZone,
    weekHours: [allDay, allDay, allDay, allDay, allDay, allDay, allDay],
    alwaysOpen: true,
    coveredUntil: null,
  });
}
