import { describe, expect, it } from 'vitest';
import {
  addBusinessTime,
  addWorkingDays,
  alwaysOpenCalendar,
  businessTimeBetween,
  CALENDAR_NOT_COVERED,
  CalendarNotCoveredError,
  chinaMainlandCalendar,
  isCalendarNotCovered,
  isOpen,
  parseBusinessCalendar,
} from '../../src/domain/calendar';
import { DomainError } from '../../src/domain/errors';

const HOUR = 3_600_000;
const MIN = 60_000;
/** An instant written in Shanghai wall-clock time. */
const sh = (local: string) => new Date(`${local}:00+08:00`);
const cn = chinaMainlandCalendar();

describe('mainland China calendar — 2025 Spring Festival', () => {
  it('skips 28 Jan – 4 Feb: 4 business hours from Mon 27 Jan 17:00 end Wed 5 Feb 12:00', () => {
    expect(addBusinessTime(cn, sh('2025-01-27T17:00'), 4 * HOUR)).toEqual(sh('2025-02-05T12:00'));
  });

  it('lands on the make-up working day Sat 8 Feb 2025', () => {
    // 1 h on 27 Jan + 8 h on each of 5, 6, 7 Feb = 25 h; the 26th hour is Sat 8 Feb 09:00–10:00.
    expect(addBusinessTime(cn, sh('2025-01-27T17:00'), 26 * HOUR)).toEqual(sh('2025-02-08T10:00'));
    expect(addBusinessTime(cn, sh('2025-02-07T17:00'), 2 * HOUR)).toEqual(sh('2025-02-08T10:00'));
    expect(isOpen(cn, sh('2025-02-08T10:00'))).toBe(true);
    expect(isOpen(cn, sh('2025-02-09T10:00'))).toBe(false);
  });

  it('works Sun 26 Jan (调休) and rests during the holiday week', () => {
    expect(addBusinessTime(cn, sh('2025-01-24T17:00'), 2 * HOUR)).toEqual(sh('2025-01-26T10:00'));
    expect(isOpen(cn, sh('2025-01-26T09:00'))).toBe(true);
    expect(isOpen(cn, sh('2025-01-29T10:00'))).toBe(false);
    expect(isOpen(cn, sh('2025-02-03T10:00'))).toBe(false);
    expect(businessTimeBetween(cn, sh('2025-01-27T09:00'), sh('2025-02-05T09:00'))).toBe(8 * HOUR);
  });
});

