import { DomainError } from '../errors';
import { type BusinessCalendar, clockMinutes, type DayHours } from './calendar.schema';
import { CalendarNotCoveredError } from './calendar-errors';
import {
  DAY_MS,
  dateToDay,
  dayToDate,
  fromWall,
  localDay,
  MINUTE_MS,
  weekdayOf,
} from './time-zone';

/**
 * A calendar prepared for fast repeated use: the open intervals of each local day are turned
 * into UTC instants once and cached, so thousands of ticket clocks on one calendar cost a few
 * map look-ups per day walked. Calendars are treated as immutable: an edited calendar is a new
 * object (the cache is keyed by object identity).
 */
export interface CompiledCalendar {
  readonly calendar: BusinessCalendar;
  readonly alwaysOpen: boolean;
  /** Local day number of an instant. */
  dayOf(epochMs: number): number;
  /**
   * Open intervals of a local day as flat UTC ms pairs [s0, e0, s1, e1, …], in order.
   * Throws CALENDAR_NOT_COVERED outside the holiday list's known range.
   */
  openOn(day: number): readonly number[];
}

/** Days in a row without any open time before a walk gives up (a calendar with no hours). */
export const MAX_CLOSED_DAYS = 800;

type Minutes = readonly (readonly [number, number])[];

function toMinutes(hours: DayHours): Minutes {
  return hours.map(([s, e]) => [clockMinutes(s), clockMinutes(e)] as const);
}

const cache = new WeakMap<BusinessCalendar, CompiledCalendar>();

/** The compiled form of a validated calendar (memoised per calendar object). */
export function compileCalendar(cal: BusinessCalendar): CompiledCalendar {
  const hit = cache.get(cal);
  if (hit) return hit;
  const built = build(cal);
  cache.set(cal, built);
  return built;
}

function build(cal: BusinessCalendar): CompiledCalendar {
  const tz = cal.timeZone;
  const week = cal.weekHours.map(toMinutes);
  const monday = week[1] ?? [];
  const holidays = new Set(cal.holidays.map((h) => dateToDay(h.date)));
  const workdays = new Map<number, Minutes>(
    cal.workdays.map((w) => [dateToDay(w.date), w.hours ? toMinutes(w.hours) : monday]),
  );
  const from = cal.coveredFrom === null ? -Infinity : dateToDay(cal.coveredFrom);
  const until = cal.coveredUntil === null ? Infinity : dateToDay(cal.coveredUntil);
  const days = new Map<number, readonly number[]>();

  const minutesOf = (day: number): Minutes => {
    if (cal.alwaysOpen) return [[0, 24 * 60]];
    if (day < from || day > until) throw new CalendarNotCoveredError(cal, dayToDate(day));
    const made = workdays.get(day);
    if (made) return made;
    if (holidays.has(day)) return [];
    return week[weekdayOf(day)] ?? [];
  };

  const openOn = (day: number): readonly number[] => {
    const known = days.get(day);
    if (known) return known;
    const flat: number[] = [];
    for (const [s, e] of minutesOf(day)) {
      const start = fromWall(tz, day * DAY_MS + s * MINUTE_MS);
      const end = fromWall(tz, day * DAY_MS + e * MINUTE_MS);
      // An interval swallowed by a DST gap collapses; touching ones merge.
      if (end <= start) continue;
      const last = flat.length - 1;
      if (last > 0 && start <= flat[last]!) flat[last] = Math.max(flat[last]!, end);
      else flat.push(start, end);
    }
    days.set(day, flat);
    return flat;
  };

  return { calendar: cal, alwaysOpen: cal.alwaysOpen, dayOf: (t) => localDay(tz, t), openOn };
}

/** The error for a walk that found no open time for MAX_CLOSED_DAYS days. */
export function noOpenTime(cal: BusinessCalendar, fromDay: number): DomainError {
  return new DomainError(
    'INVALID_STATE',
    `calendar "${cal.id}" has no working hours for ${MAX_CLOSED_DAYS} days from ${dayToDate(fromDay)}`,
    { calendarId: cal.id, date: dayToDate(fromDay) },
  );
}
