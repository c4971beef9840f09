import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type CustomerRow, columnarInput } from '../../src/domain/evaluation/columnar-input';
import { compileScheme } from '../../src/domain/evaluation/compile-scheme';
import { distribution } from '../../src/domain/evaluation/distribution';
import { evaluate } from '../../src/domain/evaluation/evaluate';
import { parseScheme } from '../../src/domain/scheme/parse-scheme';

const file = new URL('../../examples/schemes/pyramid.json', import.meta.url);
const scheme = parseScheme(JSON.parse(readFileSync(file, 'utf8')));

const k = (code: string, profit: number | null): CustomerRow => ({
  id: Number(code.slice(1)),
  code,
  metrics: { profit },
});

// Score = 100 × cume_dist of profit among the 11 customers with a value (share at or below):
// sorted −2k 1k 5k 10k 20k 50k 80k 80k 300k 300k 500k. P11 has no profit: 0 points, last.
const customers: CustomerRow[] = [
  k('P01', 500000), // 11/11 → 100
  k('P02', 300000), // 10/11 → 90.909091
  k('P03', 300000), // 10/11 → 90.909091 (tie with P02: same profit, code decides)
  k('P04', 80000), //   8/11 → 72.727273
  k('P05', 80000), //   8/11 → 72.727273
  k('P06', 50000), //   6/11 → 54.545455
  k('P07', 20000), //   5/11 → 45.454545
  k('P08', 10000), //   4/11 → 36.363636
  k('P09', 5000), //    3/11 → 27.272727
  k('P10', -2000), //   1/11 → 9.090909
  k('P11', null), //    0
  k('P12', 1000), //    2/11 → 18.181818
];

describe('template pyramid.json (documents 000 and 004)', () => {
  it('cuts the profit ranking 5/15/30/50 with cumulative rounding', () => {
    const plan = compileScheme(scheme);
    const input = columnarInput(plan, customers);
    const result = evaluate(plan, input);
    expect(result.score[1]).toBeCloseTo(1000 / 11, 6);
    expect(result.score[9]).toBeCloseTo(100 / 11, 6);
    // Cumulative ends for 12 customers: key ⌊(12·500+5000)/10000⌋ = 1, important
    // ⌊(12·2000+5000)/10000⌋ = 2, ordinary ⌊(12·5000+5000)/10000⌋ = 6, small 12 → 1/1/4/6.
    // (Largest remainder would give 1/2/3/6.) Order: P01 | P02 | P03 P04 P05 P06 |
    // P07 P08 P09 P12 P10 P11.
    expect(customers.map((c, i) => `${c.code}:${plan.tiers[result.tier[i]!]!.id}`)).toEqual([
      'P01:key',
      'P02:important',
      'P03:ordinary',
      'P04:ordinary',
      'P05:ordinary',
      'P06:ordinary',
      'P07:small',
      'P08:small',
      'P09:small',
      'P10:small',
      'P11:small',
      'P12:small',
    ]);
    const d = distribution(plan, result, { profit: input.metrics.profit });
    expect(d.tiers.map((t) => [t.tier, t.count, t.profit])).toEqual([
      ['key', 1, 500000],
      ['important', 1, 300000],
      ['ordinary', 4, 510000],
      ['small', 6, 34000],
    ]);
  });
});
