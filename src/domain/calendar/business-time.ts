import { validationError } from '../errors';
import type { BusinessCalendar } from './calendar.schema';
import {
  type CompiledCalendar,
  compileCalendar,
  MAX_CLOSED_DAYS,
  noOpenTime,
} from './compiled-calendar';
import { DAY_MS, fromWall, toWall } from './time-zone';

/**
 * Business-time arithmetic. Every function walks the calendar day by day over its open
 * intervals (never minute by minute). Intervals are half-open: open at 09:00, closed at 18:00.
 */

function checkDuration(durationMs: number): void {
  if (!Number.isFinite(durationMs) || durationMs < 0) {
    throw validationError('A business-time duration must be a finite number of ms ≥ 0', [
      { field: 'durationMs', message: 'must be ≥ 0', value: durationMs, expected: 'ms ≥ 0' },
    ]);
  }
}

/** True when the calendar is open at the instant. */
export function isOpen(cal: BusinessCalendar, instant: Date): boolean {
  const cc = compileCalendar(cal);
  if (cc.alwaysOpen) return true;
  const t = instant.getTime();
  const iv = cc.openOn(cc.dayOf(t));
  for (let i = 0; i < iv.length; i += 2) if (t >= iv[i]! && t < iv[i + 1]!) return true;
  return false;
}

/**
 * The instant at which `durationMs` of business time has elapsed after `start`. A target that
 * is used up exactly at closing time lands on the closing time (18:00), not on the next opening.
 * A zero duration returns `start` unchanged.
 */
export function addBusinessTime(cal: BusinessCalendar, start: Date, durationMs: number): Date {
  checkDuration(durationMs);
  const cc = compileCalendar(cal);
  let t = start.getTime();
  if (cc.alwaysOpen || durationMs === 0) return new Date(t + durationMs);
  let remaining = durationMs;
  let day = cc.dayOf(t);
  let closed = 0;
  for (;;) {
    const iv = cc.openOn(day);
    for (let i = 0; i < iv.length; i += 2) {
      const end = iv[i + 1]!;
      if (end <= t) continue;
      const begin = Math.max(iv[i]!, t);
      if (remaining <= end - begin) return new Date(begin + remaining);
      remaining -= end - begin;
      t = end;
    }
    closed = iv.length ? 0 : closed + 1;
    if (closed > MAX_CLOSED_DAYS) throw noOpenTime(cal, day);
    day++;
  }
}

/**
 * The instant `durationMs` of business time before `end`: the inverse of `addBusinessTime` for a
 * start in open time (subtract(add(s, d), d) = s), e.g. "remind four working hours before the
 * deadline". Walks back day by day like `addBusinessTime`; the same coverage rule applies.
 */
export function subtractBusinessTime(cal: BusinessCalendar, end: Date, durationMs: number): Date {
  checkDuration(durationMs);
  const cc = compileCalendar(cal);
  let t = end.getTime();
  if (cc.alwaysOpen || durationMs === 0) return new Date(t - durationMs);
  let remaining = durationMs;
  let day = cc.dayOf(t);
  let closed = 0;
  for (;;) {
    const iv = cc.openOn(day);
    for (let i = iv.length - 2; i >= 0; i -= 2) {
      const begin = iv[i]!;
      if (begin >= t) continue;
      const stop = Math.min(iv[i + 1]!, t);
      if (remaining <= stop - begin) return new Date(stop - remaining);
      remaining -= stop - begin;
      t = begin;
    }
    closed = iv.length ? 0 : closed + 1;
    if (closed > MAX_CLOSED_DAYS) throw noOpenTime(cal, day);
    day--;
  }
}

/**
 * Business time in ms between two instants (negative when `to` is before `from`). Only the
 * days the span touches must be covered by the holiday list.
 */
export function businessTimeBetween(cal: BusinessCalendar, from: Date, to: Date): number {
  const a = from.getTime();
  const b = to.getTime();
  if (b < a) return -businessTimeBetween(cal, to, from);
  const cc = compileCalendar(cal);
  if (cc.alwaysOpen || a === b) return b - a;
  return openTimeIn(cc, a, b);
}

/** Sum of open time in [a, b) (a < b). */
export function openTimeIn(cc: CompiledCalendar, a: number, b: number): number {
  if (cc.alwaysOpen) return b - a;
  let total = 0;
  // b is excluded, so a span ending at local midnight never touches the next day.
  const last = cc.dayOf(b - 1);
  for (let day = cc.dayOf(a); day <= last; day++) {
    const iv = cc.openOn(day);
    for (let i = 0; i < iv.length; i += 2) {
      const overlap = Math.min(iv[i + 1]!, b) - Math.max(iv[i]!, a);
      if (overlap > 0) total += overlap;
    }
  }
  return total;
}

/** How a working-day target is turned into an instant (see README). */
export type WorkingDayRule = 'close' | 'same-time';

function nextWorkingDay(cc: CompiledCalendar, after: number): number {
  for (let day = after + 1, n = 0; n <= MAX_CLOSED_DAYS; day++, n++) {
    if (cc.openOn(day).length) return day;
  }
  throw noOpenTime(cc.calendar, after);
}

/** The first open instant at or after t, with its local day. */
function nextOpen(cc: CompiledCalendar, t: number): { day: number; at: number } {
  let day = cc.dayOf(t);
  for (let n = 0; n <= MAX_CLOSED_DAYS; n++, day++) {
    const iv = cc.openOn(day);
    for (let i = 0; i < iv.length; i += 2) {
      if (iv[i + 1]! > t) return { day, at: Math.max(iv[i]!, t) };
    }
  }
  throw noOpenTime(cc.calendar, cc.dayOf(t));
}

/**
 * The due instant of an "n working days" target. A working day is a local date with any open
 * time (weekday hours not on a holiday, or a make-up working day).
 * - 'close' (default): closing time of the nth working day after the day of `start` — the
 *   start day never counts. n = 0 means "today": the closing time of the working day in
 *   progress, or of the next working day when `start` is after closing or on a closed day.
 * - 'same-time': the same local clock time n working days later, measured from the first open
 *   moment at or after `start`, clamped into that day's hours (a time in the lunch break moves
 *   to the reopening; one after the day's close moves back to the close).
 */
export function addWorkingDays(
  cal: BusinessCalendar,
  start: Date,
  n: number,
  rule: WorkingDayRule = 'close',
): Date {
  if (!Number.isInteger(n) || n < 0) {
    throw validationError('A working-day target must be a whole number ≥ 0', [
      { field: 'days', message: 'must be a whole number ≥ 0', value: n, expected: 'integer ≥ 0' },
    ]);
  }
  const cc = compileCalendar(cal);
  const t = start.getTime();
  if (rule === 'close') {
    let day: number;
    if (n === 0) day = nextOpen(cc, t).day;
    else {
      day = cc.dayOf(t);
      for (let k = 0; k < n; k++) day = nextWorkingDay(cc, day);
    }
    const iv = cc.openOn(day);
    return new Date(iv[iv.length - 1]!);
  }
  const anchor = nextOpen(cc, t);
  const clock = toWall(cal.timeZone, anchor.at) - anchor.day * DAY_MS;
  let day = anchor.day;
  for (let k = 0; k < n; k++) day = nextWorkingDay(cc, day);
  const wanted = fromWall(cal.timeZone, day * DAY_MS + clock);
  const iv = cc.openOn(day);
  for (let i = 0; i < iv.length; i += 2) {
    if (iv[i + 1]! > wanted) return new Date(Math.max(iv[i]!, wanted));
  }
  return new Date(iv[iv.length - 1]!);
}
