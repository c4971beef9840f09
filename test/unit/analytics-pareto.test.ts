import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  gini,
  lorenzCurve,
  topShares,
  valuePyramid,
} from '../../src/domain/analytics/pareto/index';
import { cdnowTransactions } from '../factories/cdnow';
import { issuesOf } from '../support/domain-errors';

/** Σ|xᵢ − xⱼ| / (2 n² x̄): the textbook definition, O(n²), independent of the sorted formula. */
function naiveGini(values: readonly number[]): number {
  const x = values.map((v) => Math.max(0, v));
  const n = x.length;
  const total = x.reduce((a, b) => a + b, 0);
  if (total === 0) return 0;
  let diff = 0;
  for (const a of x) for (const b of x) diff += Math.abs(a - b);
  return diff / (2 * n * total);
}

const profits = fc.array(
  fc.integer({ min: -100_000, max: 1_000_000 }).map((c) => c / 100),
  { minLength: 1, maxLength: 120 },
);

describe('gini', () => {
  it('matches hand-computed cases', () => {
    // Σ i·x = 1 + 4 + 9 + 16 = 30; 2·30 / (4·10) − 5/4 = 0.25; Σ|xi − xj| = 20, 20 / (2·16·2.5).
    expect(gini([4, 1, 3, 2])).toBeCloseTo(0.25, 12);
    expect(gini([7, 7, 7, 7, 7])).toBe(0);
    expect(gini([0, 0, 0, 9])).toBeCloseTo(3 / 4, 12);
    expect(gini([0, 0, 0, 0, 0, 0, 0, 0, 0, 1])).toBeCloseTo(9 / 10, 12);
    expect(gini([42])).toBe(0);
  });

  it('is 0 with nothing positive and counts losses as 0', () => {
    expect(gini([0, 0, 0])).toBe(0);
    expect(gini([-5, -1])).toBe(0);
    expect(gini([-5, 0, 10])).toBeCloseTo(2 / 3, 12);
  });

  it('names the field and row of bad input', () => {
    expect(issuesOf(() => gini([]))).toMatchObject([{ field: 'values' }]);
    expect(issuesOf(() => gini([1, Number.NaN], 'revenue'))).toMatchObject([
      { field: 'revenue', row: 1 },
    ]);
    expect(issuesOf(() => gini([1, Number.POSITIVE_INFINITY]))).toMatchObject([
      { field: 'values', row: 1 },
    ]);
  });

  it('equals the O(n²) definition and lies in [0, 1)', () => {
    fc.assert(
      fc.property(profits, (xs) => {
        const g = gini(xs);
        expect(g).toBeGreaterThanOrEqual(0);
        expect(g).toBeLessThan(1);
        expect(g).toBeCloseTo(naiveGini(xs), 9);
      }),
    );
  });
});

