import { describe, expect, it } from 'vitest';
import { reportPeriod } from '../../src/app/reports/report-period';

describe('the period of a report', () => {
  it('reports the last full week, Monday to Sunday, whatever day it runs', () => {
    for (const today of ['2025-06-09', '2025-06-11', '2025-06-15']) {
      const p = reportPeriod('weekly', today);
      expect(p.days, today).toEqual({
        from: '2025-06-02',
        to: '2025-06-08',
        previousFrom: '2025-05-26',
        previousTo: '2025-06-01',
      });
    }
    expect(reportPeriod('weekly', '2025-06-16').days.from).toBe('2025-06-09');
  });

  it('gives a weekly report the month so far, cut at the end of a shorter month', () => {
    // Week 2025-03-24…30: March so far against 1–28 February (February has no 29th–30th).
    const p = reportPeriod('weekly', '2025-03-31');
    expect(p.monthToDate).toEqual({
      from: '2025-03-01',
      to: '2025-03-30',
      previousFrom: '2025-02-01',
      previousTo: '2025-02-28',
    });
    expect(p.window).toEqual({ from: '2024-04', to: '2025-03', months: 12 });
    // A week across the new year belongs to the month of its Sunday.
    const ny = reportPeriod('weekly', '2026-01-05');
    expect(ny.days).toMatchObject({ from: '2025-12-29', to: '2026-01-04' });
    expect(ny.monthToDate).toMatchObject({ from: '2026-01-01', previousFrom: '2025-12-01' });
    expect(ny.title).toEqual({
      zh: '周报 2025-12-29 至 2026-01-04',
      en: 'Weekly report 2025-12-29 – 2026-01-04',
    });
  });

  it('reports the last full month against the one before, over the year to it', () => {
    const p = reportPeriod('monthly', '2026-01-01');
    expect(p.days).toEqual({
      from: '2025-12-01',
      to: '2025-12-31',
      previousFrom: '2025-11-01',
      previousTo: '2025-11-30',
    });
    expect(p.monthToDate).toBeNull();
    expect(p.window).toEqual({ from: '2025-01', to: '2025-12', months: 12 });
    expect(reportPeriod('monthly', '2024-03-31').days).toMatchObject({
      from: '2024-02-01',
      to: '2024-02-29',
      previousTo: '2024-01-31',
    });
  });

  it('reports the months asked (adhoc) against as many months before', () => {
    const p = reportPeriod('adhoc', '2026-11-27', { from: '2025-01', to: '2025-03' });
    expect(p.days).toEqual({
      from: '2025-01-01',
      to: '2025-03-31',
      previousFrom: '2024-10-01',
      previousTo: '2024-12-31',
    });
    expect(p.title.en).toBe('Analytics report 2025-01 – 2025-03');
    expect(reportPeriod('adhoc', '2026-11-27').window).toEqual({
      from: '2025-12',
      to: '2026-11',
      months: 12,
    });
    expect(() => reportPeriod('adhoc', '2026-11-27', { from: '2025-05', to: '2025-03' })).toThrow(
      /from must not be after to/,
    );
  });
});
