import { describe, expect, it } from 'vitest';
import {
  addMonths,
  monthEnd,
  previousPeriod,
  resolvePeriod,
} from '../../src/domain/analytics/period';
import { issuesOf } from '../support/domain-errors';

describe('analytics periods', () => {
  it('default to the twelve months to the current month', () => {
    expect(resolvePeriod({}, '2026-11')).toEqual({ from: '2025-12', to: '2026-11', months: 12 });
    expect(resolvePeriod({ to: '2026-03' }, '2026-11')).toEqual({
      from: '2025-04',
      to: '2026-03',
      months: 12,
    });
    expect(resolvePeriod({ from: '2026-11', to: '2026-11' }, '2026-11').months).toBe(1);
  });

  it('name from when it is after to', () => {
    expect(issuesOf(() => resolvePeriod({ from: '2026-12', to: '2026-11' }, '2026-11'))).toEqual([
      expect.objectContaining({ field: 'from' }),
    ]);
  });

  it('step months across years, and find the period before and the last day of a month', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2025-12', 13)).toBe('2027-01');
    expect(previousPeriod({ from: '2026-01', to: '2026-06', months: 6 })).toEqual({
      from: '2025-07',
      to: '2025-12',
      months: 6,
    });
    expect(monthEnd('2024-02')).toBe('2024-02-29');
    expect(monthEnd('2026-12')).toBe('2026-12-31');
  });
});
