import type { Rng } from './rng';

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 for a YYYY-MM-DD date. */
export function dayOf(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`not a YYYY-MM-DD date: ${iso}`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (new Date(ms).toISOString().slice(0, 10) !== iso) throw new Error(`no such date: ${iso}`);
  return ms / DAY_MS;
}

/** YYYY-MM-DD for a day number. */
export function isoOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

// Spring Festival (春节) dates; orders peak in the weeks before and stop during the holiday.
// Years not listed simply get no festival effect.
const SPRING_FESTIVALS = [
  '2015-02-19',
  '2016-02-08',
  '2017-01-28',
  '2018-02-16',
  '2019-02-05',
  '2020-01-25',
  '2021-02-12',
  '2022-02-01',
  '2023-01-22',
  '2024-02-10',
  '2025-01-29',
  '2026-02-17',
  '2027-02-06',
  '2028-01-26',
  '2029-02-13',
  '2030-02-03',
].map(dayOf);

// Month factors: Q4 budget spending and year-end stocking, a mid-year (618) bump, a summer lull.
const MONTH_FACTOR = [1.05, 0.9, 1.0, 1.0, 1.0, 1.1, 0.95, 0.9, 1.0, 1.1, 1.3, 1.45];
// Sunday … Saturday: B2B buyers order on working days.
const WEEKDAY_FACTOR = [0.15, 1, 1, 1, 1, 1.05, 0.35];

function festivalFactor(day: number): number {
  for (const sf of SPRING_FESTIVALS) {
    const d = day - sf;
    if (d >= -21 && d <= -2) return 1.6; // stocking up before the holiday
    if (d >= -1 && d <= 6) return 0.05; // holiday week
    if (d >= 7 && d <= 14) return 0.6; // slow restart
  }
  return 1;
}

/**
 * Precomputed per-day tables for the generator: date strings (so a million orders do not each
 * format a Date) and a seasonal order-intensity distribution over [start, asOf].
 */
export class Calendar {
  readonly start: number;
  readonly asOf: number;
  readonly min: number;
  readonly max: number;
  private readonly iso: string[] = [];
  private readonly monthEnds: Int32Array;
  /** Cumulative seasonal weight; cdf[i] covers days start … start + i. */
  private readonly cdf: Float64Array;

  constructor(start: string, asOf: string) {
    this.start = dayOf(start);
    this.asOf = dayOf(asOf);
    if (this.asOf < this.start + 60) throw new Error('asOf must be at least 60 days after start');
    this.min = dayOf('2014-01-01');
    this.max = this.asOf + 500;
    this.monthEnds = new Int32Array(this.max - this.min + 1);
    for (let d = this.min; d <= this.max; d++) this.iso.push(isoOf(d));
    // Walk backwards so each day learns the last day of its month.
    let end = this.max;
    for (let d = this.max; d >= this.min; d--) {
      if (this.dateOf(d).slice(0, 7) !== this.dateOf(end).slice(0, 7)) end = d;
      this.monthEnds[d - this.min] = end;
    }
    this.cdf = new Float64Array(this.asOf - this.start + 1);
    let sum = 0;
    for (let d = this.start; d <= this.asOf; d++) {
      const date = new Date(d * DAY_MS);
      const years = (d - this.start) / 365;
      sum +=
        (MONTH_FACTOR[date.getUTCMonth()] as number) *
        (WEEKDAY_FACTOR[date.getUTCDay()] as number) *
        festivalFactor(d) *
        (1 + 0.08 * years); // the business grows ~8% a year
      this.cdf[d - this.start] = sum;
    }
  }

  /** YYYY-MM-DD of a day. */
  dateOf(day: number): string {
    return this.iso[day - this.min] ?? isoOf(day);
  }

  /** The last day of the day's month. */
  monthEnd(day: number): number {
    return this.monthEnds[day - this.min] as number;
  }

  /** A day in [from, to] (clamped to [start, asOf]) drawn by seasonal order intensity. */
  seasonalDay(rng: Rng, from: number, to: number): number {
    const a = Math.max(from, this.start) - this.start;
    const b = Math.min(to, this.asOf) - this.start;
    const lo = a > 0 ? (this.cdf[a - 1] as number) : 0;
    const u = lo + rng.next() * ((this.cdf[b] as number) - lo);
    let i = a;
    let j = b;
    while (i < j) {
      const mid = (i + j) >>> 1;
      if ((this.cdf[mid] as number) > u) j = mid;
      else i = mid + 1;
    }
    return this.start + i;
  }
}

// 08:00:00–17:59:59 Beijing time is 00:00:00–09:59:59 UTC: one string per second, built once, so
// an instant is a single concatenation (the generator makes tens of millions of them).
const OFFICE_SECONDS = Array.from({ length: 36_000 }, (_, s) => {
  const hh = String(Math.floor(s / 3600)).padStart(2, '0');
  const mm = String(Math.floor(s / 60) % 60).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return `T${hh}:${mm}:${ss}.000Z`;
});

/**
 * An ISO instant during Beijing office hours, so the UTC date and the local date agree.
 */
export function officeInstant(cal: Calendar, rng: Rng, day: number): string {
  return cal.dateOf(day) + (OFFICE_SECONDS[rng.int(36_000)] as string);
}
