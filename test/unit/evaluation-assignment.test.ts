import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/domain/errors';
import { type CustomerRow, columnarInput } from '../../src/domain/evaluation/columnar-input';
import { compileScheme } from '../../src/domain/evaluation/compile-scheme';
import { evaluate } from '../../src/domain/evaluation/evaluate';
import type { TierOverride } from '../../src/domain/evaluation/override.schema';
import { Flag, TierSource } from '../../src/domain/evaluation/plan';

const name = (en: string) => ({ zh: en, en });
const tiers = (...ids: string[]) => ids.map((id, i) => ({ id, name: name(id), rank: i + 1 }));

/** A scheme whose score is the custom field `s` itself (0–100), to test assignment alone. */
function direct(assignment: Record<string, unknown>, over: Record<string, unknown> = {}) {
  return {
    id: 'direct',
    version: 1,
    name: name('Direct'),
    metrics: [{ id: 'custom.s' }, { id: 'revenue', window: { kind: 'year_to_date' } }],
    criteria: [
      {
        id: 's',
        label: name('S'),
        metric: 'custom.s',
        weight: 1,
        kind: 'linear',
        min: 0,
        max: 100,
        maxPoints: 100,
      },
    ],
    tiers: tiers('A', 'B', 'C', 'D'),
    assignment,
    ...over,
  };
}

const quotas = (rounding = 'largest_remainder', tieBreak: unknown[] = []) => ({
  ranking: {
    kind: 'quotas',
    quotas: [
      { tier: 'A', percent: 20 },
      { tier: 'B', percent: 30 },
      { tier: 'C', percent: 40 },
      { tier: 'D', percent: 10 },
    ],
    rounding,
    tieBreak,
  },
});

const customers = (
  scores: (number | null)[],
  extra: (i: number) => Partial<CustomerRow> = () => ({}),
): CustomerRow[] =>
  scores.map((s, i) => ({
    id: i + 1,
    code: `C${String(i + 1).padStart(2, '0')}`,
    metrics: { 'custom.s': s, revenue: 0 },
    ...extra(i),
  }));

function run(
  doc: unknown,
  rows: CustomerRow[],
  extra: { overrides?: TierOverride[]; asOf?: string } = {},
) {
  const plan = compileScheme(doc as never);
  const input = columnarInput(plan, rows, extra);
  const result = evaluate(plan, input);
  const ids = Array.from(result.tier, (t) => (t < 0 ? null : plan.tiers[t]!.id));
  return { plan, input, result, ids };
}

describe('thresholds', () => {
  const doc = direct({
    ranking: {
      kind: 'thresholds',
      thresholds: [
        { tier: 'A', minScore: 80 },
        { tier: 'B', minScore: 60 },
        { tier: 'C', minScore: 30 },
      ],
    },
    default: 'D',
  });
  it('gives the best tier whose line the score reaches (score ≥ minScore)', () => {
    const { ids, result } = run(doc, customers([80, 79.99, 60, 59, 30, 0, null]));
    expect(ids).toEqual(['A', 'B', 'B', 'C', 'C', 'D', 'D']);
    expect(Array.from(result.source)).toEqual([3, 3, 3, 3, 3, 5, 5]);
    expect(Array.from(result.lines)).toEqual([80, 60, 30, Number.NaN]);
  });
});

