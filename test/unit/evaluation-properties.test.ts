import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CustomerRow, columnarInput } from '../../src/domain/evaluation/columnar-input';
import { compileScheme } from '../../src/domain/evaluation/compile-scheme';
import { valueFraction } from '../../src/domain/evaluation/criterion-fraction';
import { evaluate } from '../../src/domain/evaluation/evaluate';
import { assignQuotaTiers } from '../../src/domain/evaluation/quota-assign';
import { quotaCounts } from '../../src/domain/evaluation/quota-counts';
import { scoreCriterion } from '../../src/domain/evaluation/score-criteria';
import { whatIf } from '../../src/domain/evaluation/what-if';

const name = (en: string) => ({ zh: en, en });

/** Quota shares in basis points that add up to 10000. */
const shares = fc
  .array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 6 })
  .map((w) => {
    const total = w.reduce((a, b) => a + b, 0);
    const bp = w.map((x) => Math.floor((x * 10000) / total));
    bp[0]! += 10000 - bp.reduce((a, b) => a + b, 0);
    return bp;
  });

describe('quota counts', () => {
  it('always add up to m and follow the rounding rule', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100000 }), shares, (m, bp) => {
        const lr = quotaCounts(m, bp, 'largest_remainder');
        expect(lr.reduce((a, b) => a + b, 0)).toBe(m);
        // Largest remainder: each tier gets its floor or one more, and a tier that got one
        // more never has a smaller remainder than one that did not.
        const rem = bp.map((b) => (m * b) % 10000);
        const extra = bp.map((b, i) => lr[i]! - Math.floor((m * b) / 10000));
        for (const e of extra) expect(e === 0 || e === 1).toBe(true);
        for (let i = 0; i < bp.length; i++)
          for (let j = 0; j < bp.length; j++)
            if (extra[i] === 1 && extra[j] === 0) expect(rem[i]!).toBeGreaterThanOrEqual(rem[j]!);
        const cu = quotaCounts(m, bp, 'cumulative');
        expect(cu.reduce((a, b) => a + b, 0)).toBe(m);
        let cum = 0;
        let end = 0;
        bp.forEach((b, i) => {
          cum += b;
          const next = Math.floor((m * cum + 5000) / 10000);
          expect(cu[i]).toBe(next - end);
          end = next;
        });
      }),
    );
  });
});

describe('band scoring', () => {
  it('the branch-free step function agrees with scanning the bands', () => {
    const bands = fc
      .uniqueArray(fc.integer({ min: -50, max: 50 }), { minLength: 2, maxLength: 8 })
      .chain((edges) => {
        const e = [...edges].sort((a, b) => a - b);
        return fc.tuple(
          fc.constant(e),
          fc.array(fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }), {
            minLength: e.length + 1,
            maxLength: e.length + 1,
          }),
        );
      })
      .map(([e, pts]) =>
        pts.flatMap((p, k) =>
          p === null
            ? []
            : [
                {
                  ...(k > 0 ? { min: e[k - 1] } : {}),
                  ...(k < e.length ? { max: e[k] } : {}),
                  points: p,
                },
              ],
        ),
      )
      .filter((b) => b.some((x) => x.points > 0));
    fc.assert(
      fc.property(
        bands,
        fc.array(fc.integer({ min: -60, max: 60 }), { maxLength: 30 }),
        (list, values) => {
          const plan = compileScheme({
            id: 'b',
            version: 1,
            name: name('B'),
            metrics: [{ id: 'custom.v' }],
            criteria: [
              {
                id: 'v',
                label: name('V'),
                metric: 'custom.v',
                weight: 1,
                kind: 'bands',
                bands: list,
              },
            ],
            tiers: [{ id: 'T', name: name('T'), rank: 1 }],
            assignment: { default: 'T' },
          } as never);
          const c = plan.criteria[0]!;
          const got = new Float64Array(values.length);
          scoreCriterion(c, Float64Array.from(values), null, undefined, { fraction: got });
          const scan = valueFraction(c);
          values.forEach((v, i) => {
            expect(got[i]).toBe(scan(v));
          });
        },
      ),
    );
  });
});

