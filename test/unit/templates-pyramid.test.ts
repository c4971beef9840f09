import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type CustomerRow, columnarInput } from '../../src/domain/evaluation/columnar-input';
import { compileScheme } from '../../src/domain/evaluation/compile-scheme';
import { distribution } from '../../src/domain/evaluation/distribution';
import { evaluate } from '../../src/domain/evaluation/evaluate';
import { explain } from '../../src/domain/evaluation/explain';
import { formatShareStanding } from '../../src/domain/evaluation/format-shortfall';
import { parseScheme } from '../../src/domain/scheme/parse-scheme';

const file = new URL('../../examples/schemes/pyramid.json', import.meta.url);
const scheme = parseScheme(JSON.parse(readFileSync(file, 'utf8')));

const k = (code: string, profit: number | null, revenue = 100000): CustomerRow => ({
  id: Number(code.slice(1)),
  code,
  metrics: { profit, revenue },
});

// Positive profit adds up to 1,346,000 (P10's −2,000 and P11's missing profit are not
// counted). Lines: 50% = 673,000, 80% = 1,076,800, 95% = 1,278,700. A customer takes the
// first line its running total *before* it is still under, so the one crossing a line stays
// in the tier above. Ranked by profit, then revenue, then code:
//   P01 500,000  before 0          → key        (cumulative 37.15%)
//   P03 300,000  before 500,000    → key        (59.44%, crosses 50%; more revenue than P02)
//   P02 300,000  before 800,000    → important  (81.72%, crosses 80%)
//   P04  80,000  before 1,100,000  → ordinary   (87.67%; same revenue as P05, code first)
//   P05  80,000  before 1,180,000  → ordinary   (93.61%)
//   P06  50,000  before 1,260,000  → ordinary   (97.33%, crosses 95%)
//   P07 20,000, P08 10,000, P09 5,000, P12 1,000 → small (from 1,310,000 on)
//   P10 −2,000, P11 missing → small (not counted)
const customers: CustomerRow[] = [
  k('P01', 500000),
  k('P02', 300000, 1500000),
  k('P03', 300000, 2000000),
  k('P04', 80000),
  k('P05', 80000),
  k('P06', 50000),
  k('P07', 20000),
  k('P08', 10000),
  k('P09', 5000),
  k('P10', -2000),
  k('P11', null),
  k('P12', 1000),
];

describe('template pyramid.json (documents 000 and 004)', () => {
  const plan = compileScheme(scheme);
  const input = columnarInput(plan, customers);
  const result = evaluate(plan, input);

  it('cuts the profit ranking at 50 / 80 / 95% of cumulative profit', () => {
    expect(customers.map((c, i) => `${c.code}:${plan.tiers[result.tier[i]!]!.id}`)).toEqual([
      'P01:key',
      'P02:important',
      'P03:key',
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
    const share = result.cumulative!.share;
    expect(share[0]).toBeCloseTo((100 * 500000) / 1346000, 10);
    expect(share[2]).toBeCloseTo((100 * 800000) / 1346000, 10);
    expect(share[1]).toBeCloseTo((100 * 1100000) / 1346000, 10);
    expect(share[5]).toBeCloseTo((100 * 1310000) / 1346000, 10);
    expect(Number.isNaN(share[9]!)).toBe(true);
    const d = distribution(plan, result, { profit: input.metrics.profit });
    expect(d.tiers.map((t) => [t.tier, t.count, t.profit])).toEqual([
      ['key', 2, 800000],
      ['important', 1, 300000],
      ['ordinary', 3, 210000],
      ['small', 6, 34000],
    ]);
  });

  it('keeps the profit percentile as the score, for reference only', () => {
    // cume_dist among the 11 with a value: P01 11/11, P02 and P03 10/11.
    expect(result.score[0]).toBe(100);
    expect(result.score[1]).toBeCloseTo(1000 / 11, 6);
  });

  it('explains the cumulative share, the line and the profit the next tier takes', () => {
    const e = explain(plan, input, result, 3);
    expect(e.share).toMatchObject({ share: (100 * 1180000) / 1346000, line: 95, nextLine: 80 });
    // The last customer admitted to important made 300,000: beat it.
    expect(e.share!.target).toEqual({ op: '>', value: 300000 });
    expect(formatShareStanding(e.share!, plan, 'zh')).toBe(
      '累计利润占比 87.7%，本层分界线 95%；进入上一层（分界线 80%）需利润 > 300,000 (+220,000)',
    );
    expect(formatShareStanding(e.share!, plan, 'en')).toBe(
      'cumulative profit share at this customer 87.7%, line 95%; next tier (line 80%): profit > 300,000 (+220,000)',
    );
  });
});
