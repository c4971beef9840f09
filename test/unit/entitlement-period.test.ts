import { describe, expect, it } from 'vitest';
import { periodKey, periodOf } from '../../src/domain/policy/entitlement-period';

describe('entitlement periods', () => {
  it('keys a date by month, quarter, year and lifetime', () => {
    expect(periodKey('month', '2026-11-27')).toBe('2026-11');
    expect(periodKey('quarter', '2026-11-27')).toBe('2026-Q4');
    expect(periodKey('quarter', '2026-01-01')).toBe('2026-Q1');
    expect(periodKey('quarter', '2026-06-30')).toBe('2026-Q2');
    expect(periodKey('year', '2026-11-27')).toBe('2026');
    expect(periodKey('lifetime', '2026-11-27')).toBe('lifetime');
  });

  it('gives the first and last day of the period, leap years included', () => {
    expect(periodOf('month', '2028-02-10')).toEqual({
      key: '2028-02',
      start: '2028-02-01',
      end: '2028-02-29',
    });
    expect(periodOf('month', '2026-02-10').end).toBe('2026-02-28');
    expect(periodOf('quarter', '2026-11-27')).toEqual({
      key: '2026-Q4',
      start: '2026-10-01',
      end: '2026-12-31',
    });
    expect(periodOf('quarter', '2026-05-01')).toMatchObject({
      start: '2026-04-01',
      end: '2026-06-30',
    });
    expect(periodOf('year', '2026-11-27')).toEqual({
      key: '2026',
      start: '2026-01-01',
      end: '2026-12-31',
    });
    expect(periodOf('lifetime', '2026-11-27')).toEqual({ key: 'lifetime', start: null, end: null });
  });

  it('puts every day of a year in the period whose span contains it', () => {
    for (
      let d = new Date(Date.UTC(2026, 0, 1));
      d.getUTCFullYear() === 2026;
      d.setUTCDate(d.getUTCDate() + 1)
    ) {
      const day = d.toISOString().slice(0, 10);
      for (const p of ['month', 'quarter', 'year'] as const) {
        const s = periodOf(p, day);
        expect(s.start! <= day && day <= s.end!).toBe(true);
      }
    }
  });

  it('refuses text that is not a date', () => {
    expect(() => periodOf('month', '2026-1-1')).toThrow(/not a date/);
  });
});
