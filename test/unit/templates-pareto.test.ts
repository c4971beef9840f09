import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type CustomerRow, columnarInput } from '../../src/domain/evaluation/columnar-input';
import { compileScheme } from '../../src/domain/evaluation/compile-scheme';
import { distribution } from '../../src/domain/evaluation/distribution';
import { evaluate } from '../../src/domain/evaluation/evaluate';
import { parseScheme } from '../../src/domain/scheme/parse-scheme';

const file = new URL('../../examples/schemes/pareto.json', import.meta.url);
const scheme = parseScheme(JSON.parse(readFileSync(file, 'utf8')));

const k = (code: string, revenue: number | null): CustomerRow => ({
  id: Number(code.slice(1)),
  code,
  metrics: { revenue },
});

// Revenue adds up to 1,880,000; the 80% line is 1,504,000. Ranked by revenue, then code:
// R1 900,000 (before 0) and R3 400,000 (before 900,000) are under the line; R4 400,000 starts
// at 1,300,000 < 1,504,000 and crosses it (1,700,000 = 90.4%), so it still counts as the
// vital few. R5 starts at 1,700,000: the rest. Zero and missing revenue are not counted.
const customers: CustomerRow[] = [
  k('R1', 900000),
  k('R2', 50000),
  k('R3', 400000),
  k('R4', 400000),
  k('R5', 120000),
  k('R6', 0),
  k('R7', 10000),
  k('R8', null),
];

describe('template pareto.json', () => {
  it('puts the customers making the first 80% of revenue in the first tier', () => {
    const plan = compileScheme(scheme);
    const input = columnarInput(plan, customers);
    const result = evaluate(plan, input);
    expect(customers.map((c, i) => `${c.code}:${plan.tiers[result.tier[i]!]!.id}`)).toEqual([
      'R1:vital_few',
      'R2:rest',
      'R3:vital_few',
      'R4:vital_few',
      'R5:rest',
      'R6:rest',
      'R7:rest',
      'R8:rest',
    ]);
    expect(result.cumulative!.share[3]).toBeCloseTo((100 * 1700000) / 1880000, 10);
    const d = distribution(plan, result, { revenue: input.metrics.revenue });
    expect(d.tiers.map((t) => [t.tier, t.count, t.revenue])).toEqual([
      ['vital_few', 3, 1700000],
      ['rest', 5, 180000],
    ]);
    expect(d.tiers[0]!.revenueShare).toBeCloseTo(1700000 / 1880000, 12);
  });

  it('puts a lone earner in the first tier and zero revenue in the rest', () => {
    const plan = compileScheme(scheme);
    const result = evaluate(plan, columnarInput(plan, [k('S1', 1000), k('S2', 0)]));
    expect(Array.from(result.tier)).toEqual([0, 1]);
  });
});
