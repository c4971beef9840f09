import { describe, expect, it } from 'vitest';
import { type CustomerRow, columnarInput } from '../../src/domain/evaluation/columnar-input';
import { compileScheme } from '../../src/domain/evaluation/compile-scheme';
import { distribution } from '../../src/domain/evaluation/distribution';
import { evaluate } from '../../src/domain/evaluation/evaluate';
import { migrationMatrix, movers } from '../../src/domain/evaluation/migration';

const name = (en: string) => ({ zh: en, en });
const scheme = {
  id: 'abc',
  version: 1,
  name: name('ABC'),
  metrics: [
    { id: 'revenue', window: { kind: 'calendar_year' } },
    { id: 'profit', window: { kind: 'calendar_year' } },
  ],
  criteria: [
    {
      id: 'r',
      label: name('R'),
      metric: 'revenue',
      weight: 1,
      kind: 'linear',
      min: 0,
      max: 1000,
      maxPoints: 1,
    },
  ],
  tiers: ['A', 'B', 'C'].map((id, i) => ({ id, name: name(id), rank: i + 1 })),
  assignment: {
    ranking: {
      kind: 'thresholds',
      thresholds: [
        { tier: 'A', minScore: 80 },
        { tier: 'B', minScore: 50 },
      ],
    },
    default: 'C',
  },
  appliesTo: { not: { tag: 'internal' } },
};

const rows: CustomerRow[] = [
  { id: 1, code: 'a', metrics: { revenue: 900, profit: 90 } },
  { id: 2, code: 'b', metrics: { revenue: 850, profit: null } },
  { id: 3, code: 'c', metrics: { revenue: 600, profit: 30 } },
  { id: 4, code: 'd', metrics: { revenue: 100, profit: -20 } },
  { id: 5, code: 'e', metrics: { revenue: 700, profit: 50 }, tags: ['internal'] },
];

describe('distribution and migration', () => {
  const plan = compileScheme(scheme as never);
  const input = columnarInput(plan, rows);
  const result = evaluate(plan, input);

  it('counts customers, revenue and profit per tier', () => {
    const d = distribution(plan, result, {
      revenue: input.metrics.revenue,
      profit: input.metrics.profit,
    });
    expect(d.tiers).toEqual([
      {
        tier: 'A',
        count: 2,
        share: 0.5,
        revenue: 1750,
        revenueShare: 1750 / 2450,
        profit: 90,
        profitShare: 90 / 100,
      },
      {
        tier: 'B',
        count: 1,
        share: 0.25,
        revenue: 600,
        revenueShare: 600 / 2450,
        profit: 30,
        profitShare: 30 / 100,
      },
      {
        tier: 'C',
        count: 1,
        share: 0.25,
        revenue: 100,
        revenueShare: 100 / 2450,
        profit: -20,
        profitShare: -20 / 100,
      },
    ]);
    expect(d).toMatchObject({ assigned: 4, unassigned: 1, revenue: 2450, profit: 100 });
  });

  it('cross-tabulates previous against current tiers', () => {
    const previous = Int16Array.from([1, 0, 1, 1, -1]);
    const m = migrationMatrix(
      plan.tiers.map((t) => t.id),
      previous,
      result.tier,
    );
    expect(m.labels).toEqual(['A', 'B', 'C', 'none']);
    expect(m.counts).toEqual([
      [1, 0, 0, 0],
      [1, 1, 1, 0],
      [0, 0, 0, 0],
      [0, 0, 0, 1],
    ]);
    expect(m).toMatchObject({ upgrades: 1, downgrades: 1, unchanged: 2, entered: 0, left: 0 });
    expect(Array.from(movers(previous, result.tier))).toEqual([0, 3]);
  });

  it('counts customers entering and leaving the scheme', () => {
    const m = migrationMatrix(['A'], [-1, 0, 0], [0, -1, 0]);
    expect(m).toMatchObject({ entered: 1, left: 1, unchanged: 1 });
  });

  it('gives zero shares, not NaN, for empty totals', () => {
    const d = distribution(plan, { tier: new Int16Array(0) });
    expect(d.tiers.every((t) => t.share === 0 && t.revenueShare === 0)).toBe(true);
  });
});
