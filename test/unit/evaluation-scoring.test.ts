import { describe, expect, it } from 'vitest';
import { type CustomerRow, columnarInput } from '../../src/domain/evaluation/columnar-input';
import { compileScheme } from '../../src/domain/evaluation/compile-scheme';
import { evaluate } from '../../src/domain/evaluation/evaluate';

const window12 = { kind: 'last_n_months', months: 12 };
const name = (en: string) => ({ zh: en, en });

/** Four criteria, one of each kind; weights total 100 and each maxPoints is 10. */
function scorecard(
  over: { orders?: Record<string, unknown>; sales?: Record<string, unknown> } = {},
) {
  return {
    id: 'scoring',
    version: 1,
    name: name('Scoring'),
    metrics: [
      { id: 'revenue', window: window12 },
      { id: 'margin_rate', window: window12 },
      { id: 'order_count', window: window12 },
      { id: 'custom.sales_model' },
    ],
    criteria: [
      {
        id: 'sales',
        label: name('Sales'),
        metric: 'revenue',
        weight: 40,
        kind: 'bands',
        cover: true,
        bands: [
          { max: 100000, points: 0 },
          { min: 100000, max: 500000, points: 5 },
          { min: 500000, points: 10 },
        ],
        ...over.sales,
      },
      {
        id: 'margin',
        label: name('Margin'),
        metric: 'margin_rate',
        weight: 30,
        kind: 'linear',
        min: 10,
        max: 30,
        maxPoints: 10,
      },
      {
        id: 'orders',
        label: name('Orders'),
        metric: 'order_count',
        weight: 20,
        kind: 'percentile',
        maxPoints: 10,
        ...over.orders,
      },
      {
        id: 'model',
        label: name('Sales model'),
        metric: 'custom.sales_model',
        weight: 10,
        kind: 'category',
        map: [
          { value: 'direct', points: 10 },
          { value: 'agent', points: 4 },
        ],
        maxPoints: 10,
      },
    ],
    score: { scale: 100, weightsMustSumTo: 100 },
    tiers: [{ id: 'T', name: name('T'), rank: 1 }],
    assignment: { default: 'T' },
  };
}

const m = (
  revenue: number | null,
  margin: number | null,
  orders: number | null,
  model: string | null,
) => ({
  revenue,
  margin_rate: margin,
  order_count: orders,
  'custom.sales_model': model,
});

const rows: CustomerRow[] = [
  { id: 1, code: 'C1', metrics: m(600000, 30, 50, 'direct') },
  { id: 2, code: 'C2', metrics: m(200000, 20, 20, 'agent') },
  { id: 3, code: 'C3', metrics: m(50000, 5, 20, 'other') },
  { id: 4, code: 'C4', metrics: m(null, 40, null, null) },
  { id: 5, code: 'C5', metrics: m(100000, 25, 5, 'direct') },
];

function run(doc: unknown, data: CustomerRow[] = rows) {
  const plan = compileScheme(doc as never);
  const input = columnarInput(plan, data);
  return { plan, input, result: evaluate(plan, input) };
}

const pointsOf = (r: ReturnType<typeof run>['result'], i: number) => r.points.map((p) => p[i]);