describe('quotas', () => {
  it('cuts 10 ranked customers 2/3/4/1', () => {
    const { ids } = run(direct(quotas()), customers([10, 90, 50, 40, 80, 70, 60, 30, 20, 5]));
    expect(ids).toEqual(['C', 'A', 'B', 'C', 'A', 'B', 'B', 'C', 'C', 'D']);
  });

  it('rounds 7 customers by largest remainder: 1/2/3/1', () => {
    // Exact shares 1.4, 2.1, 2.8, 0.7 → floors 1, 2, 2, 0; the two leftovers go to C (.8) and D (.7).
    const { ids } = run(direct(quotas()), customers([70, 60, 50, 40, 30, 20, 10]));
    expect(ids).toEqual(['A', 'B', 'B', 'C', 'C', 'C', 'D']);
  });

  it('rounds 7 customers cumulatively: 1/3/2/1', () => {
    // Tier ends at round-half-up of 1.4, 3.5, 6.3, 7 → positions 1, 4, 6, 7.
    const { ids } = run(direct(quotas('cumulative')), customers([70, 60, 50, 40, 30, 20, 10]));
    expect(ids).toEqual(['A', 'B', 'B', 'B', 'C', 'C', 'D']);
  });

  it('breaks ties by the named metric, missing last, then by code', () => {
    const rows = customers([50, 50, 50, 50, 50], (i) => ({
      metrics: { 'custom.s': 50, revenue: [100, null, 300, 300, 200][i] ?? null },
    }));
    const doc = direct(quotas('largest_remainder', [{ metric: 'revenue', order: 'desc' }]));
    const { result, ids } = run(doc, rows);
    // Order: C03 (300), C04 (300, later code), C05 (200), C01 (100), C02 (missing).
    expect(Array.from(result.work.order!)).toEqual([2, 3, 4, 0, 1]);
    // Five customers: 1, 1.5, 2, 0.5 → floors 1, 1, 2, 0; B and D tie on remainder, B is better.
    expect(ids).toEqual(['C', 'C', 'A', 'B', 'B']);
  });

  it('ranks only the segment and whoever no rule placed', () => {
    const rows = customers([90, 80, 70, 60, 50, 40], (i) => ({
      attributes: { type: i === 5 ? 'individual' : 'enterprise' },
    }));
    const doc = direct(
      {
        rules: [{ tier: 'A', when: { metric: 'custom.s', op: '<=', value: 50 } }],
        ranking: {
          kind: 'quotas',
          quotas: [
            { tier: 'B', percent: 50 },
            { tier: 'C', percent: 50 },
          ],
        },
      },
      { appliesTo: { attribute: 'type', in: ['enterprise'] } },
    );
    const { ids, result } = run(doc, rows);
    expect(ids).toEqual(['B', 'B', 'C', 'C', 'A', null]);
    expect(result.score[5]).toBeNaN();
    expect(result.inSegment).toBe(5);
    expect(Array.from(result.rule)).toEqual([-1, -1, -1, -1, 0, -1]);
  });
});

describe('rules (Super VIP / VIP / standard, seed 000)', () => {
  const doc = {
    id: 'vip',
    version: 1,
    name: { zh: '超级VIP/VIP/标准客户', en: 'Super VIP / VIP / standard' },
    metrics: [
      { id: 'revenue', window: { kind: 'all_time' } },
      { id: 'referral_count', window: { kind: 'all_time' } },
      { id: 'complaint_count', window: { kind: 'all_time' } },
    ],
    tiers: [
      { id: 'svip', name: { zh: '超级VIP', en: 'Super VIP' }, rank: 1 },
      { id: 'vip', name: { zh: 'VIP', en: 'VIP' }, rank: 2 },
      { id: 'standard', name: { zh: '标准客户', en: 'Standard' }, rank: 3 },
    ],
    assignment: {
      rules: [
        {
          id: 'svip',
          tier: 'svip',
          when: {
            any: [
              { metric: 'revenue', op: '>=', value: 60000 },
              { metric: 'referral_count', op: '>=', value: 1 },
            ],
          },
        },
        {
          id: 'vip',
          tier: 'vip',
          when: {
            any: [
              { metric: 'revenue', op: '>=', value: 30000 },
              { tag: 'competitor_user' },
              { metric: 'complaint_count', op: '>=', value: 1 },
              { tag: 'fan' },
            ],
          },
        },
      ],
      default: 'standard',
    },
  };
  it('applies the first rule that holds, else the default', () => {
    const m = (revenue: number | null, referral_count = 0, complaint_count = 0) => ({
      revenue,
      referral_count,
      complaint_count,
    });
    const rows: CustomerRow[] = [
      { id: 1, code: 'A', metrics: m(60000) },
      { id: 2, code: 'B', metrics: m(1000, 1) },
      { id: 3, code: 'C', metrics: m(30000) },
      { id: 4, code: 'D', metrics: m(0), tags: ['competitor_user'] },
      { id: 5, code: 'E', metrics: m(5000, 0, 2) },
      { id: 6, code: 'F', metrics: m(29999.99) },
      { id: 7, code: 'G', metrics: m(null) },
    ];
    const { ids, result } = run(doc, rows);
    expect(ids).toEqual(['svip', 'svip', 'vip', 'vip', 'vip', 'standard', 'standard']);
    expect(Array.from(result.rule)).toEqual([0, 0, 1, 1, 1, -1, -1]);
    // A rules-only scheme has no criteria: everyone in it scores 0.
    expect(Array.from(result.score)).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });
});

