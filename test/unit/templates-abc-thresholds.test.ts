import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type CustomerRow, columnarInput } from '../../src/domain/evaluation/columnar-input';
import { compileScheme } from '../../src/domain/evaluation/compile-scheme';
import { evaluate } from '../../src/domain/evaluation/evaluate';
import { parseScheme } from '../../src/domain/scheme/parse-scheme';

const file = new URL('../../examples/schemes/abc-thresholds.json', import.meta.url);
const scheme = parseScheme(JSON.parse(readFileSync(file, 'utf8')));

const k = (
  code: string,
  revenue: number,
  collection: number | null,
  potential: number | null,
  stagnation: number | null,
): CustomerRow => ({
  id: Number(code.slice(1)),
  code,
  metrics: {
    revenue,
    collection_rate: collection,
    'custom.industry_potential': potential,
    inventory_stagnation: stagnation,
  },
});

// Points by hand: sales (<50k 10, <200k 20, <1M 30, else 40), collection (<70 0, <85 10, <95 20,
// else 30), potential (3 high 15, 2 medium 9, 1 low 3, other or blank 0), stagnation (<5 15,
// <15 10, <30 5, else 0; blank: excluded, the other three rescaled from 85 to 100).
// A ≥ 80, B ≥ 60, C below.
const customers: CustomerRow[] = [
  k('T1', 1200000, 98, 3, 2), //        40 30 15 15 = 100 → A
  k('T2', 500000, 95, 2, 10), //        30 30  9 10 = 79  → B
  k('T3', 200000, 95, 3, 5), //         30 30 15 10 = 85  → A
  k('T4', 50000, 85, 2, 15), //         20 20  9  5 = 54  → C
  k('T5', 49999, 120, 3, 4.9), //       10 30 15 15 = 70  → B
  k('T6', 1000000, 69.9, 1, 40), //     40  0  3  0 = 43  → C
  k('T7', 800000, 90, null, null), //   30 20  0  – = 50 of 85 → 58.823529 → C
  k('T8', 1000000, 85, 3, 29.9), //     40 20 15  5 = 80  → A (on the line)
  k('T9', 150000, 95, 9, 10), //        20 30  0 10 = 60  → B (on the line)
  k('T10', 300000, 96, 3, null), //     30 30 15  – = 75 of 85 → 88.235294 → A
];

describe('template abc-thresholds.json (document 002)', () => {
  it('scores the four indicators and applies the 80/60 lines', () => {
    const plan = compileScheme(scheme);
    const result = evaluate(plan, columnarInput(plan, customers));
    expect(Array.from(result.score)).toEqual([
      100, 79, 85, 54, 70, 43, 58.823529, 80, 60, 88.235294,
    ]);
    expect(customers.map((c, i) => `${c.code}:${plan.tiers[result.tier[i]!]!.id}`)).toEqual([
      'T1:A',
      'T2:B',
      'T3:A',
      'T4:C',
      'T5:B',
      'T6:C',
      'T7:C',
      'T8:A',
      'T9:B',
      'T10:A',
    ]);
  });
});
