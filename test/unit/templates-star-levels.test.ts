import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type CustomerRow, columnarInput } from '../../src/domain/evaluation/columnar-input';
import { compileScheme } from '../../src/domain/evaluation/compile-scheme';
import { evaluate } from '../../src/domain/evaluation/evaluate';
import { parseScheme } from '../../src/domain/scheme/parse-scheme';

const file = new URL('../../examples/schemes/star-levels.json', import.meta.url);
const scheme = parseScheme(JSON.parse(readFileSync(file, 'utf8')));

const k = (
  code: string,
  spend6m: number | null,
  points: number | null = null,
  tags: string[] = [],
): CustomerRow => ({
  id: Number(code.slice(1)),
  code,
  metrics: { revenue_6m: spend6m, 'custom.prior_year_points': points },
  tags,
});

// By hand: monthly average = 6-month spend / 6 (the derived metric monthly_spend);
// ≥500 → 5 stars, ≥300 → 4, ≥100 → 3, ≥50 → 2, else 1. The score is the star count. Six
// stars by rule: last year's points ≥ 20,000 or the tag 高影响力.
const customers: CustomerRow[] = [
  k('X1', 3600), //                  600/month → 5
  k('X2', 3000), //                  500/month → 5 (on the edge)
  k('X3', 2999.99), //               499.998/month → 4
  k('X4', 1200), //                  200/month → 3
  k('X5', 450), //                   75/month → 2
  k('X6', 120), //                   20/month → 1
  k('X7', 100, 25000), //            points → 6 (score 1)
  k('X8', 0, null, ['高影响力']), //  tag → 6 (score 1)
  k('X9', 5000, 19999), //           points short → 5
  k('X10', null), //                 no spend recorded → scored as 0 points → 1
];

describe('template star-levels.json (document 004)', () => {
  it('gives stars 1–5 by average monthly spend and 6 by rule', () => {
    const plan = compileScheme(scheme);
    const result = evaluate(plan, columnarInput(plan, customers));
    expect(Array.from(result.score)).toEqual([5, 5, 4, 3, 2, 1, 1, 1, 5, 0]);
    const monthly = result.work.columns.get('monthly_spend')!;
    expect(Array.from(monthly.subarray(0, 6))).toEqual([600, 500, 2999.99 / 6, 200, 75, 20]);
    expect(Number.isNaN(monthly[9]!)).toBe(true);
    expect(customers.map((c, i) => `${c.code}:${plan.tiers[result.tier[i]!]!.id}`)).toEqual([
      'X1:star5',
      'X2:star5',
      'X3:star4',
      'X4:star3',
      'X5:star2',
      'X6:star1',
      'X7:star6',
      'X8:star6',
      'X9:star5',
      'X10:star1',
    ]);
  });
});

describe('monthly_spend, the 6-month total divided by a constant', () => {
  it('keeps the unit of the metric it scales, so targets read as money', () => {
    const plan = compileScheme(scheme);
    const m = plan.metrics.find((x) => x.key === 'monthly_spend')!;
    expect(m.unit).toBe('money');
    expect(m.derive).toEqual({ op: 'ratio', of: ['revenue_6m', 6] });
  });
});
