import { describe, expect, it } from 'vitest';
import {
  addBusinessTime,
  addWorkingDays,
  businessTimeBetween,
  isOpen,
  parseBusinessCalendar,
} from '../../src/domain/calendar';
import { fromWall, zoneOffsetMs } from '../../src/domain/calendar/time-zone';

const HOUR = 3_600_000;
const nineToFive: [string, string][] = [['09:00', '17:00']];
const allDay: [string, string][] = [['00:00', '24:00']];

const berlin = parseBusinessCalendar({
  id: 'berlin-office',
  name: { zh: '柏林办公室', en: 'Berlin office' },
  timeZone: 'Europe/Berlin',
  weekHours: [allDay, nineToFive, nineToFive, nineToFive, nineToFive, nineToFive, []],
  coveredUntil: null,
});

/** The same office without the Sunday hours. */
const office = parseBusinessCalendar({
  ...berlin,
  id: 'berlin-weekdays',
  weekHours: [[], nineToFive, nineToFive, nineToFive, nineToFive, nineToFive, []],
});

describe('time-zone arithmetic', () => {
  it('reads offsets across the Berlin DST changes', () => {
    expect(zoneOffsetMs('Europe/Berlin', Date.parse('2025-03-30T00:59:00Z'))).toBe(HOUR);
    expect(zoneOffsetMs('Europe/Berlin', Date.parse('2025-03-30T01:00:00Z'))).toBe(2 * HOUR);
    expect(zoneOffsetMs('Asia/Shanghai', Date.parse('2025-07-01T00:00:00Z'))).toBe(8 * HOUR);
  });

  it('moves a skipped time forward and takes the first of a repeated time', () => {
    // 02:30 does not exist on 30 Mar 2025 → 03:30 CEST.
    expect(fromWall('Europe/Berlin', Date.parse('2025-03-30T02:30:00Z'))).toBe(
      Date.parse('2025-03-30T01:30:00Z'),
    );
    // 02:30 happens twice on 26 Oct 2025 → the CEST one.
    expect(fromWall('Europe/Berlin', Date.parse('2025-10-26T02:30:00Z'))).toBe(
      Date.parse('2025-10-26T00:30:00Z'),
    );
    expect(fromWall('America/New_York', Date.parse('2025-07-04T09:00:00Z'))).toBe(
      Date.parse('2025-07-04T13:00:00Z'),
    );
  });
});

describe('business time across DST in Europe/Berlin', () => {
  it('keeps 09:00 local on both sides of the spring change', () => {
    // Fri 28 Mar 16:00 CET + 2 h → 1 h Friday, 1 h Monday from 09:00 CEST (07:00Z).
    expect(addBusinessTime(office, new Date('2025-03-28T16:00:00+01:00'), 2 * HOUR)).toEqual(
      new Date('2025-03-31T08:00:00Z'),
    );
    // With the Sunday open, the second hour is Sun 00:00–01:00 CET instead.
    expect(addBusinessTime(berlin, new Date('2025-03-28T16:00:00+01:00'), 2 * HOUR)).toEqual(
      new Date('2025-03-30T00:00:00Z'),
    );
    expect(
      businessTimeBetween(
        office,
        new Date('2025-03-28T09:00:00+01:00'),
        new Date('2025-03-31T17:00:00+02:00'),
      ),
    ).toBe(16 * HOUR);
    expect(
      businessTimeBetween(
        berlin,
        new Date('2025-03-28T09:00:00+01:00'),
        new Date('2025-03-31T17:00:00+02:00'),
      ),
    ).toBe(8 * HOUR + 24 * HOUR - HOUR + 8 * HOUR);
  });

  it('counts the real length of the short and the long Sunday', () => {
    const sunday = (date: string, next: string, off: string, offNext: string) =>
      businessTimeBetween(
        berlin,
        new Date(`${date}T00:00:00${off}`),
        new Date(`${next}T00:00:00${offNext}`),
      );
    expect(sunday('2025-03-30', '2025-03-31', '+01:00', '+02:00')).toBe(23 * HOUR);
    expect(sunday('2025-10-26', '2025-10-27', '+02:00', '+01:00')).toBe(25 * HOUR);
  });

  it('answers isOpen and working days in local time after the autumn change', () => {
    expect(isOpen(berlin, new Date('2025-10-27T08:30:00Z'))).toBe(true); // 09:30 CET
    expect(isOpen(berlin, new Date('2025-10-24T07:30:00Z'))).toBe(true); // 09:30 CEST
    expect(isOpen(berlin, new Date('2025-10-27T07:30:00Z'))).toBe(false); // 08:30 CET
    expect(addWorkingDays(berlin, new Date('2025-10-24T10:00:00+02:00'), 1, 'same-time')).toEqual(
      new Date('2025-10-26T10:00:00+01:00'),
    );
    expect(addWorkingDays(berlin, new Date('2025-10-24T10:00:00+02:00'), 2)).toEqual(
      new Date('2025-10-27T17:00:00+01:00'),
    );
  });
});