describe('quota ranking', () => {
  const rows = fc.uniqueArray(
    fc.record({
      code: fc.stringMatching(/^[A-Z0-9]{1,6}$/),
      score: fc.integer({ min: 0, max: 5 }),
      tb: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
    }),
    { selector: (r) => r.code, maxLength: 80 },
  );
  it('orders exactly as a comparator sort would: score desc, tie-break, code (NaN last)', () => {
    const value = fc.oneof(
      fc.constantFrom(Number.NaN, 0, -0, 1.5, -2.25),
      fc.double({ min: -1e6, max: 1e6, noNaN: true }),
    );
    const list = fc.uniqueArray(
      fc.record({ code: fc.stringMatching(/^[a-z0-9]{1,5}$/), score: value, tb: value }),
      { selector: (r) => r.code, maxLength: 60 },
    );
    fc.assert(
      fc.property(list, fc.constantFrom('desc' as const, 'asc' as const), (rows, order) => {
        const got = assignQuotaTiers(
          {
            scores: Float64Array.from(rows, (r) => r.score),
            codes: rows.map((r) => r.code),
            tieBreaks: [{ values: Float64Array.from(rows, (r) => r.tb), order }],
          },
          [10000],
          'largest_remainder',
        ).order;
        const last = (v: number) => (Number.isNaN(v) ? 1 : 0);
        const want = rows
          .map((_, i) => i)
          .sort((a, b) => {
            const x = rows[a]!;
            const y = rows[b]!;
            if (last(x.score) !== last(y.score)) return last(x.score) - last(y.score);
            if (x.score !== y.score && !Number.isNaN(x.score)) return y.score - x.score;
            if (last(x.tb) !== last(y.tb)) return last(x.tb) - last(y.tb);
            if (x.tb !== y.tb && !Number.isNaN(x.tb))
              return order === 'desc' ? y.tb - x.tb : x.tb - y.tb;
            return x.code < y.code ? -1 : 1;
          });
        expect(Array.from(got)).toEqual(want);
      }),
    );
  });

  it('resolves ties the same way whatever the input order', () => {
    fc.assert(
      fc.property(rows, shares, fc.integer(), (list, bp, seed) => {
        const tiersOf = (l: typeof list) => {
          const a = assignQuotaTiers(
            {
              scores: Float64Array.from(l, (r) => r.score),
              codes: l.map((r) => r.code),
              tieBreaks: [
                { values: Float64Array.from(l, (r) => r.tb ?? Number.NaN), order: 'desc' },
              ],
            },
            bp,
            'largest_remainder',
          );
          return new Map(l.map((r, i) => [r.code, a.slot[i]]));
        };
        const sorted = [...list].sort((x, y) => (x.code < y.code ? -1 : 1));
        const shuffled = fc.sample(fc.shuffledSubarray(list, { minLength: list.length }), {
          seed,
          numRuns: 1,
        })[0]!;
        const want = tiersOf(sorted);
        expect(tiersOf(list)).toEqual(want);
        expect(tiersOf(shuffled)).toEqual(want);
      }),
    );
  });
});

/** Two higher-is-better criteria (bands and linear), cut by thresholds or quotas. */
function scheme(ranking: 'thresholds' | 'quotas', weights = [50, 50]) {
  return {
    id: 'p',
    version: 1,
    name: name('P'),
    metrics: [
      { id: 'revenue', window: { kind: 'last_n_months', months: 12 } },
      { id: 'order_count', window: { kind: 'last_n_months', months: 12 } },
    ],
    criteria: [
      {
        id: 'rev',
        label: name('Revenue'),
        metric: 'revenue',
        weight: weights[0],
        kind: 'bands',
        cover: true,
        bands: [
          { max: 100, points: 0 },
          { min: 100, max: 500, points: 4 },
          { min: 500, points: 10 },
        ],
      },
      {
        id: 'orders',
        label: name('Orders'),
        metric: 'order_count',
        weight: weights[1],
        kind: 'linear',
        min: 0,
        max: 50,
        maxPoints: 10,
      },
    ],
    tiers: ['A', 'B', 'C', 'D'].map((id, i) => ({ id, name: name(id), rank: i + 1 })),
    assignment:
      ranking === 'thresholds'
        ? {
            ranking: {
              kind: 'thresholds',
              thresholds: [
                { tier: 'A', minScore: 75 },
                { tier: 'B', minScore: 50 },
                { tier: 'C', minScore: 20 },
              ],
            },
            default: 'D',
          }
        : {
            ranking: {
              kind: 'quotas',
              quotas: [
                { tier: 'A', percent: 20 },
                { tier: 'B', percent: 30 },
                { tier: 'C', percent: 40 },
                { tier: 'D', percent: 10 },
              ],
              tieBreak: [{ metric: 'revenue', order: 'desc' }],
            },
          },
  };
}

