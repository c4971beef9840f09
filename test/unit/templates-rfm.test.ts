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

// Quintile by hand: bucket = 1 + ⌊5 × worse / count⌋, `worse` = customers with a strictly
// worse value; equal values share the bucket.
// R over the 10 with a last order (fewer days better; worse = # with more days):
//   10→9→5, 20→8→5, 30→7→4, 40→6→4, 60→5→3, 90→4→3, 120→3→2, 150→2→2, 200→1→1, 400→0→1.
// F over 11 (worse = # with fewer orders): sorted 0 0 1 1 2 2 3 4 5 6 12;
//   0→0→1, 1→2→1, 2→4→2, 3→6→3, 4→7→4, 5→8→4, 6→9→5, 12→10→5.
// M over 11: sorted 0 0 500 800 3000 9000 9999 12000 15000 20000 50000;
//   0→1, 500→1, 800→2, 3000→2, 9000→3, 9999→3, 12000→4, 15000→4, 20000→5, 50000→5.
// High = 4 or 5. Score = R + F + M (R 0 for a customer who never ordered).
const customers: CustomerRow[] = [
  k('F01', 10, 12, 50000), //  R5 F5 M5 → 重要价值 (15)
  k('F02', 20, 2, 20000), //   R5 F2 M5 → 重要发展 (12)
  k('F03', 200, 6, 15000), //  R1 F5 M4 → 重要保持 (10)
  k('F04', 150, 1, 12000), //  R2 F1 M4 → 重要挽留 (7)
  k('F05', 30, 5, 3000), //    R4 F4 M2 → 一般价值 (10)
  k('F06', 40, 1, 800), //     R4 F1 M2 → 一般发展 (7)
  k('F07', 120, 4, 500), //    R2 F4 M1 → 一般保持 (7)
  k('F08', 400, 0, 0), //      R1 F1 M1 → 一般挽留 (3)
  k('F09', 60, 3, 9999), //    R3 F3 M3 → 一般挽留 (9): the middle quintile is not high
  k('F10', null, 0, 0), //     no R, F1 M1 → 一般挽留 (2)
  k('F11', 90, 2, 9000), //    R3 F2 M3 → 一般挽留 (8)
];
const rfm = [
  [5, 5, 5],
  [5, 2, 5],
  [1, 5, 4],
  [2, 1, 4],
  [4, 4, 2],
  [4, 1, 2],
  [2, 4, 1],
  [1, 1, 1],
  [3, 3, 3],
  [Number.NaN, 1, 1],
  [3, 2, 3],
];

describe('template rfm.json', () => {
  const plan = compileScheme(scheme);
  const result = evaluate(plan, columnarInput(plan, customers));

  it('scores R, F and M 1–5 by quintile, ties in the same bucket', () => {
    const cols = ['r_score', 'f_score', 'm_score'].map((key) => result.work.columns.get(key)!);
    expect(customers.map((_, i) => cols.map((c) => c[i]!))).toEqual(rfm);
    // Each criterion's points are the bucket (0 when R is missing); the score is their sum.
    expect(customers.map((_, i) => result.points.map((p) => p[i]!))).toEqual(
      rfm.map((r) => r.map((b) => (Number.isNaN(b) ? 0 : b))),
    );
    expect(Array.from(result.score)).toEqual([15, 12, 10, 7, 10, 7, 7, 3, 9, 2, 8]);
  });

  it('puts each customer in one of the eight named segments by its R, F and M scores', () => {
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
      'F10:一般挽留客户',
      'F11:一般挽留客户',
    ]);
    expect(plan.tiers.map((t) => t.name.en)).toEqual([
      'Important value',
      'Important to develop',
      'Important to keep',
      'Important to win back',
      'General value',
      'General to develop',
      'General to keep',
      'General to win back',
    ]);
  });
});
