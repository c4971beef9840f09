import {
  addBusinessTime,
  addWorkingDays,
  type BusinessCalendar,
  type CalendarText,
  type DayHours,
  isCalendarNotCovered,
} from '../../domain/calendar';
import { dateToDay, dayToDate, fromWall, toWall, weekdayOf } from '../../domain/calendar/time-zone';
import { DomainError, validationError } from '../../domain/errors';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { parseInput } from '../parse';
import { requireCalendarReader } from './calendar-access';
import { loadCalendar } from './calendar-cache';
import { computeInput, previewInput } from './calendar-input';

/** The longest range a preview answers (a year view plus a margin). */
const MAX_PREVIEW_DAYS = 400;

export type DayKind = 'working' | 'closed' | 'holiday' | 'workday' | 'not_covered';

/** What one date is in a calendar: its kind, name and open hours. */
export function dayInfo(cal: BusinessCalendar, date: string) {
  const weekday = weekdayOf(dateToDay(date));
  const out = (kind: DayKind, hours: DayHours, name: CalendarText | null = null) => ({
    date,
    weekday,
    kind,
    name,
    hours,
  });
  if (cal.alwaysOpen) return out('working', [['00:00', '24:00']]);
  if ((cal.coveredFrom && date < cal.coveredFrom) || (cal.coveredUntil && date > cal.coveredUntil))
    return out('not_covered', []);
  const made = cal.workdays.find((w) => w.date === date);
  if (made) return out('workday', made.hours ?? cal.weekHours[1] ?? [], made.name);
  const off = cal.holidays.find((h) => h.date === date);
  if (off) return out('holiday', [], off.name);
  const hours = cal.weekHours[weekday] ?? [];
  return out(hours.length ? 'working' : 'closed', hours);
}

/** Each day from `from` to `to`: working, closed, holiday, make-up workday or not covered. */
export async function previewCalendar(
  deps: Deps,
  ctx: Ctx,
  idOrKey: number | string,
  raw: unknown,
) {
  requireCalendarReader(ctx);
  const input = parseInput(previewInput, raw, 'Invalid preview range');
  const span = dateToDay(input.to) - dateToDay(input.from) + 1;
  if (span > MAX_PREVIEW_DAYS) {
    throw validationError('Invalid preview range', [
      { field: 'to', message: `a preview covers at most ${MAX_PREVIEW_DAYS} days` },
    ]);
  }
  const cal = await loadCalendar(deps.store.db, idOrKey);
  const days = [];
  for (let d = dateToDay(input.from); d <= dateToDay(input.to); d++)
    days.push(dayInfo(cal, dayToDate(d)));
  return {
    timeZone: cal.timeZone,
    coveredFrom: cal.coveredFrom,
    coveredUntil: cal.coveredUntil,
    days,
  };
}

/** An instant from ISO text; without an offset it is a wall-clock time in `timeZone`. */
export function startInstant(text: string, timeZone: string): Date {
  const iso = text.replace(' ', 'T');
  if (/(?:Z|[+-]\d{2}:?\d{2})$/.test(iso)) return new Date(iso);
  const [date, time = '00:00'] = iso.split('T') as [string, string?];
  const [h = 0, m = 0, s = 0] = time.split(':').map(Number);
  return new Date(
    fromWall(timeZone, dateToDay(date) * 86_400_000 + ((h * 60 + m) * 60 + s) * 1000),
  );
}

/** 'YYYY-MM-DD HH:MM' of an instant in a zone. */
export function localText(timeZone: string, at: Date): string {
  return new Date(toWall(timeZone, at.getTime())).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * The due instant of a duration of business time (minutes or hours of open time, or working
 * days closing at the end of the nth working day). A deadline past the calendar's known years
 * is a 409 CALENDAR_NOT_COVERED naming the year to add; a calendar that never opens is a 409
 * too (the domain stops after a bounded walk): never a loop.
 */
export async function computeDue(deps: Deps, ctx: Ctx, idOrKey: number | string, raw: unknown) {
  requireCalendarReader(ctx);
  const input = parseInput(computeInput, raw, 'Invalid deadline request');
  const cal = await loadCalendar(deps.store.db, idOrKey);
  const start = startInstant(input.start, cal.timeZone);
  if (Number.isNaN(start.getTime())) {
    throw validationError('Invalid deadline request', [
      { field: 'start', message: 'is not a real date-time' },
    ]);
  }
  const { amount, unit } = input.duration;
  try {
    const due =
      unit === 'working_days'
        ? addWorkingDays(cal, start, amount)
        : addBusinessTime(cal, start, Math.round(amount * (unit === 'hours' ? 3_600_000 : 60_000)));
    return {
      start: start.toISOString(),
      startLocal: localText(cal.timeZone, start),
      due: due.toISOString(),
      dueLocal: localText(cal.timeZone, due),
      timeZone: cal.timeZone,
    };
  } catch (e) {
    if (!isCalendarNotCovered(e)) throw e;
    const date = String(e.details.date);
    throw new DomainError(
      'CALENDAR_NOT_COVERED',
      `The deadline runs into ${date}, but calendar "${cal.id}" only knows its holidays from ${cal.coveredFrom ?? 'any date'} to ${cal.coveredUntil ?? 'any date'}: add the ${date.slice(0, 4)} holidays and make-up working days (edit the calendar or import an iCalendar file) and try again.`,
      { ...e.details, year: Number(date.slice(0, 4)) },
    );
  }
}
