import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type CustomerRow, columnarInput } from '../../src/domain/evaluation/columnar-input';
import { compileScheme } from '../../src/domain/evaluation/compile-scheme';
import { distribution } from '../../src/domain/evaluation/distribution';
import { evaluate } from '../../src/domain/evaluation/evaluate';
import { parseScheme } from '../../src/domain/scheme/parse-scheme';

const file = new URL('../../examples/schemes/pareto.json', import.meta.url);
const scheme = parseScheme(JSON.parse(readFileSync(file, 'utf8')));

const k = (code: string, revenue: number): CustomerRow => ({
  id: Number(code.slice(1)),
  code,
  metrics: { revenue },
});

// Score = 100 × cume_dist of revenue among 8 customers: sorted 0 0 10k 50k 120k 400k 400k 900k.
const customers: CustomerRow[] = [
  k('R1', 900000), // 8/8 → 100
  k('R2', 50000), //  4/8 → 50
  k('R3', 400000), // 7/8 → 87.5
  k('R4', 400000), // 7/8 → 87.5 (tie with R3: same revenue, R3's code first)
  k('R5', 120000), // 5/8 → 62.5
  k('R6', 0), //      2/8 → 25
  k('R7', 10000), //  3/8 → 37.5
  k('R8', 0), //      2/8 → 25
];

describe('template pareto.json', () => {
  it('puts the top 20% by revenue in the first tier', () => {
    const plan = compileScheme(scheme);
    const input = columnarInput(plan, customers);
    const result = evaluate(plan, input);
    expect(Array.from(result.score)).toEqual([100, 50, 87.5, 87.5, 62.5, 25, 37.5, 25]);
    // Largest remainder for 8: 20% → 1.6, 80% → 6.4; floors 1 + 6, the leftover goes to the
    // larger remainder (0.6, top20) → 2/6. Order: R1 R3 | R4 R5 R2 R7 R6 R8.
    expect(customers.map((c, i) => `${c.code}:${plan.tiers[result.tier[i]!]!.id}`)).toEqual([
      'R1:top20',
      'R2:rest80',
      'R3:top20',
      'R4:rest80',
      'R5:rest80',
      'R6:rest80',
      'R7:rest80',
      'R8:rest80',
    ]);
    const d = distribution(plan, result, { revenue: input.metrics.revenue });
    expect(d.tiers.map((t) => [t.tier, t.count, t.revenue])).toEqual([
      ['top20', 2, 1300000],
      ['rest80', 6, 580000],
    ]);
    expect(d.tiers[0]!.revenueShare).toBeCloseTo(1300000 / 1880000, 12);
  });
});