describe('gates', () => {
  it('drops a customer who fails a tier gate to the next tier, repeatedly', () => {
    const doc = direct({
      ranking: {
        kind: 'thresholds',
        thresholds: [
          { tier: 'A', minScore: 80 },
          { tier: 'B', minScore: 60 },
          { tier: 'C', minScore: 0 },
        ],
      },
      gates: [
        { tier: 'A', when: { tag: 'long_term_agreement' } },
        { tier: 'B', when: { attribute: 'size', in: ['large', 'medium'] } },
      ],
    });
    const rows = customers([90, 90, 90, 70], (i) => ({
      tags: i === 0 ? ['long_term_agreement'] : [],
      attributes: { size: i === 2 ? 'large' : 'small' },
    }));
    const { ids, result } = run(doc, rows);
    expect(ids).toEqual(['A', 'C', 'B', 'C']);
    expect(Array.from(result.flags)).toEqual([0, Flag.gated, Flag.gated, Flag.gated]);
  });
});

describe('provisional tiers', () => {
  const doc = (tier?: string) =>
    direct(quotas(), { provisional: { minTenureMonths: 6, ...(tier ? { tier } : {}) } });
  it('flags customers younger than the tenure and ranks them as usual', () => {
    const rows = customers([90, 80, 70, 60, 50], (i) => ({
      tenureMonths: [3, 12, 5.9, 6, null][i] ?? null,
    }));
    const { result, ids } = run(doc(), rows);
    expect(Array.from(result.flags)).toEqual([Flag.provisional, 0, Flag.provisional, 0, 0]);
    expect(ids).toEqual(['A', 'B', 'B', 'C', 'C']);
  });
  it('with a provisional tier, sets them aside before ranking', () => {
    const rows = customers([90, 80, 70, 60, 50], (i) => ({
      tenureMonths: [3, 12, 12, 12, 12][i] ?? null,
    }));
    const { result, ids } = run(doc('C'), rows);
    // Four ranked: 0.8, 1.2, 1.6, 0.4 → 1, 1, 2, 0.
    expect(ids).toEqual(['C', 'A', 'B', 'C', 'C']);
    expect(result.source[0]).toBe(TierSource.provisional);
  });
});

describe('overrides', () => {
  const doc = direct({
    ranking: { kind: 'thresholds', thresholds: [{ tier: 'A', minScore: 50 }] },
    default: 'D',
  });
  const rows = customers([90, 10, 10]);
  it('replace the tier while active', () => {
    const overrides: TierOverride[] = [
      { customerId: 2, tier: 'B', reason: '社会影响力大 (social influence)', approver: 'gm' },
      { customerId: 3, tier: 'A', reason: 'trial', approver: 'gm', expiresOn: '2026-03-31' },
    ];
    const { ids, result } = run(doc, rows, { overrides, asOf: '2026-04-01' });
    expect(ids).toEqual(['A', 'B', 'D']);
    expect(result.flags[1]).toBe(Flag.override);
    expect(result.source[1]).toBe(TierSource.override);
    expect(run(doc, rows, { overrides, asOf: '2026-03-31' }).ids).toEqual(['A', 'B', 'A']);
  });
  it('are refused without a reason or approver, or with an unknown tier', () => {
    const bad = [
      { customerId: 2, tier: 'B', reason: ' ', approver: 'gm' },
      { customerId: 3, tier: 'Z', reason: 'x', approver: 'gm' },
    ] as TierOverride[];
    try {
      run(doc, rows, { overrides: bad });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).details.issues).toEqual([
        { row: 0, field: 'overrides[0].reason', message: 'reason is required' },
        { row: 1, field: 'overrides[1].tier', message: 'unknown tier Z' },
      ]);
    }
  });
});

describe('hysteresis', () => {
  const thresholds = {
    ranking: {
      kind: 'thresholds',
      thresholds: [
        { tier: 'A', minScore: 80 },
        { tier: 'B', minScore: 60 },
      ],
    },
    default: 'C',
  };
  it('holds a customer within the margin of the previous tier line', () => {
    const doc = direct(thresholds, { hysteresis: { margin: 5 } });
    const rows = customers([76, 74, 90, 50], (i) => ({
      previousTier: ['A', 'A', 'B', 'A'][i] ?? null,
    }));
    const { ids, result } = run(doc, rows);
    // 76 ≥ 80 − 5 holds A; 74 drops to B; 90 rises freely; 50 drops.
    expect(ids).toEqual(['A', 'B', 'A', 'C']);
    expect(Array.from(result.flags)).toEqual([Flag.held, 0, 0, 0]);
  });
  it('drops a customer only after N consecutive runs below', () => {
    const doc = direct(thresholds, { hysteresis: { consecutiveRuns: 3 } });
    const rows = customers([70, 70, 70], (i) => ({ previousTier: 'A', belowCount: i }));
    const { ids, result } = run(doc, rows);
    expect(ids).toEqual(['A', 'A', 'B']);
    expect(Array.from(result.belowCount)).toEqual([1, 2, 0]);
  });
});

