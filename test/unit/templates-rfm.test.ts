import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type CustomerRow, columnarInput } from '../../src/domain/evaluation/columnar-input';
import { compileScheme } from '../../src/domain/evaluation/compile-scheme';
import { evaluate } from '../../src/domain/evaluation/evaluate';
import { parseScheme } from '../../src/domain/scheme/parse-scheme';

const file = new URL('../../examples/schemes/rfm.json', import.meta.url);
const scheme = parseScheme(JSON.parse(readFileSync(file, 'utf8')));

const k = (code: string, days: number | null, orders: number, revenue: number): CustomerRow => ({
  id: Number(code.slice(1)),
  code,
  metrics: { days_since_last_order: days, order_count: orders, revenue },
});

// Segments by hand: R high = days ≤ 90, F high = orders ≥ 4, M high = revenue ≥ 10,000.
// Score = 5·(fR + fF + fM), each f a cume_dist: R among the 8 with a last order, lower is better
// ((N − #less)/N over 10 30 60 90 120 150 200 400); F over 0 0 1 1 2 4 5 6 12 and M over
// 0 0 800 3000 9999 12000 15000 20000 50000 (#≤/9).
const customers: CustomerRow[] = [
  k('F01', 10, 12, 50000), //  R+F+M+ → 重要价值; 5·(8/8 + 9/9 + 9/9) = 15
  k('F02', 30, 2, 20000), //   R+F−M+ → 重要发展; 5·(7/8 + 5/9 + 8/9) = 835/72
  k('F03', 200, 6, 15000), //  R−F+M+ → 重要保持; 5·(2/8 + 8/9 + 7/9) = 345/36
  k('F04', 150, 1, 12000), //  R−F−M+ → 重要挽留; 5·(3/8 + 4/9 + 6/9) = 535/72
  k('F05', 60, 5, 3000), //    R+F+M− → 一般价值; 5·(6/8 + 7/9 + 4/9) = 355/36
  k('F06', 90, 1, 800), //     R+F−M− → 一般发展; 5·(5/8 + 4/9 + 3/9) = 505/72
  k('F07', 120, 4, 9999), //   R−F+M− → 一般保持; 5·(4/8 + 6/9 + 5/9) = 155/18
  k('F08', 400, 0, 0), //      R−F−M− → 一般挽留; 5·(1/8 + 2/9 + 2/9) = 205/72
  k('F09', null, 0, 0), //     never ordered → 一般挽留; 5·(0 + 2/9 + 2/9) = 20/9
];

describe('template rfm.json', () => {
  it('puts each customer in one of the eight named segments', () => {
    const plan = compileScheme(scheme);
    const result = evaluate(plan, columnarInput(plan, customers));
    const names = customers.map((c, i) => `${c.code}:${plan.tiers[result.tier[i]!]!.name.zh}`);
    expect(names).toEqual([
      'F01:重要价值客户',
      'F02:重要发展客户',
      'F03:重要保持客户',
      'F04:重要挽留客户',
      'F05:一般价值客户',
      'F06:一般发展客户',
      'F07:一般保持客户',
      'F08:一般挽留客户',
      'F09:一般挽留客户',
    ]);
    expect(plan.tiers.map((t) => t.name.en)).toContain('Important value');
  });

  it('scores R, F and M by percentile, 0–5 points each', () => {
    const plan = compileScheme(scheme);
    const result = evaluate(plan, columnarInput(plan, customers));
    const expected = [
      15,
      835 / 72,
      345 / 36,
      535 / 72,
      355 / 36,
      505 / 72,
      155 / 18,
      205 / 72,
      20 / 9,
    ];
    expected.forEach((v, i) => {
      expect(result.score[i]).toBeCloseTo(v, 6);
    });
  });
});