describe('mainland China calendar — 国庆 2025 and 2026', () => {
  it('skips 1–8 Oct 2025 and works Sun 28 Sep and Sat 11 Oct', () => {
    expect(addBusinessTime(cn, sh('2025-09-30T17:00'), 2 * HOUR)).toEqual(sh('2025-10-09T10:00'));
    expect(isOpen(cn, sh('2025-09-28T15:00'))).toBe(true);
    expect(isOpen(cn, sh('2025-10-08T15:00'))).toBe(false);
    expect(isOpen(cn, sh('2025-10-11T15:00'))).toBe(true);
    expect(addWorkingDays(cn, sh('2025-09-30T10:00'), 1)).toEqual(sh('2025-10-09T18:00'));
    expect(addWorkingDays(cn, sh('2025-09-26T10:00'), 1)).toEqual(sh('2025-09-28T18:00'));
  });

  it('follows the 2026 notice: New Year, Spring Festival, Labour Day and National Day', () => {
    // 元旦 1–3 Jan off, Sun 4 Jan works; the walk crosses from 2025 into 2026.
    expect(addBusinessTime(cn, sh('2025-12-31T17:00'), 2 * HOUR)).toEqual(sh('2026-01-04T10:00'));
    // 春节 15–23 Feb off; Sat 14 Feb and Sat 28 Feb work.
    expect(addBusinessTime(cn, sh('2026-02-13T17:00'), 2 * HOUR)).toEqual(sh('2026-02-14T10:00'));
    expect(addBusinessTime(cn, sh('2026-02-14T17:00'), 2 * HOUR)).toEqual(sh('2026-02-24T10:00'));
    expect(isOpen(cn, sh('2026-02-28T10:00'))).toBe(true);
    // 劳动节 1–5 May off, Sat 9 May works.
    expect(isOpen(cn, sh('2026-05-05T10:00'))).toBe(false);
    expect(isOpen(cn, sh('2026-05-09T10:00'))).toBe(true);
    // 端午 19 Jun and 中秋 25 Sep are Fridays off.
    expect(isOpen(cn, sh('2026-06-19T10:00'))).toBe(false);
    expect(isOpen(cn, sh('2026-09-25T10:00'))).toBe(false);
    // 国庆 1–7 Oct off; Sun 20 Sep and Sat 10 Oct work.
    expect(isOpen(cn, sh('2026-09-20T10:00'))).toBe(true);
    expect(addWorkingDays(cn, sh('2026-09-30T10:00'), 2)).toEqual(sh('2026-10-09T18:00'));
    expect(addWorkingDays(cn, sh('2026-09-30T10:00'), 3)).toEqual(sh('2026-10-10T18:00'));
  });

  it('counts 248 working days in each of 2025 and 2026', () => {
    const year = (y: number) =>
      businessTimeBetween(cn, sh(`${y}-01-01T00:00`), sh(`${y + 1}-01-01T00:00`)) / (8 * HOUR);
    expect(year(2025)).toBe(248);
    expect(year(2026)).toBe(248);
  });
});

describe('ordinary weeks', () => {
  it('stops for the lunch break', () => {
    expect(addBusinessTime(cn, sh('2025-03-03T11:30'), HOUR)).toEqual(sh('2025-03-03T13:30'));
    expect(isOpen(cn, sh('2025-03-03T12:30'))).toBe(false);
    expect(isOpen(cn, sh('2025-03-03T12:00'))).toBe(false);
    expect(isOpen(cn, sh('2025-03-03T13:00'))).toBe(true);
    expect(businessTimeBetween(cn, sh('2025-03-03T11:00'), sh('2025-03-03T14:00'))).toBe(2 * HOUR);
  });

  it('skips weekends and starts early tickets at opening time', () => {
    expect(addBusinessTime(cn, sh('2025-03-07T17:30'), HOUR)).toEqual(sh('2025-03-10T09:30'));
    expect(addBusinessTime(cn, sh('2025-03-08T20:00'), 30 * MIN)).toEqual(sh('2025-03-10T09:30'));
    expect(addBusinessTime(cn, sh('2025-03-03T08:00'), 30 * MIN)).toEqual(sh('2025-03-03T09:30'));
  });

  it('ends a target used up at closing time at the closing time', () => {
    expect(addBusinessTime(cn, sh('2025-03-03T14:00'), 4 * HOUR)).toEqual(sh('2025-03-03T18:00'));
    expect(addBusinessTime(cn, sh('2025-03-03T14:00'), 0)).toEqual(sh('2025-03-03T14:00'));
  });

  it('gives negative spans when to is before from, and refuses negative durations', () => {
    expect(businessTimeBetween(cn, sh('2025-03-03T14:00'), sh('2025-03-03T10:00'))).toBe(-3 * HOUR);
    expect(() => addBusinessTime(cn, sh('2025-03-03T14:00'), -1)).toThrow(DomainError);
  });

  it('applies the working-day rules', () => {
    const mon = sh('2025-03-03T10:15');
    expect(addWorkingDays(cn, mon, 0)).toEqual(sh('2025-03-03T18:00'));
    expect(addWorkingDays(cn, mon, 1)).toEqual(sh('2025-03-04T18:00'));
    expect(addWorkingDays(cn, mon, 5)).toEqual(sh('2025-03-10T18:00'));
    expect(addWorkingDays(cn, sh('2025-03-03T19:00'), 0)).toEqual(sh('2025-03-04T18:00'));
    expect(addWorkingDays(cn, sh('2025-03-08T10:00'), 1)).toEqual(sh('2025-03-10T18:00'));
    expect(addWorkingDays(cn, mon, 1, 'same-time')).toEqual(sh('2025-03-04T10:15'));
    expect(addWorkingDays(cn, mon, 3, 'same-time')).toEqual(sh('2025-03-06T10:15'));
    // Saturday evening starts the clock at Monday's opening.
    expect(addWorkingDays(cn, sh('2025-03-08T20:00'), 1, 'same-time')).toEqual(
      sh('2025-03-11T09:00'),
    );
    // Lunch time moves to the reopening; after closing to the next opening.
    expect(addWorkingDays(cn, sh('2025-03-03T12:20'), 1, 'same-time')).toEqual(
      sh('2025-03-04T13:00'),
    );
    expect(addWorkingDays(cn, sh('2025-03-03T18:30'), 1, 'same-time')).toEqual(
      sh('2025-03-05T09:00'),
    );
    expect(() => addWorkingDays(cn, mon, 1.5)).toThrow(DomainError);
  });
});

