import { describe, expect, it } from 'vitest';
import { type CustomerRow, columnarInput } from '../../src/domain/evaluation/columnar-input';
import { compileScheme } from '../../src/domain/evaluation/compile-scheme';
import { evaluate } from '../../src/domain/evaluation/evaluate';
import { explain } from '../../src/domain/evaluation/explain';
import { bucketTarget, quantileBucket } from '../../src/domain/evaluation/quantile';
import type { SchemeInput } from '../../src/domain/scheme/scheme.schema';

const window12 = { kind: 'last_n_months', months: 12 } as const;
const name = (en: string) => ({ zh: en, en });

describe('quantileBucket', () => {
  const ten = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

  it('gives two of ten distinct values to each quintile, best last', () => {
    const b = quantileBucket(ten, 5, true);
    expect(Array.from(ten, b)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    const low = quantileBucket(ten, 5, false);
    expect(Array.from(ten, low)).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
  });

  it('keeps ties in one bucket, the lowest their values reach', () => {
    const pop = Float64Array.from([0, 0, 0, 0, 1, 2, 3, 9, 9, 9]);
    const b = quantileBucket(pop, 5, true);
    // 0: nobody worse → 1; 1: 4 worse → 3; 2: 5 → 3; 3: 6 → 4; 9: 7 worse → 4 (5 stays empty).
    expect([0, 1, 2, 3, 9].map(b)).toEqual([1, 3, 3, 4, 4]);
  });

  it('caps values beyond the population and has no bucket for NaN or nobody', () => {
    expect(quantileBucket(ten, 5, true)(100)).toBe(5);
    expect(quantileBucket(ten, 4, true)(0)).toBe(1);
    expect(quantileBucket(ten, 5, true)(Number.NaN)).toBeNaN();
    expect(quantileBucket(new Float64Array(0), 5, true)(3)).toBeNaN();
  });

  it('names the value that reaches a bucket', () => {
    expect(bucketTarget(ten, 5, true, 5)).toEqual({ op: '>', value: 8 });
    expect(bucketTarget(ten, 5, true, 1)).toEqual({ op: '>=', value: 1 });
    expect(bucketTarget(ten, 5, false, 5)).toEqual({ op: '<', value: 3 });
    expect(quantileBucket(ten, 5, true)(8.5)).toBe(5);
  });
});

function scheme(over: Partial<SchemeInput> = {}): SchemeInput {
  return {
    id: 'quantiles',
    version: 1,
    name: name('Quantiles'),
    metrics: [
      { id: 'revenue', window: window12 },
      { key: 'm_score', derive: { op: 'quantile', of: ['revenue'], buckets: 4 } },
      { id: 'days_since_last_order' },
      { key: 'r_score', derive: { op: 'quantile', of: ['days_since_last_order'], buckets: 4 } },
    ],
    criteria: [
      {
        id: 'monetary',
        label: name('M'),
        metric: 'revenue',
        weight: 1,
        kind: 'quantile',
        buckets: 4,
        maxPoints: 4,
      },
      {
        id: 'recency',
        label: name('R'),
        metric: 'days_since_last_order',
        weight: 1,
        kind: 'quantile',
        buckets: 4,
        maxPoints: 4,
        missing: { policy: 'value', value: 365 },
      },
    ],
    score: { scale: 8 },
    tiers: [
      { id: 'top', name: name('Top'), rank: 1 },
      { id: 'rest', name: name('Rest'), rank: 2 },
    ],
    assignment: {
      rules: [{ tier: 'top', when: { metric: 'm_score', op: '>=', value: 4 } }],
      default: 'rest',
    },
    ...over,
  };
}

const row = (
  code: string,
  revenue: number | null,
  days: number | null,
  type = 'enterprise',
): CustomerRow => ({
  id: Number(code.slice(1)),
  code,
  metrics: { revenue, days_since_last_order: days },
  attributes: { type },
});

describe('quantile criteria and quantile metrics', () => {
  const rows = [
    row('Q1', 100, 5),
    row('Q2', 200, 10),
    row('Q3', 300, 20),
    row('Q4', 400, 40),
    row('Q5', 400, null),
    row('Q6', null, 80),
    row('Q7', 900, 1, 'individual'),
  ];

  it('scores maxPoints × bucket / buckets and agrees with the derived bucket', () => {
    const plan = compileScheme(scheme());
    const result = evaluate(plan, columnarInput(plan, rows));
    // Revenue over 6 values (100 200 300 400 400 900): 1 + ⌊4·worse/6⌋ → 1, 1, 2, 3, 3, —, 4.
    expect(Array.from(result.work.columns.get('m_score')!)).toEqual([1, 1, 2, 3, 3, NaN, 4]);
    // Days over 6 values (1 5 10 20 40 80), fewer better: worse = # more days.
    // 5 → 4 worse → 3; 10 → 3 → 3; 20 → 2 → 2; 40 → 1 → 1; 80 → 0 → 1; 1 → 5 → 4.
    expect(Array.from(result.work.columns.get('r_score')!)).toEqual([3, 3, 2, 1, NaN, 1, 4]);
    // Points: M bucket (0 when missing) + R bucket (missing scored as 365 days: bucket 1).
    expect(Array.from(result.points[0]!)).toEqual([1, 1, 2, 3, 3, 0, 4]);
    expect(Array.from(result.points[1]!)).toEqual([3, 3, 2, 1, 1, 1, 4]);
    expect(Array.from(result.score)).toEqual([4, 4, 4, 4, 4, 1, 8]);
    expect(Array.from(result.tier)).toEqual([1, 1, 1, 1, 1, 1, 0]);
  });

  it('follows derive.higherIsBetter over the metric direction', () => {
    const doc = scheme();
    doc.metrics[1] = {
      key: 'm_score',
      derive: { op: 'quantile', of: ['revenue'], buckets: 4, higherIsBetter: false },
    };
    const plan = compileScheme(doc);
    const result = evaluate(plan, columnarInput(plan, rows));
    // Less revenue is now better (worse = # with more): 100 → 5 → 4, 200 → 4 → 3, 300 → 3 → 3,
    // 400 → 1 → 1 (both), 900 → 0 → 1.
    expect(Array.from(result.work.columns.get('m_score')!)).toEqual([4, 3, 3, 1, 1, NaN, 1]);
  });

  it('ranks only the segment: outsiders get no bucket and do not move the others', () => {
    const plan = compileScheme(scheme({ appliesTo: { attribute: 'type', in: ['enterprise'] } }));
    const result = evaluate(plan, columnarInput(plan, rows));
    // Revenue over the 5 enterprise values (100 200 300 400 400): 1, 1, 2, 3, 3.
    expect(Array.from(result.work.columns.get('m_score')!)).toEqual([1, 1, 2, 3, 3, NaN, NaN]);
    expect(result.tier[6]).toBe(-1);
  });

  it('explains the value a better bucket takes, as an estimate', () => {
    const plan = compileScheme({
      ...scheme(),
      assignment: {
        ranking: {
          kind: 'thresholds',
          thresholds: [
            { tier: 'top', minScore: 7 },
            { tier: 'rest', minScore: 0 },
          ],
        },
      },
    });
    const input = columnarInput(plan, rows);
    const result = evaluate(plan, input);
    const e = explain(plan, input, result, 2);
    expect(e.targetScore).toBe(7);
    expect(e.estimate).toBe(true);
    // Q3 has M 2 + R 2 = 4; alone, M needs 5 of 4 points — out of reach; R likewise.
    expect(e.byCriterion.map((s) => s.reachable)).toEqual([false, false]);
    const q1 = explain(plan, input, result, 0);
    // Q1: M 1 + R 3. M would need bucket 4 of 4: revenue > 400 (the 5th of 6 values).
    expect(q1.byCriterion[0]).toMatchObject({ target: { op: '>', value: 400 }, change: 300 });
  });
});

describe('derived metrics with a constant operand', () => {
  const plan = compileScheme({
    id: 'constants',
    version: 1,
    name: name('Constants'),
    metrics: [
      { key: 'revenue_6m', id: 'revenue', window: { kind: 'last_n_months', months: 6 } },
      { key: 'monthly', derive: { op: 'ratio', of: ['revenue_6m', 6] } },
      { key: 'with_tax', derive: { op: 'product', of: ['revenue_6m', 1.13] } },
      { key: 'gap', derive: { op: 'difference', of: [3000, 'revenue_6m'] } },
      { key: 'per_thousand', derive: { op: 'percent_of', of: ['revenue_6m', 1000] } },
      { key: 'inverse', derive: { op: 'ratio', of: [6, 'revenue_6m'] } },
    ],
    tiers: [{ id: 'all', name: name('All'), rank: 1 }],
    assignment: { default: 'all' },
  });

  it('applies the constant on every row; a missing input stays missing', () => {
    const input = columnarInput(plan, [
      { id: 1, code: 'C1', metrics: { revenue_6m: 1200 } },
      { id: 2, code: 'C2', metrics: { revenue_6m: 0 } },
      { id: 3, code: 'C3', metrics: { revenue_6m: null } },
    ]);
    const cols = evaluate(plan, input).work.columns;
    const get = (k: string) => Array.from(cols.get(k)!);
    expect(get('monthly')).toEqual([200, 0, NaN]);
    expect(get('with_tax')).toEqual([1200 * 1.13, 0, NaN]);
    expect(get('gap')).toEqual([1800, 3000, NaN]);
    expect(get('per_thousand')).toEqual([120, 0, NaN]);
    // Dividing by a metric that is 0 gives no value, as ratios always have.
    expect(get('inverse')).toEqual([0.005, NaN, NaN]);
  });

  it('keeps the unit of a metric scaled by a constant, and not of a constant over a metric', () => {
    const unit = (k: string) => plan.metrics.find((m) => m.key === k)!.unit;
    expect([unit('monthly'), unit('with_tax'), unit('gap')]).toEqual(['money', 'money', 'money']);
    expect(unit('per_thousand')).toBe('percent');
    expect(unit('inverse')).toBe('number');
  });
});
