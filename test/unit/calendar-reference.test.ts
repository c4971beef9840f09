import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addBusinessTime,
  addWorkingDays,
  alwaysOpenCalendar,
  type BusinessCalendar,
  businessTimeBetween,
  chinaMainlandCalendar,
  clockMinutes,
  parseBusinessCalendar,
} from '../../src/domain/calendar';

/**
 * Business-time arithmetic checked against a brute-force reference that walks minute by minute
 * and reads the calendar fields directly (no compiled intervals, no shared helpers). The
 * reference handles fixed-offset zones only (Asia/Shanghai has had no DST since 1991), which is
 * why every calendar here uses it; DST is covered by calendar-dst.test.ts.
 */

const MIN = 60_000;
const HOUR = 60 * MIN;
const SHANGHAI_OFFSET = 8 * HOUR;

/** Local 'YYYY-MM-DD', weekday (0 = Sunday) and minute of day of a UTC instant in Shanghai. */
function shanghaiWall(t: number): { date: string; weekday: number; minute: number } {
  const local = new Date(t + SHANGHAI_OFFSET);
  return {
    date: local.toISOString().slice(0, 10),
    weekday: local.getUTCDay(),
    minute: local.getUTCHours() * 60 + local.getUTCMinutes(),
  };
}

/** Reference: is the minute starting at `t` (a whole minute) open time? */
function refOpen(cal: BusinessCalendar, t: number): boolean {
  if (cal.alwaysOpen) return true;
  const { date, weekday, minute } = shanghaiWall(t);
  const makeUp = cal.workdays.find((w) => w.date === date);
  let hours: [string, string][];
  if (makeUp) hours = (makeUp.hours ?? cal.weekHours[1] ?? []) as [string, string][];
  else if (cal.holidays.some((h) => h.date === date)) return false;
  else hours = (cal.weekHours[weekday] ?? []) as [string, string][];
  return hours.some(([s, e]) => minute >= clockMinutes(s) && minute < clockMinutes(e));
}

/** Reference addBusinessTime: step minute by minute, counting open minutes. */
function refAdd(cal: BusinessCalendar, start: number, minutes: number): number {
  let t = start;
  let left = minutes;
  while (left > 0) {
    if (refOpen(cal, t)) left--;
    t += MIN;
  }
  return t;
}

/** Reference businessTimeBetween (from ≤ to): open minutes in [from, to). */
function refBetween(cal: BusinessCalendar, from: number, to: number): number {
  let n = 0;
  for (let t = from; t < to; t += MIN) if (refOpen(cal, t)) n++;
  return n * MIN;
}

/** Reference addWorkingDays (rule 'close'): end of the last open minute of the nth open day. */
function refWorkingDaysClose(cal: BusinessCalendar, start: number, n: number): number {
  const dayStart = (t: number) => Date.parse(`${shanghaiWall(t).date}T00:00:00+08:00`);
  const closing = (d: number): number | null => {
    let last: number | null = null;
    for (let t = d; t < d + 24 * HOUR; t += MIN) if (refOpen(cal, t)) last = t + MIN;
    return last;
  };
  let d = dayStart(start);
  if (n === 0) {
    // The working day in progress, or the next one once today's hours are over.
    for (; ; d += 24 * HOUR) {
      const c = closing(d);
      if (c !== null && c > start) return c;
    }
  }
  for (let k = 0; k < n; ) {
    d += 24 * HOUR;
    if (closing(d) !== null) k++;
  }
  return closing(d) as number;
}

const cn = chinaMainlandCalendar();
const day: [string, string][] = [
  ['08:30', '12:00'],
  ['13:30', '17:45'],
];
/** Lunch breaks, a short Saturday, a night shift across midnight, a make-up day with own hours. */
const shift = parseBusinessCalendar({
  id: 'shift',
  name: { zh: '轮班', en: 'Shift' },
  timeZone: 'Asia/Shanghai',
  weekHours: [
    [['00:00', '02:00']],
    day,
    day,
    day,
    day,
    [...day, ['22:00', '24:00']],
    [['10:00', '14:00']],
  ],
  holidays: ['2026-02-16', '2026-02-17', '2026-10-01', '2026-10-02'],
  workdays: [{ date: '2026-02-15', hours: [['10:00', '11:15']] }, '2026-10-04'],
  coveredFrom: '2025-01-01',
  coveredUntil: '2026-12-31',
});
const always = alwaysOpenCalendar('Asia/Shanghai');