const customers = fc.array(
  fc.record({
    revenue: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: null }),
    orders: fc.integer({ min: 0, max: 60 }),
  }),
  { minLength: 1, maxLength: 40 },
);
const toRows = (list: { revenue: number | null; orders: number }[]): CustomerRow[] =>
  list.map((c, i) => ({
    id: i + 1,
    code: `C${String(i).padStart(3, '0')}`,
    metrics: { revenue: c.revenue, order_count: c.orders },
  }));

describe('monotonicity', () => {
  for (const kind of ['thresholds', 'quotas'] as const) {
    it(`raising a higher-is-better metric never lowers the tier (${kind})`, () => {
      const plan = compileScheme(scheme(kind) as never);
      fc.assert(
        fc.property(
          customers,
          fc.nat(),
          fc.boolean(),
          fc.integer({ min: 1, max: 500 }),
          (list, pick, onRevenue, raise) => {
            const i = pick % list.length;
            const before = evaluate(plan, columnarInput(plan, toRows(list))).tier[i]!;
            const raised = list.map((c, k) =>
              k !== i
                ? c
                : onRevenue
                  ? { ...c, revenue: (c.revenue ?? 0) + raise }
                  : { ...c, orders: c.orders + raise },
            );
            const after = evaluate(plan, columnarInput(plan, toRows(raised))).tier[i]!;
            expect(after).toBeLessThanOrEqual(before);
          },
        ),
      );
    });
  }
});

/** The parts of a scheme document the what-if properties change. */
type Doc = {
  criteria: { weight: number }[];
  assignment: { ranking: { quotas: { percent: number }[]; thresholds: unknown[] } };
};

/** Four positive whole percentages adding up to 100. */
const fourShares = fc
  .uniqueArray(fc.integer({ min: 1, max: 99 }), { minLength: 3, maxLength: 3 })
  .map((cuts) => {
    const [x, y, z] = [...cuts].sort((p, q) => p - q) as [number, number, number];
    return [x, y - x, z - y, 100 - z];
  });

describe('what-if', () => {
  const same = (a: Int16Array, b: Int16Array) => expect(Array.from(a)).toEqual(Array.from(b));

  it('equals a full evaluation of the changed scheme (weights and quotas)', () => {
    const plan = compileScheme(scheme('quotas') as never);
    fc.assert(
      fc.property(
        customers,
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 60 }),
        fourShares,
        (list, w1, w2, q) => {
          const input = columnarInput(plan, toRows(list));
          const base = evaluate(plan, input);
          const quotas = { A: q[0]!, B: q[1]!, C: q[2]!, D: q[3]! };
          const viaBase = whatIf(plan, input, { quotas }, base).result;
          const viaWeights = whatIf(
            plan,
            input,
            { weights: { rev: w1, orders: w2 }, quotas },
            base,
          ).result;
          const doc = structuredClone(scheme('quotas')) as unknown as Doc;
          doc.assignment.ranking.quotas.forEach((x: { percent: number }, i: number) => {
            x.percent = q[i]!;
          });
          same(viaBase.tier, evaluate(compileScheme(doc as never), input).tier);
          doc.criteria[0]!.weight = w1;
          doc.criteria[1]!.weight = w2;
          const full = evaluate(compileScheme(doc as never), input);
          same(viaWeights.tier, full.tier);
          expect(Array.from(viaWeights.score)).toEqual(Array.from(full.score));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('equals a full evaluation of the changed scheme (thresholds)', () => {
    const plan = compileScheme(scheme('thresholds') as never);
    fc.assert(
      fc.property(
        customers,
        fc.uniqueArray(fc.integer({ min: 1, max: 100 }), { minLength: 3, maxLength: 3 }),
        (list, lines) => {
          const [a, b, c] = [...lines].sort((p, q) => q - p) as [number, number, number];
          const input = columnarInput(plan, toRows(list));
          const step = whatIf(
            plan,
            input,
            { thresholds: { A: a, B: b, C: c } },
            evaluate(plan, input),
          ).result;
          const doc = structuredClone(scheme('thresholds')) as unknown as Doc;
          doc.assignment.ranking.thresholds = [
            { tier: 'A', minScore: a },
            { tier: 'B', minScore: b },
            { tier: 'C', minScore: c },
          ];
          same(step.tier, evaluate(compileScheme(doc as never), input).tier);
        },
      ),
      { numRuns: 60 },
    );
  });
});
