import { describe, expect, it } from 'vitest';
import { COVERAGE_TARGET, coverageOf } from '../../src/domain/accounts/coverage';

describe('coverage KPI (seed 004)', () => {
  it('counts priority customers with at least one visit, per owner and overall', () => {
    const lines = [
      { customerId: 1, ownerId: 10, priority: true },
      { customerId: 2, ownerId: 10, priority: true },
      { customerId: 3, ownerId: 10, priority: true },
      { customerId: 4, ownerId: 11, priority: true },
      { customerId: 5, ownerId: 11, priority: false },
      { customerId: 6, ownerId: null, priority: true },
    ];
    const c = coverageOf(lines, new Set([1, 2, 4, 5]));
    expect(c.target).toBe(COVERAGE_TARGET);
    // 3 of 5 priority customers visited: exactly the 60% target.
    expect(c.overall).toEqual({ priority: 5, visited: 3, share: 0.6, meetsTarget: true });
    expect(c.owners).toEqual([
      { ownerId: 10, priority: 3, visited: 2, share: 2 / 3, meetsTarget: true },
      { ownerId: 11, priority: 1, visited: 1, share: 1, meetsTarget: true },
      { ownerId: null, priority: 1, visited: 0, share: 0, meetsTarget: false },
    ]);
    expect(c.notVisited).toEqual([3, 6]);
  });

  it('falls below the target at 2 of 5', () => {
    const lines = [1, 2, 3, 4, 5].map((customerId) => ({ customerId, ownerId: 1, priority: true }));
    expect(coverageOf(lines, new Set([1, 2])).overall).toEqual({
      priority: 5,
      visited: 2,
      share: 0.4,
      meetsTarget: false,
    });
  });

  it('has no share when nobody is a priority customer', () => {
    expect(coverageOf([], new Set()).overall).toEqual({
      priority: 0,
      visited: 0,
      share: null,
      meetsTarget: true,
    });
  });
});