describe('hysteresis with quotas', () => {
  it('measures the margin against the lowest score the previous tier admitted this run', () => {
    const doc = direct(
      {
        ranking: {
          kind: 'quotas',
          quotas: [
            { tier: 'A', percent: 50 },
            { tier: 'B', percent: 50 },
          ],
        },
      },
      { tiers: tiers('A', 'B'), hysteresis: { margin: 3 } },
    );
    // A admits 90 and 80 (line 80); 78 is within 3 of it and was A; 70 was A too but is 10 below.
    const rows = customers([90, 80, 78, 70], (i) => ({
      previousTier: ['B', 'B', 'A', 'A'][i] ?? null,
    }));
    const { ids, result } = run(doc, rows);
    expect(ids).toEqual(['A', 'A', 'A', 'B']);
    expect(result.lines[0]).toBe(80);
    expect(result.flags[2]).toBe(Flag.held);
  });
  it('refuses previous tiers of the wrong length or outside the ladder', () => {
    const doc = direct(quotas(), { hysteresis: { consecutiveRuns: 2 } });
    const plan = compileScheme(doc as never);
    const input = columnarInput(plan, customers([1, 2]));
    expect(() => evaluate(plan, { ...input, previous: { tier: Int16Array.from([0]) } })).toThrow(
      /previous tiers must hold 2 rows/,
    );
    expect(() => evaluate(plan, { ...input, previous: { tier: Int16Array.from([0, 9]) } })).toThrow(
      /indexes into the plan/,
    );
  });
});

describe('percentiles within the segment', () => {
  it('ranks a customer only among the customers the scheme applies to', () => {
    const doc = {
      ...direct({ default: 'A' }, { appliesTo: { attribute: 'type', in: ['enterprise'] } }),
      criteria: [
        {
          id: 'p',
          label: name('P'),
          metric: 'custom.s',
          weight: 1,
          kind: 'percentile',
          maxPoints: 100,
        },
      ],
    };
    const rows = customers([10, 20, 30, 40], (i) => ({
      attributes: { type: i === 3 ? 'individual' : 'enterprise' },
    }));
    // Among 10, 20, 30 (40 is outside): cume_dist 1/3, 2/3, 1.
    expect(Array.from(run(doc, rows).result.score)).toEqual([
      33.333333,
      66.666667,
      100,
      Number.NaN,
    ]);
  });
});

describe('documented edge cases', () => {
  it('an empty input gives empty results', () => {
    const { result } = run(direct(quotas()), []);
    expect(result.n).toBe(0);
    expect(result.tier.length).toBe(0);
  });
  it('an empty segment gives nobody a tier', () => {
    const doc = direct(quotas(), { appliesTo: { attribute: 'type', in: ['group'] } });
    const { ids, result } = run(
      doc,
      customers([1, 2], () => ({ attributes: { type: 'enterprise' } })),
    );
    expect(ids).toEqual([null, null]);
    expect(result.inSegment).toBe(0);
    expect(Array.from(result.lines)).toEqual([Number.NaN, Number.NaN, Number.NaN, Number.NaN]);
  });
  it('customers with no facts score 0 and are ranked by code', () => {
    const rows = customers([null, null, null, null, null]).reverse();
    const { ids, result } = run(direct(quotas()), rows);
    expect(Array.from(result.score)).toEqual([0, 0, 0, 0, 0]);
    // Codes C05…C01 given in that order; C01 is first in the ranking. 5 → 1, 2, 2, 0 (largest remainder).
    expect(rows.map((r, i) => `${r.code}:${ids[i]}`)).toEqual([
      'C05:C',
      'C04:C',
      'C03:B',
      'C02:B',
      'C01:A',
    ]);
  });
  it('all-equal scores under thresholds all get the same tier', () => {
    const doc = direct({
      ranking: { kind: 'thresholds', thresholds: [{ tier: 'A', minScore: 50 }] },
      default: 'B',
    });
    expect(run(doc, customers([50, 50, 50])).ids).toEqual(['A', 'A', 'A']);
  });
  it('refuses input missing a column the scheme needs', () => {
    const plan = compileScheme(direct(quotas()) as never);
    const input = columnarInput(plan, customers([1]));
    const { 'custom.s': _, ...rest } = input.metrics;
    expect(() => evaluate(plan, { ...input, metrics: rest })).toThrow(
      /lacks the metric column custom\.s/,
    );
  });
});
