import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type CustomerRow, columnarInput } from '../../src/domain/evaluation/columnar-input';
import { compileScheme } from '../../src/domain/evaluation/compile-scheme';
import { distribution } from '../../src/domain/evaluation/distribution';
import { evaluate } from '../../src/domain/evaluation/evaluate';
import { Flag } from '../../src/domain/evaluation/plan';
import { parseScheme } from '../../src/domain/scheme/parse-scheme';

const file = new URL('../../examples/schemes/abcd.json', import.meta.url);
const scheme = parseScheme(JSON.parse(readFileSync(file, 'utf8')));

const k = (
  code: string,
  revenue: number,
  otp: number | null,
  margin: number,
  orders: number,
  model: number | null,
  share: number | null,
  tenure: number,
  reputation: number | null,
  type = 'enterprise',
): CustomerRow => ({
  id: Number(code.slice(1)),
  code,
  metrics: {
    revenue,
    on_time_payment_rate: otp,
    margin_rate: margin,
    order_count: orders,
    'custom.sales_model': model,
    share_of_wallet: share,
    tenure_months: tenure,
    'custom.industry_reputation': reputation,
  },
  attributes: { type },
  tenureMonths: tenure,
});

// Codes: model 1 direct, 2 distributor, 3 agent, 4 online (other); reputation 3 national,
// 2 regional, 1 local.
// Points by hand: sales (<0.5M 4, <1M 8, <3M 12, <5M 16, else 20), payment (<60 0, <80 5,
// <95 10, else 15), margin 15×(m−5)/25, orders (<12 2, <24 5, <52 8, else 10), model (direct 10,
// distributor 7, agent 5, other 2), share 10×(s−10)/50 (missing: excluded, rest rescaled),
// history (<12 2, <36 5, <60 8, else 10), reputation (national 10, regional 6, local 3).
const customers: CustomerRow[] = [
  k('Q01', 5500000, 97, 30, 60, 1, 60, 80, 3), //     20 15 15   10 10 10 10 10 = 100
  k('Q02', 3200000, 90, 20, 30, 2, 35, 48, 2), // 16 10  9    8  7  5  8  6 = 69
  k('Q03', 1200000, 85, 25, 20, 1, 50, 40, 2), //      12 10 12    5 10  8  8  6 = 71
  k('Q04', 800000, 70, 15, 14, 3, 20, 24, 1), //            8  5  6    5  5  2  5  3 = 39
  k('Q05', 400000, 85, 15, 30, 4, 20, 5, 3), //         4 10  6    8  2  2  2 10 = 44
  k('Q06', 2000000, 96, 10, 52, 2, null, 70, 1), // 12 15  3   10  7  –  10 3 = 60 of 90 → 66.666667
  k('Q07', 900000, 70, 15, 14, 3, 20, 24, 1), //            8  5  6    5  5  2  5  3 = 39
  k('Q08', 6000000, 80, 30, 24, 1, 40, 60, 3), //     20 10 15    8 10  6 10 10 = 89
  k('Q09', 600000, 60, 12.5, 12, 3, 15, 36, 2), //      8  5  4.5  5  5  1  8  6 = 42.5
  k('Q10', 1500000, 82, 17.5, 40, 2, 30, 13, 1), // 12 10  7.5  8  7  4  5  3 = 56.5
  k('Q11', 9000000, 99, 30, 99, 1, 99, 99, 3, 'individual'), // outside the segment
];

function run() {
  const plan = compileScheme(scheme);
  const input = columnarInput(plan, customers);
  const result = evaluate(plan, input);
  const tiers = customers.map(
    (c, i) => `${c.code}:${result.tier[i]! < 0 ? '-' : plan.tiers[result.tier[i]!]!.id}`,
  );
  return { plan, input, result, tiers };
}

describe('template abcd.json (document 002)', () => {
  it('scores the eight items', () => {
    const { result } = run();
    expect(Array.from(result.score)).toEqual([
      100,
      69,
      71,
      39,
      44,
      66.666667,
      39,
      89,
      42.5,
      56.5,
      Number.NaN,
    ]);
  });

  it('cuts the ten ranked customers 2/3/4/1, the 39-point tie going by revenue', () => {
    const { plan, input, result, tiers } = run();
    // Ranked: Q01 100, Q08 89 | Q03 71, Q02 69, Q06 66.67 | Q10 56.5, Q05 44, Q09 42.5,
    // Q07 39 (0.9M) | Q04 39 (0.8M). 20/30/40/10 % of 10 = 2/3/4/1 exactly.
    expect(tiers).toEqual([
      'Q01:A',
      'Q02:B',
      'Q03:B',
      'Q04:D',
      'Q05:C',
      'Q06:B',
      'Q07:C',
      'Q08:A',
      'Q09:C',
      'Q10:C',
      'Q11:-',
    ]);
    const d = distribution(plan, result, { revenue: input.metrics.revenue });
    expect(d.tiers.map((t) => [t.tier, t.count])).toEqual([
      ['A', 2],
      ['B', 3],
      ['C', 4],
      ['D', 1],
    ]);
    expect(d.unassigned).toBe(1);
    expect(Array.from(result.lines)).toEqual([89, 66.666667, 39, 39]);
  });

  it('flags Q05 (5 months with us) as provisional', () => {
    const { result } = run();
    expect(result.flags[4]! & Flag.provisional).toBe(Flag.provisional);
    expect(result.flags[0]! & Flag.provisional).toBe(0);
  });
});