describe('coverage', () => {
  it('refuses 2027 instead of guessing from weekdays', () => {
    let caught: unknown;
    try {
      addBusinessTime(cn, sh('2026-12-31T17:00'), 2 * HOUR);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(CalendarNotCoveredError);
    expect(isCalendarNotCovered(caught)).toBe(true);
    const e = caught as CalendarNotCoveredError;
    expect(e.details).toMatchObject({
      reason: CALENDAR_NOT_COVERED,
      calendarId: 'cn-mainland',
      date: '2027-01-01',
      coveredUntil: '2026-12-31',
    });
    expect(e.message).toContain('CALENDAR_NOT_COVERED');
    expect(e.message).toContain('cn-mainland');
    expect(e.message).toContain('2027-01-01');
    expect(() => isOpen(cn, sh('2027-03-01T10:00'))).toThrow(/2027-03-01/);
    expect(() => isOpen(cn, sh('2024-12-31T10:00'))).toThrow(CalendarNotCoveredError);
  });

  it('still answers inside the covered range right up to its end', () => {
    expect(addBusinessTime(cn, sh('2026-12-31T17:00'), HOUR)).toEqual(sh('2026-12-31T18:00'));
    expect(businessTimeBetween(cn, sh('2026-12-31T09:00'), sh('2027-01-01T00:00'))).toBe(8 * HOUR);
  });
});

describe('24×7 calendar', () => {
  const always = alwaysOpenCalendar();

  it('counts every minute, holidays and 2027 included', () => {
    expect(addBusinessTime(always, sh('2025-01-28T23:00'), 4 * HOUR)).toEqual(
      sh('2025-01-29T03:00'),
    );
    expect(businessTimeBetween(always, sh('2027-02-06T00:00'), sh('2027-02-07T00:00'))).toBe(
      24 * HOUR,
    );
    expect(isOpen(always, sh('2027-02-06T03:00'))).toBe(true);
    expect(addWorkingDays(always, sh('2027-02-06T03:00'), 1, 'same-time')).toEqual(
      sh('2027-02-07T03:00'),
    );
  });
});

describe('calendars without open time', () => {
  it('gives up with a clear error instead of walking forever', () => {
    const closed = parseBusinessCalendar({
      id: 'closed',
      name: { zh: '停业', en: 'Closed' },
      timeZone: 'Asia/Shanghai',
      weekHours: [[], [], [], [], [], [], []],
      coveredUntil: null,
    });
    expect(() => addBusinessTime(closed, sh('2025-03-03T10:00'), HOUR)).toThrow(/no working hours/);
    expect(() => addWorkingDays(closed, sh('2025-03-03T10:00'), 1)).toThrow(/no working hours/);
    expect(businessTimeBetween(closed, sh('2025-03-03T10:00'), sh('2025-03-10T10:00'))).toBe(0);
  });
});
