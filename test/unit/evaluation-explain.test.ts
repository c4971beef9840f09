import { describe, expect, it } from 'vitest';
import { type CustomerRow, columnarInput } from '../../src/domain/evaluation/columnar-input';
import { compileScheme } from '../../src/domain/evaluation/compile-scheme';
import { evaluate } from '../../src/domain/evaluation/evaluate';
import { explain } from '../../src/domain/evaluation/explain';
import { formatShortfall } from '../../src/domain/evaluation/format-shortfall';

const name = (en: string) => ({ zh: en, en });

/** Gold/silver by 12-month revenue and on-time payments, gold also needing an agreement. */
const scheme = {
  id: 'gold',
  version: 1,
  name: name('Gold'),
  metrics: [
    { id: 'revenue', window: { kind: 'last_n_months', months: 12 } },
    { id: 'on_time_payment_rate', window: { kind: 'last_n_months', months: 12 } },
    { id: 'referral_count', window: { kind: 'all_time' } },
  ],
  criteria: [
    {
      id: 'sales',
      label: name('Sales'),
      metric: 'revenue',
      weight: 50,
      kind: 'linear',
      min: 0,
      max: 100000,
      maxPoints: 50,
    },
    {
      id: 'payment',
      label: name('Payment'),
      metric: 'on_time_payment_rate',
      weight: 50,
      kind: 'bands',
      cover: true,
      bands: [
        { max: 80, points: 0 },
        { min: 80, max: 95, points: 25 },
        { min: 95, points: 50 },
      ],
    },
  ],
  score: { scale: 100, weightsMustSumTo: 100 },
  tiers: [
    { id: 'super', name: name('Super'), rank: 1 },
    { id: 'gold', name: name('Gold'), rank: 2 },
    { id: 'silver', name: name('Silver'), rank: 3 },
  ],
  assignment: {
    rules: [
      {
        tier: 'super',
        when: {
          any: [
            { metric: 'revenue', op: '>=', value: 60000 },
            { metric: 'referral_count', op: '>=', value: 1 },
          ],
        },
      },
    ],
    ranking: { kind: 'thresholds', thresholds: [{ tier: 'gold', minScore: 60 }] },
    default: 'silver',
    gates: [{ tier: 'gold', when: { tag: 'long_term_agreement' } }],
  },
};

const rows: CustomerRow[] = [
  // 41,000 revenue → 20.5 points; 90% on time → 25: 45.5, silver.
  {
    id: 1,
    code: 'A',
    metrics: { revenue: 41000, on_time_payment_rate: 90, referral_count: 0 },
    tags: ['long_term_agreement'],
  },
  // 50,000 → 25, 96% → 50: 75 ≥ 60 but no agreement: gated to silver.
  { id: 2, code: 'B', metrics: { revenue: 50000, on_time_payment_rate: 96, referral_count: 0 } },
  // Super by rule.
  { id: 3, code: 'C', metrics: { revenue: 70000, on_time_payment_rate: 50, referral_count: 0 } },
];

function run() {
  const plan = compileScheme(scheme as never);
  const input = columnarInput(plan, rows);
  return { plan, input, result: evaluate(plan, input) };
}

describe('explanations', () => {
  it('gives the smallest change per criterion to reach the next threshold', () => {
    const { plan, input, result } = run();
    expect(Array.from(result.tier)).toEqual([2, 2, 0]);
    const e = explain(plan, input, result, 0);
    expect(e).toMatchObject({
      tier: 2,
      nextTier: 1,
      score: 45.5,
      targetScore: 60,
      estimate: false,
    });
    // Sales must give 35 of 50 points: 70,000 revenue, +29,000.
    expect(e.byCriterion[0]).toMatchObject({
      metric: 'revenue',
      unit: 'money',
      reachable: true,
      target: { op: '>=', value: 70000 },
      change: 29000,
    });
    // Payment must give 39.5 of 50: only the top band (≥ 95%) does.
    expect(e.byCriterion[1]).toMatchObject({
      metric: 'on_time_payment_rate',
      target: { op: '>=', value: 95 },
      change: 5,
    });
    expect(formatShortfall(e.byCriterion[0]!, plan, 'en')).toBe('revenue ≥ 70,000 (+29,000)');
    expect(formatShortfall(e.byCriterion[1]!, plan, 'zh')).toBe('按时付款率 ≥ 95% (+5%)');
  });

  it('says which rule conditions fail and by how much', () => {
    const { plan, input, result } = run();
    // Customer A's next tier is gold; the rule leads to super, two tiers up: not listed.
    expect(explain(plan, input, result, 0).byRule).toEqual([]);
    // Gold lacks the agreement gate, whatever the score.
    const b = explain(plan, input, result, 1);
    expect(b.byCriterion).toEqual([]);
    expect(b.gates).toEqual([
      { path: 'assignment.gates[0].when', kind: 'tag', tag: 'long_term_agreement', required: true },
    ]);
  });

  it('lists every alternative of an any rule with its gap', () => {
    const plan = compileScheme(scheme as never);
    const input = columnarInput(plan, [
      {
        id: 9,
        code: 'Z',
        metrics: { revenue: 41000, on_time_payment_rate: 99, referral_count: 0 },
        tags: ['long_term_agreement'],
      },
    ]);
    const result = evaluate(plan, input);
    expect(result.tier[0]).toBe(1);
    const e = explain(plan, input, result, 0);
    expect(e.byRule).toEqual([
      {
        rule: 0,
        gap: {
          path: 'assignment.rules[0].when',
          kind: 'any',
          parts: [
            {
              path: 'assignment.rules[0].when.any[0]',
              kind: 'metric',
              metric: 'revenue',
              op: '>=',
              value: 60000,
              current: 41000,
              change: 19000,
            },
            {
              path: 'assignment.rules[0].when.any[1]',
              kind: 'metric',
              metric: 'referral_count',
              op: '>=',
              value: 1,
              current: 0,
              change: 1,
            },
          ],
        },
      },
    ]);
  });

  it('has nothing to say at the top tier', () => {
    const { plan, input, result } = run();
    expect(explain(plan, input, result, 2)).toMatchObject({
      nextTier: -1,
      byCriterion: [],
      byRule: [],
      gates: [],
    });
  });
});
