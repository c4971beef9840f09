/**
 * Time-zone arithmetic on plain epoch milliseconds through Intl (no Temporal, no library).
 * A "day number" counts local calendar days since 1970-01-01; a "wall" value is a local
 * wall-clock time written as if it were UTC milliseconds.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The zone's offset from UTC at an instant, in ms (east of Greenwich positive). */
export function zoneOffsetMs(timeZone: string, epochMs: number): number {
  const whole = Math.floor(epochMs / 1000) * 1000;
  const v = { year: 0, month: 1, day: 1, hour: 0, minute: 0, second: 0 };
  for (const p of formatter(timeZone).formatToParts(new Date(whole))) {
    if (p.type in v) v[p.type as keyof typeof v] = Number(p.value);
  }
  const wall = Date.UTC(v.year, v.month - 1, v.day, v.hour % 24, v.minute, v.second);
  return wall - whole;
}

/** The local wall-clock value of an instant. */
export function toWall(timeZone: string, epochMs: number): number {
  return epochMs + zoneOffsetMs(timeZone, epochMs);
}

/** The local day number of an instant. */
export function localDay(timeZone: string, epochMs: number): number {
  return Math.floor(toWall(timeZone, epochMs) / DAY_MS);
}

/**
 * The instant of a local wall-clock time. Why two candidate offsets: around a DST change the
 * offset a day before and a day after differ. A repeated time (autumn) resolves to its first
 * occurrence; a skipped time (spring) moves forward by the gap, as Temporal's 'compatible' does.
 */
export function fromWall(timeZone: string, wall: number): number {
  const before = zoneOffsetMs(timeZone, wall - DAY_MS);
  const after = zoneOffsetMs(timeZone, wall + DAY_MS);
  const a = wall - before;
  if (before === after) return a;
  const b = wall - after;
  const aOk = zoneOffsetMs(timeZone, a) === before;
  const bOk = zoneOffsetMs(timeZone, b) === after;
  if (aOk && bOk) return Math.min(a, b);
  if (bOk && !aOk) return b;
  return a;
}

/** 'YYYY-MM-DD' of a day number. */
export function dayToDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Day number of a 'YYYY-MM-DD' date. */
export function dateToDay(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

/** Weekday of a day number: 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}
