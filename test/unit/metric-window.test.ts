import { describe, expect, it } from 'vitest';
import { previousRange, resolveWindow } from '../../src/domain/metrics/window-range';

describe('metric windows', () => {
  it('resolves windows to whole months at an as-of date', () => {
    expect(resolveWindow({ kind: 'last_n_months', months: 12 }, '2026-12-31')).toEqual({
      fromMonth: '2026-01',
      toMonth: '2026-12',
      months: 12,
    });
    expect(resolveWindow({ kind: 'last_n_months', months: 6 }, '2026-03-15')).toEqual({
      fromMonth: '2025-10',
      toMonth: '2026-03',
      months: 6,
    });
    expect(resolveWindow({ kind: 'calendar_year', offset: -1 }, '2026-03-20')).toEqual({
      fromMonth: '2025-01',
      toMonth: '2025-12',
      months: 12,
    });
    expect(resolveWindow({ kind: 'calendar_year', offset: 0 }, '2026-03-20')).toEqual({
      fromMonth: '2026-01',
      toMonth: '2026-03',
      months: 3,
    });
    expect(resolveWindow({ kind: 'fiscal_year', startMonth: 4, offset: 0 }, '2026-02-10')).toEqual({
      fromMonth: '2025-04',
      toMonth: '2026-02',
      months: 11,
    });
    expect(resolveWindow({ kind: 'fiscal_year', startMonth: 4, offset: -1 }, '2026-02-10')).toEqual(
      { fromMonth: '2024-04', toMonth: '2025-03', months: 12 },
    );
    expect(resolveWindow({ kind: 'year_to_date' }, '2026-11-30').months).toBe(11);
  });

  it('gives the previous window of the same length', () => {
    expect(previousRange({ fromMonth: '2026-01', toMonth: '2026-12', months: 12 })).toEqual({
      fromMonth: '2025-01',
      toMonth: '2025-12',
      months: 12,
    });
    expect(previousRange({ fromMonth: '2026-02', toMonth: '2026-04', months: 3 })).toEqual({
      fromMonth: '2025-11',
      toMonth: '2026-01',
      months: 3,
    });
  });
});