/** Whole-minute instants over 2025-01-01 … 2026-12-15 (Shanghai), so every walk stays covered. */
const startMinute = fc
  .integer({
    min: Date.parse('2025-01-01T00:00:00+08:00') / MIN,
    max: Date.parse('2026-12-15T00:00:00+08:00') / MIN,
  })
  .map((m) => m * MIN);
/** Up to 3 working days of 8 hours; kept small because the reference walks every minute. */
const minutes = fc.integer({ min: 0, max: 24 * 60 });

const calendars: [string, BusinessCalendar][] = [
  ['China mainland 2025–2026', cn],
  ['shift calendar with night hours', shift],
  ['24×7', always],
];

describe.each(calendars)('business time against the minute-by-minute reference — %s', (_l, cal) => {
  it('addBusinessTime equals the reference', () => {
    fc.assert(
      fc.property(startMinute, minutes, (s, m) => {
        expect(addBusinessTime(cal, new Date(s), m * MIN).getTime()).toBe(refAdd(cal, s, m));
      }),
      { numRuns: 150 },
    );
  });

  it('businessTimeBetween equals the reference, both directions', () => {
    fc.assert(
      fc.property(startMinute, fc.integer({ min: 0, max: 6 * 24 * 60 }), (s, span) => {
        const e = s + span * MIN;
        const want = refBetween(cal, s, e);
        expect(businessTimeBetween(cal, new Date(s), new Date(e))).toBe(want);
        // `+ 0` folds the -0 the domain returns for an empty span backwards (harmless in JSON).
        expect(businessTimeBetween(cal, new Date(e), new Date(s)) + 0).toBe(-want + 0);
      }),
      { numRuns: 100 },
    );
  });

  it('adding then measuring back returns the duration (the domain has no negative add)', () => {
    fc.assert(
      fc.property(startMinute, minutes, (s, m) => {
        const due = addBusinessTime(cal, new Date(s), m * MIN);
        expect(businessTimeBetween(cal, new Date(s), due)).toBe(m * MIN);
        // Subtracting from the deadline lands back on the start once the start is open time
        // (a closed start is moved to the next opening by any positive add).
        if (m > 0 && refOpen(cal, s)) {
          expect(businessTimeBetween(cal, due, new Date(s))).toBe(-m * MIN);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("addWorkingDays (rule 'close') equals the reference", () => {
    fc.assert(
      fc.property(startMinute, fc.integer({ min: 0, max: 5 }), (s, n) => {
        expect(addWorkingDays(cal, new Date(s), n).getTime()).toBe(refWorkingDaysClose(cal, s, n));
      }),
      { numRuns: 60 },
    );
  });

  it('a deadline never falls outside working time, except exactly at a closing', () => {
    fc.assert(
      fc.property(startMinute, fc.integer({ min: 1, max: 24 * 60 }), (s, m) => {
        const due = addBusinessTime(cal, new Date(s), m * MIN).getTime();
        const atClosing = refOpen(cal, due - MIN) && !refOpen(cal, due);
        expect(refOpen(cal, due) || atClosing).toBe(true);
        // And the last minute used is open time.
        expect(refOpen(cal, due - MIN)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('negative durations', () => {
  it('are refused rather than subtracted', () => {
    const t = new Date('2026-03-02T10:00:00+08:00');
    expect(() => addBusinessTime(cn, t, -HOUR)).toThrow(/duration/);
  });
});

const at = (local: string) => new Date(`${local}+08:00`);
const iso = (d: Date) => d.toISOString();

describe('2026 Spring Festival (off 15–23 Feb, make-up Sat 14 Feb and Sat 28 Feb)', () => {
  it.each([
    // Fri 17:00 + 4 h: 1 h Friday, 3 h on the make-up Saturday morning, used up at its lunch close.
    ['2026-02-13T17:00:00', 4, '2026-02-14T12:00:00'],
    // Make-up Saturday 16:00 + 8 h: 2 h Saturday, then nothing until Tue 24 Feb.
    ['2026-02-14T16:00:00', 8, '2026-02-24T16:00:00'],
    // Opened on New Year's Eve (a holiday) + 1 h: counts from the first day back.
    ['2026-02-16T10:00:00', 1, '2026-02-24T10:00:00'],
    // Fri 27 Feb 17:30 + 1 h: the make-up Saturday 28 Feb works.
    ['2026-02-27T17:30:00', 1, '2026-02-28T09:30:00'],
    // Sat 28 Feb 17:00 + 2 h: Sunday 1 Mar is an ordinary day off.
    ['2026-02-28T17:00:00', 2, '2026-03-02T10:00:00'],
  ])('%s + %i business hours → %s', (start, hours, due) => {
    expect(iso(addBusinessTime(cn, at(start), hours * HOUR))).toBe(iso(at(due)));
  });

  it.each([
    ['2026-02-13T10:15:00', 1, '2026-02-14T18:00:00'],
    ['2026-02-13T10:15:00', 2, '2026-02-24T18:00:00'],
    ['2026-02-26T10:00:00', 2, '2026-02-28T18:00:00'],
    ['2026-02-20T10:00:00', 0, '2026-02-24T18:00:00'],
  ])('%s + %i working days (close) → %s', (start, n, due) => {
    expect(iso(addWorkingDays(cn, at(start), n))).toBe(iso(at(due)));
  });

  it('Fri 13 Feb 09:00 → Tue 24 Feb 09:00 holds two working days of 8 h', () => {
    expect(businessTimeBetween(cn, at('2026-02-13T09:00:00'), at('2026-02-24T09:00:00'))).toBe(
      16 * HOUR,
    );
  });

  it('the 24×7 calendar ignores the festival', () => {
    expect(iso(addBusinessTime(always, at('2026-02-16T10:00:00'), 8 * HOUR))).toBe(
      iso(at('2026-02-16T18:00:00')),
    );
  });
});

describe('2026 National Day (off 1–7 Oct, make-up Sun 20 Sep and Sat 10 Oct)', () => {
  it.each([
    // Sat 19 Sep 10:00 + 1 h: nothing Saturday, the make-up Sunday opens at 09:00.
    ['2026-09-19T10:00:00', 1, '2026-09-20T10:00:00'],
    // Thu 24 Sep 17:00 + 4 h: Mid-Autumn 25–27 Sep is off, used up at Mon 28 Sep's lunch close.
    ['2026-09-24T17:00:00', 4, '2026-09-28T12:00:00'],
    // Wed 30 Sep 15:00 + 8 h: 3 h, then the week off, then 5 h on Thu 8 Oct.
    ['2026-09-30T15:00:00', 8, '2026-10-08T15:00:00'],
    // Fri 9 Oct 17:30 + 1 h: the make-up Saturday 10 Oct.
    ['2026-10-09T17:30:00', 1, '2026-10-10T09:30:00'],
    // Opened during the holiday + 16 h: Thu 8 and Fri 9 Oct in full, closing of Friday.
    ['2026-10-03T12:00:00', 16, '2026-10-09T18:00:00'],
  ])('%s + %i business hours → %s', (start, hours, due) => {
    expect(iso(addBusinessTime(cn, at(start), hours * HOUR))).toBe(iso(at(due)));
  });

  it.each([
    ['2026-09-18T10:00:00', 1, '2026-09-20T18:00:00'],
    ['2026-09-30T10:00:00', 1, '2026-10-08T18:00:00'],
    ['2026-09-30T10:00:00', 3, '2026-10-10T18:00:00'],
    ['2026-10-10T11:00:00', 1, '2026-10-12T18:00:00'],
  ])('%s + %i working days (close) → %s', (start, n, due) => {
    expect(iso(addWorkingDays(cn, at(start), n))).toBe(iso(at(due)));
  });

  it('Fri 18 Sep 09:00 → Mon 21 Sep 09:00 holds Friday and the make-up Sunday', () => {
    expect(businessTimeBetween(cn, at('2026-09-18T09:00:00'), at('2026-09-21T09:00:00'))).toBe(
      16 * HOUR,
    );
  });
});