describe('lorenzCurve', () => {
  it('gives every point for a small population', () => {
    const { customerShare, valueShare } = lorenzCurve([3, 1, 4, 2]);
    expect(Array.from(customerShare)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(Array.from(valueShare).map((y) => Number(y.toFixed(12)))).toEqual([0, 0.1, 0.3, 0.6, 1]);
  });

  it('is the diagonal when nothing is positive', () => {
    const { customerShare, valueShare } = lorenzCurve([0, -2, 0]);
    expect(Array.from(valueShare)).toEqual(Array.from(customerShare));
  });

  it('downsamples to at most maxPoints exact points', () => {
    const xs = Array.from({ length: 10_000 }, (_, i) => i + 1);
    const { customerShare, valueShare } = lorenzCurve(xs);
    expect(customerShare.length).toBe(200);
    expect([customerShare[0], valueShare[0]]).toEqual([0, 0]);
    expect([customerShare[199], valueShare[199]]).toEqual([1, 1]);
    // Point j is exactly the curve at k = round(j·n/199) customers: Σ₁ᵏ i / Σ₁ⁿ i.
    const k = Math.round((100 * 10_000) / 199);
    expect(valueShare[100]).toBeCloseTo((k * (k + 1)) / (10_000 * 10_001), 12);
    expect(issuesOf(() => lorenzCurve([1], 1))).toMatchObject([{ field: 'maxPoints' }]);
  });

  it('is convex, below the diagonal, from (0,0) to (1,1)', () => {
    fc.assert(
      fc.property(profits, fc.integer({ min: 2, max: 300 }), (xs, maxPoints) => {
        const { customerShare: x, valueShare: y } = lorenzCurve(xs, maxPoints);
        const m = x.length;
        expect(m).toBeLessThanOrEqual(maxPoints);
        expect([x[0], y[0], x[m - 1], y[m - 1]]).toEqual([0, 0, 1, 1]);
        for (let j = 1; j < m; j++) {
          expect(x[j]!).toBeGreaterThan(x[j - 1]!);
          expect(y[j]!).toBeGreaterThanOrEqual(y[j - 1]!);
          expect(y[j]!).toBeLessThanOrEqual(x[j]! + 1e-12);
        }
        for (let j = 1; j < m - 1; j++) {
          const before = (y[j]! - y[j - 1]!) / (x[j]! - x[j - 1]!);
          const after = (y[j + 1]! - y[j]!) / (x[j + 1]! - x[j]!);
          expect(after).toBeGreaterThanOrEqual(before - 1e-9);
        }
      }),
    );
  });
});

describe('topShares', () => {
  it('counts ⌈x·n⌉ customers from the top', () => {
    const xs = Array.from({ length: 10 }, (_, i) => i + 1); // Σ = 55
    const [none, top20, top70, all] = topShares(xs, [0, 0.2, 0.7, 1]);
    expect(none).toMatchObject({ customers: 0, value: 0, valueShare: 0 });
    expect(top20).toMatchObject({ customers: 2, value: 19 });
    expect(top20!.valueShare).toBeCloseTo(19 / 55, 12);
    expect(top70).toMatchObject({ customers: 7, value: 49 });
    expect(all).toMatchObject({ customers: 10, value: 55, valueShare: 1 });
    expect(topShares([0, 0], [0.5])[0]).toMatchObject({ customers: 1, valueShare: 0 });
    expect(issuesOf(() => topShares([1], [1.5]))).toMatchObject([{ field: 'fractions' }]);
  });
});

describe('valuePyramid', () => {
  it('cuts by cumulative share, the crossing customer staying above', () => {
    const { level, levels } = valuePyramid([10, 50, 2, 30, 5, 3], [0.5, 0.8, 0.95]);
    // Largest first: 50 (before 0 < 50) key; 30 (50 < 80) important; 10 (80 < 95) and
    // 5 (90 < 95) ordinary; 3 (95) and 2 small.
    expect(Array.from(level)).toEqual([2, 0, 3, 1, 2, 3]);
    expect(levels.map((l) => l.customers)).toEqual([1, 1, 2, 2]);
    expect(levels.map((l) => l.value)).toEqual([50, 30, 15, 5]);
    expect(levels.map((l) => l.valueShare)).toEqual([0.5, 0.3, 0.15, 0.05]);
    expect(levels.map((l) => l.minValue)).toEqual([50, 30, 5, 2]);
    expect(levels.map((l) => l.zh)).toEqual(['关键客户', '重要客户', '普通客户', '小客户']);
  });

  it('uses the seed cut points 80% / 95% / 99% by default', () => {
    const { levels } = valuePyramid([50, 30, 10, 5, 3, 2]);
    expect(levels.map((l) => l.customers)).toEqual([2, 2, 2, 0]);
  });

  it('keeps equal values together and losses at the bottom', () => {
    expect(valuePyramid([5, 5, 5, 5], [0.5, 0.8, 0.95]).levels.map((l) => l.customers)).toEqual([
      4, 0, 0, 0,
    ]);
    const { level, levels } = valuePyramid([10, -5, 0]);
    expect(Array.from(level)).toEqual([0, 3, 3]);
    expect(levels[3]).toMatchObject({ customers: 2, value: -5, valueShare: 0, minValue: -5 });
    expect(levels.map((l) => l.valueShare)).toEqual([1, 0, 0, 0]);
  });

  it('puts everyone in the bottom level when nothing is positive, without NaN', () => {
    const { levels } = valuePyramid([0, 0, 0]);
    expect(levels.map((l) => [l.customers, l.valueShare, l.minValue])).toEqual([
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
      [3, 0, 0],
    ]);
  });

  it('rejects bad cut points and bad values by field', () => {
    expect(issuesOf(() => valuePyramid([1], [0.8, 0.5, 0.9]))).toMatchObject([{ field: 'cuts' }]);
    expect(issuesOf(() => valuePyramid([1, Number.NaN]))).toMatchObject([
      { field: 'profit', row: 1 },
    ]);
  });

  it('shares sum to 1 and levels are ordered by value', () => {
    fc.assert(
      fc.property(profits, (xs) => {
        const { level, levels } = valuePyramid(xs);
        const customerShare = levels.reduce((a, l) => a + l.customerShare, 0);
        expect(customerShare).toBeCloseTo(1, 12);
        expect(levels.reduce((a, l) => a + l.customers, 0)).toBe(xs.length);
        if (xs.some((x) => x > 0)) {
          expect(levels.reduce((a, l) => a + l.valueShare, 0)).toBeCloseTo(1, 9);
          expect(level[xs.indexOf(Math.max(...xs))]).toBe(0);
        }
        for (let i = 0; i < xs.length; i++) {
          for (let j = 0; j < xs.length; j++) {
            if (xs[i]! > xs[j]!) expect(level[i]!).toBeLessThanOrEqual(level[j]!);
            if (xs[i]! === xs[j]!) expect(level[i]).toBe(level[j]);
          }
        }
      }),
    );
  });
});

describe('CDNOW sample revenue', () => {
  const revenue = new Map<string, number>();
  for (const t of cdnowTransactions())
    revenue.set(t.customerId, (revenue.get(t.customerId) ?? 0) + Math.round(t.amount * 100));
  const values = Array.from(revenue.values(), (cents) => cents / 100);

  it('has a Gini of 0.6309 for 2,357 customers, as the O(n²) definition says', () => {
    expect(values.length).toBe(2357);
    expect(naiveGini(values)).toBeCloseTo(0.630917, 6);
    expect(gini(values)).toBeCloseTo(0.630917, 6);
  });

  it('has its top 20% bring 67.5% of revenue', () => {
    expect(topShares(values, [0.2])[0]!.valueShare).toBeCloseTo(0.67455, 5);
  });
});
