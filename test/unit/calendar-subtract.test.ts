import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addBusinessTime,
  alwaysOpenCalendar,
  businessTimeBetween,
  chinaMainlandCalendar,
  isOpen,
  subtractBusinessTime,
} from '../../src/domain/calendar';

const MIN = 60_000;
const HOUR = 60 * MIN;
const cn = chinaMainlandCalendar();
const at = (local: string) => new Date(`${local}+08:00`);

describe('subtracting business time', () => {
  it('goes back over the 2026 Spring Festival to the make-up Saturday before it', () => {
    // Tue 24 Feb 10:00 is an hour into the first working day after the holiday (15–23 Feb);
    // the working day before is the make-up Saturday 14 Feb, which closes at 18:00.
    expect(subtractBusinessTime(cn, at('2026-02-24T10:00:00'), 2 * HOUR)).toEqual(
      at('2026-02-14T17:00:00'),
    );
    // Over the lunch break: 14:00 minus 2 h is 11:00 (12:00–13:00 is closed).
    expect(subtractBusinessTime(cn, at('2026-03-03T14:00:00'), 2 * HOUR)).toEqual(
      at('2026-03-03T11:00:00'),
    );
    // National Day 2026 (1–7 Oct): Thu 8 Oct 09:30 minus 1 h is Wed 30 Sep 17:30.
    expect(subtractBusinessTime(cn, at('2026-10-08T09:30:00'), HOUR)).toEqual(
      at('2026-09-30T17:30:00'),
    );
  });

  it('is plain clock time on a 24x7 calendar', () => {
    const end = at('2026-02-17T03:00:00');
    expect(subtractBusinessTime(alwaysOpenCalendar('Asia/Shanghai'), end, 5 * HOUR)).toEqual(
      new Date(end.getTime() - 5 * HOUR),
    );
  });

  it('undoes adding: subtract(add(s, d), d) = s for any start in open time', () => {
    const open = fc
      .integer({
        min: Date.parse('2025-01-02T00:00:00+08:00') / MIN,
        max: Date.parse('2026-06-30T00:00:00+08:00') / MIN,
      })
      .map((m) => new Date(m * MIN))
      .filter((t) => isOpen(cn, t));
    const d = fc.integer({ min: 1, max: 200 * 60 }).map((m) => m * MIN);
    fc.assert(
      fc.property(open, d, (s, dur) => {
        const end = addBusinessTime(cn, s, dur);
        expect(subtractBusinessTime(cn, end, dur)).toEqual(s);
        expect(businessTimeBetween(cn, subtractBusinessTime(cn, end, dur), end)).toBe(dur);
      }),
      { numRuns: 300 },
    );
  });
});
