import { describe, expect, it } from 'vitest';
import { type CustomerRow, columnarInput } from '../../src/domain/evaluation/columnar-input';
import { compileScheme } from '../../src/domain/evaluation/compile-scheme';
import { type EvaluationResult, evaluate } from '../../src/domain/evaluation/evaluate';
import { whatIf } from '../../src/domain/evaluation/what-if';

const name = (en: string) => ({ zh: en, en });
const criteria = [
  {
    id: 'sales',
    label: name('Sales'),
    metric: 'revenue',
    weight: 60,
    kind: 'linear',
    min: 0,
    max: 1000,
    maxPoints: 10,
  },
  {
    id: 'pay',
    label: name('Pay'),
    metric: 'on_time_payment_rate',
    weight: 40,
    kind: 'linear',
    min: 50,
    max: 100,
    maxPoints: 10,
    missing: { policy: 'exclude' },
  },
];
const base = {
  id: 'w',
  version: 1,
  name: name('W'),
  metrics: [
    { id: 'revenue', window: { kind: 'last_n_months', months: 12 } },
    { id: 'on_time_payment_rate', window: { kind: 'last_n_months', months: 12 } },
  ],
  criteria,
  score: { scale: 100, weightsMustSumTo: 100 },
  tiers: ['A', 'B', 'C'].map((id, i) => ({ id, name: name(id), rank: i + 1 })),
};
const quotaScheme = {
  ...base,
  assignment: {
    ranking: {
      kind: 'quotas',
      quotas: [
        { tier: 'A', percent: 20 },
        { tier: 'B', percent: 30 },
        { tier: 'C', percent: 50 },
      ],
      tieBreak: [{ metric: 'revenue', order: 'desc' }],
    },
  },
};
const thresholdScheme = {
  ...base,
  assignment: {
    ranking: {
      kind: 'thresholds',
      thresholds: [
        { tier: 'A', minScore: 70 },
        { tier: 'B', minScore: 40 },
      ],
    },
    default: 'C',
  },
};

const rows: CustomerRow[] = Array.from({ length: 40 }, (_, i) => ({
  id: i + 1,
  code: `K${String(i).padStart(3, '0')}`,
  metrics: {
    revenue: (i * 37) % 1000,
    on_time_payment_rate: i % 5 === 0 ? null : 50 + ((i * 13) % 50),
  },
}));

const same = (a: EvaluationResult, b: EvaluationResult) => {
  expect(Array.from(a.tier)).toEqual(Array.from(b.tier));
  expect(Array.from(a.score)).toEqual(Array.from(b.score));
  expect(a.points.map((p) => Array.from(p))).toEqual(b.points.map((p) => Array.from(p)));
  expect(Array.from(a.lines)).toEqual(Array.from(b.lines));
};

describe('what-if', () => {
  it('re-cuts quotas from the same ranking and equals a full evaluation', () => {
    const plan = compileScheme(quotaScheme as never);
    const input = columnarInput(plan, rows);
    const first = evaluate(plan, input);
    const step = whatIf(plan, input, { quotas: { A: 10, B: 40 } }, first);
    // The ranking was reused, not recomputed.
    expect(step.result.work.order).toBe(first.work.order);
    const again = evaluate(
      compileScheme({
        ...quotaScheme,
        assignment: {
          ranking: {
            ...quotaScheme.assignment.ranking,
            quotas: [
              { tier: 'A', percent: 10 },
              { tier: 'B', percent: 40 },
              { tier: 'C', percent: 50 },
            ],
          },
        },
      } as never),
      input,
    );
    same(step.result, again);
    expect(step.result.tier.filter((t) => t === 0).length).toBe(4);
  });

  it('moves thresholds and equals a full evaluation', () => {
    const plan = compileScheme(thresholdScheme as never);
    const input = columnarInput(plan, rows);
    const step = whatIf(plan, input, { thresholds: { A: 60 } }, evaluate(plan, input));
    const doc = structuredClone(thresholdScheme);
    doc.assignment.ranking.thresholds[0]!.minScore = 60;
    same(step.result, evaluate(compileScheme(doc as never), input));
  });

  it('re-weights from the kept criterion fractions and warns when weights stop adding up', () => {
    const plan = compileScheme(quotaScheme as never);
    const input = columnarInput(plan, rows);
    const step = whatIf(plan, input, { weights: { sales: 30 } }, evaluate(plan, input));
    expect(step.warnings).toEqual([
      'weights add up to 70, not 100; scores are rescaled to the full scale',
    ]);
    const doc = structuredClone(quotaScheme) as unknown as {
      criteria: unknown[];
      score: { weightsMustSumTo?: number };
    };
    doc.criteria = [{ ...criteria[0]!, weight: 30 }, criteria[1]!];
    delete doc.score.weightsMustSumTo;
    same(step.result, evaluate(compileScheme(doc as never), input));
  });

  it('re-weights ties by tie-break and code as a full evaluation does, rows in any order', () => {
    // Coarse values make many equal scores, so the kept tie-break order decides the cut;
    // rows come in code order once and shuffled once (the path without the kept order).
    const tied: CustomerRow[] = Array.from({ length: 60 }, (_, i) => ({
      id: i + 1,
      code: `T${String(i).padStart(3, '0')}`,
      metrics: {
        revenue: (i % 4) * 250,
        on_time_payment_rate: i % 3 === 0 ? null : 50 + (i % 2) * 50,
      },
    }));
    const shuffled = [...tied].sort((a, b) => ((a.id * 37) % 61) - ((b.id * 37) % 61));
    // Equal weights make (revenue 0, pay 75) and (revenue 500, pay 50) tie: the revenue
    // tie-break then ranks against code order, inside one score.
    const traded: CustomerRow[] = Array.from({ length: 40 }, (_, i) => ({
      id: i + 1,
      code: `X${String(i).padStart(3, '0')}`,
      metrics: { revenue: i % 2 ? 500 : 0, on_time_payment_rate: i % 2 ? 50 : 75 },
    }));
    for (const list of [tied, shuffled, traded]) {
      const plan = compileScheme(quotaScheme as never);
      const input = columnarInput(plan, list);
      const first = evaluate(plan, input);
      const changes: Record<string, number>[] = [
        { sales: 10 },
        { pay: 90 },
        { sales: 40, pay: 60 },
        { sales: 50, pay: 50 },
      ];
      for (const weights of changes) {
        const step = whatIf(plan, input, { weights }, first);
        const doc = structuredClone(quotaScheme) as unknown as {
          criteria: { id: string; weight: number }[];
          score: { weightsMustSumTo?: number };
        };
        for (const c of doc.criteria) c.weight = weights[c.id] ?? c.weight;
        delete doc.score.weightsMustSumTo;
        same(step.result, evaluate(compileScheme(doc as never), input));
      }
    }
  });

  it('validates the changed scheme', () => {
    const plan = compileScheme(quotaScheme as never);
    const input = columnarInput(plan, rows);
    expect(() => whatIf(plan, input, { quotas: { A: 25 } })).toThrow(/the scheme has 1 problem/);
    expect(() => whatIf(plan, input, { thresholds: { A: 25 } })).toThrow(/ranks by quotas/);
    expect(() => whatIf(plan, input, { weights: { nope: 1 } })).toThrow(/unknown criterion nope/);
  });
});