describe('criterion scoring, by hand', () => {
  // orders population (C4 missing): 5, 20, 20, 50 → cume_dist 0.25, 0.75, 0.75, 1.
  it('scores bands, linear, percentile (cume_dist) and category', () => {
    const { result } = run(scorecard());
    expect(pointsOf(result, 0)).toEqual([40, 30, 20, 10]);
    expect(pointsOf(result, 1)).toEqual([20, 15, 15, 4]);
    // Margin 5 is clamped to 0 points; an unlisted sales model earns `otherwise` (0).
    expect(pointsOf(result, 2)).toEqual([0, 0, 15, 0]);
    // Missing revenue, orders and model score 0 (the default policy); margin 40 clamps to full.
    expect(pointsOf(result, 3)).toEqual([0, 30, 0, 0]);
    // 100000 opens the middle band (bands include their min, exclude their max).
    expect(pointsOf(result, 4)).toEqual([20, 22.5, 5, 10]);
    expect(Array.from(result.score)).toEqual([100, 54, 15, 30, 57.5]);
  });

  it('scores percentiles as percent_rank when asked: (rank − 1)/(N − 1)', () => {
    const { result } = run(scorecard({ orders: { method: 'percent_rank' } }));
    const want = [20, 20 / 3, 20 / 3, 0, 0];
    Array.from(result.points[2]!).forEach((p, i) => {
      expect(p).toBeCloseTo(want[i]!, 9);
    });
    expect(result.score[1]).toBe(45.666667);
  });

  it('mirrors percentiles when lower is better', () => {
    const { result } = run(scorecard({ orders: { higherIsBetter: false } }));
    // Values ≥ v: 50 → 1 of 4, 20 → 3 of 4, 5 → 4 of 4.
    expect(Array.from(result.points[2]!)).toEqual([5, 15, 15, 0, 20]);
  });

  it('excludes a missing value and rescales the rest to the full scale', () => {
    const { result } = run(scorecard({ orders: { missing: { policy: 'exclude' } } }));
    // C4 is scored on 80 of 100 weight: margin 30 of 80 → 37.5.
    expect(result.score[3]).toBe(37.5);
    expect(pointsOf(result, 3)).toEqual([0, 37.5, Number.NaN, 0]);
    expect(result.score[0]).toBe(100);
  });

  it('scores a missing value as a fixed value when told to', () => {
    const { result } = run(scorecard({ sales: { missing: { policy: 'value', value: 150000 } } }));
    expect(result.points[0]![3]).toBe(20);
    expect(result.score[3]).toBe(50);
  });

  it('reverses a linear scale for lower-is-better metrics', () => {
    const doc = {
      ...scorecard(),
      metrics: [{ id: 'days_overdue' }],
      criteria: [
        {
          id: 'overdue',
          label: name('Overdue'),
          metric: 'days_overdue',
          weight: 1,
          kind: 'linear',
          min: 0,
          max: 60,
          maxPoints: 10,
        },
      ],
      score: { scale: 100 },
    };
    const { result } = run(doc, [
      { id: 1, code: 'A', metrics: { days_overdue: 0 } },
      { id: 2, code: 'B', metrics: { days_overdue: 15 } },
      { id: 3, code: 'C', metrics: { days_overdue: 90 } },
    ]);
    expect(Array.from(result.score)).toEqual([100, 75, 0]);
  });

  it('computes derived metrics and tag metrics', () => {
    const doc = {
      ...scorecard(),
      metrics: [
        { id: 'revenue', window: window12 },
        { id: 'profit', window: window12 },
        { key: 'margin_pct', derive: { op: 'percent_of', of: ['profit', 'revenue'] } },
        { id: 'tag:key_account' },
      ],
      criteria: [
        {
          id: 'margin',
          label: name('Margin'),
          metric: 'margin_pct',
          weight: 50,
          kind: 'linear',
          min: 0,
          max: 40,
          maxPoints: 50,
        },
        {
          id: 'key',
          label: name('Key account'),
          metric: 'tag:key_account',
          weight: 50,
          kind: 'bands',
          bands: [{ min: 1, points: 50 }],
        },
      ],
    };
    const { result } = run(doc, [
      { id: 1, code: 'A', metrics: { revenue: 1000, profit: 200 }, tags: ['key_account'] },
      { id: 2, code: 'B', metrics: { revenue: 0, profit: 0 } },
    ]);
    // 20% margin → 25 points; the tag → 50. Revenue 0 makes the ratio missing → 0 points.
    expect(Array.from(result.score)).toEqual([75, 0]);
  });

  it('gives scores six decimals so equal points compare equal', () => {
    const doc = {
      ...scorecard(),
      metrics: [{ id: 'margin_rate', window: window12 }],
      criteria: [
        {
          id: 'm',
          label: name('M'),
          metric: 'margin_rate',
          weight: 3,
          kind: 'linear',
          min: 0,
          max: 3,
          maxPoints: 1,
        },
      ],
      score: { scale: 100 },
    };
    const { result } = run(doc, [{ id: 1, code: 'A', metrics: { margin_rate: 1 } }]);
    expect(result.score[0]).toBe(33.333333);
  });
});
