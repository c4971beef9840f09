import { describe, expect, it } from 'vitest';
import { monthEnd, monthIndex } from '../../src/domain/accounts/month';
import { planMonth, plannedVisits, type VisitRule } from '../../src/domain/accounts/visit-plan';

const A: VisitRule = { minPerMonth: 4, maxPerMonth: 6, groupEveryMonths: 1 };
const B: VisitRule = { minPerMonth: 2, maxPerMonth: 4, groupEveryMonths: 2 };
const C: VisitRule = { minPerMonth: 0, maxPerMonth: 2, groupEveryMonths: 2 };
const D: VisitRule = { minPerMonth: 0, maxPerMonth: 0, groupEveryMonths: null };

describe('visit plans from the tier frequency (seed 002)', () => {
  it('plans the minimum with the maximum as ceiling for ordinary customers', () => {
    expect(plannedVisits(A, false, '2026-12')).toEqual({ planned: 4, ceiling: 6 });
    expect(plannedVisits(B, false, '2026-12')).toEqual({ planned: 2, ceiling: 4 });
    expect(plannedVisits(C, false, '2026-12')).toEqual({ planned: 0, ceiling: 2 });
    expect(
      plannedVisits({ minPerMonth: 1.5, maxPerMonth: 3, groupEveryMonths: null }, false, '2026-01'),
    ).toEqual({ planned: 2, ceiling: 3 });
  });

  it('visits A groups monthly and B groups in odd months only', () => {
    expect(plannedVisits(A, true, '2026-12')).toEqual({ planned: 1, ceiling: 6 });
    // 2026-11: month index 24322, even → due every two months; 2026-12 is not.
    expect(monthIndex('2026-11') % 2).toBe(0);
    expect(plannedVisits(B, true, '2026-11')).toEqual({ planned: 1, ceiling: 4 });
    expect(plannedVisits(B, true, '2026-12')).toEqual({ planned: 0, ceiling: 0 });
    expect(plannedVisits(B, true, '2027-01')).toEqual({ planned: 1, ceiling: 4 });
    // Without a group cadence, a group is planned like anyone else.
    expect(plannedVisits(D, true, '2026-11')).toEqual({ planned: 0, ceiling: 0 });
  });

  it('builds a month plan with priority lines for tiers asking ≥ 1 visit a month', () => {
    const rules = new Map([
      ['A', A],
      ['B', B],
      ['C', C],
    ]);
    const lines = planMonth(
      [
        { customerId: 1, ownerId: 10, type: 'enterprise', tier: 'A' },
        { customerId: 2, ownerId: 10, type: 'group', tier: 'B' },
        { customerId: 3, ownerId: null, type: 'enterprise', tier: 'C' },
        { customerId: 4, ownerId: 11, type: 'enterprise', tier: null },
        { customerId: 5, ownerId: 11, type: 'enterprise', tier: 'B' },
        { customerId: 6, ownerId: 11, type: 'enterprise', tier: 'Z' },
      ],
      rules,
      '2026-12',
    );
    expect(lines).toEqual([
      { customerId: 1, ownerId: 10, tier: 'A', planned: 4, ceiling: 6, priority: true },
      { customerId: 5, ownerId: 11, tier: 'B', planned: 2, ceiling: 4, priority: true },
    ]);
  });

  it('knows month lengths', () => {
    expect(monthEnd('2026-02')).toBe('2026-02-28');
    expect(monthEnd('2028-02')).toBe('2028-02-29');
    expect(monthEnd('2026-11')).toBe('2026-11-30');
    expect(monthEnd('2026-12')).toBe('2026-12-31');
  });
});
