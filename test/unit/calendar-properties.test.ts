import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addBusinessTime,
  type BusinessCalendar,
  businessTimeBetween,
  chinaMainlandCalendar,
  deadlineWithPauses,
  elapsedWithPauses,
  isOpen,
  parseBusinessCalendar,
} from '../../src/domain/calendar';

const MIN = 60_000;
const day: [string, string][] = [
  ['08:30', '12:00'],
  ['13:00', '17:30'],
];
const berlin = parseBusinessCalendar({
  id: 'berlin',
  name: { zh: '柏林', en: 'Berlin' },
  timeZone: 'Europe/Berlin',
  weekHours: [[], day, day, day, day, day, [['10:00', '14:00']]],
  holidays: ['2025-12-25', '2025-12-26'],
  workdays: [{ date: '2025-12-28', hours: [['02:00', '04:00']] }],
  coveredUntil: null,
});
const cn = chinaMainlandCalendar();

// Instants from 2025-01-01 to 2026-06-30 (Shanghai): even 600 business hours later stays covered.
const instant = fc
  .integer({
    min: Date.parse('2025-01-01T00:00:00+08:00'),
    max: Date.parse('2026-06-30T00:00:00+08:00'),
  })
  .map((t) => new Date(t));
const duration = fc.integer({ min: 0, max: 300 * 60 }).map((m) => m * MIN);

describe.each([
  ['Asia/Shanghai (China mainland)', cn],
  ['Europe/Berlin (DST)', berlin],
] as [string, BusinessCalendar][])('business-time properties — %s', (_label, cal) => {
  it('adding a + b equals adding a then b', () => {
    fc.assert(
      fc.property(instant, duration, duration, (t, a, b) => {
        const once = addBusinessTime(cal, t, a + b);
        const twice = addBusinessTime(cal, addBusinessTime(cal, t, a), b);
        expect(twice).toEqual(once);
      }),
      { numRuns: 300 },
    );
  });

  it('the time between t and t + d is d, and the result is never before t', () => {
    fc.assert(
      fc.property(instant, duration, (t, d) => {
        const due = addBusinessTime(cal, t, d);
        expect(due.getTime()).toBeGreaterThanOrEqual(t.getTime());
        expect(businessTimeBetween(cal, t, due)).toBe(d);
        // A positive target always ends on open time (or exactly at a closing).
        if (d > 0) expect(isOpen(cal, new Date(due.getTime() - 1))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('spans add up', () => {
    fc.assert(
      fc.property(instant, instant, instant, (x, y, z) => {
        const [a, b, c] = [x, y, z].sort((p, q) => p.getTime() - q.getTime()) as [Date, Date, Date];
        expect(businessTimeBetween(cal, a, c)).toBe(
          businessTimeBetween(cal, a, b) + businessTimeBetween(cal, b, c),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('a deadline with closed pauses is reached after exactly the target of running time', () => {
    const pause = fc
      .tuple(instant, fc.integer({ min: 0, max: 96 * 60 }))
      .map(([from, m]) => ({ from, to: new Date(from.getTime() + m * MIN) }));
    fc.assert(
      fc.property(instant, duration, fc.array(pause, { maxLength: 4 }), (t, d, pauses) => {
        const due = deadlineWithPauses(cal, t, d, pauses);
        expect(due).not.toBeNull();
        expect(elapsedWithPauses(cal, t, due!, pauses)).toBe(d);
      }),
      { numRuns: 200 },
    );
  });
});
