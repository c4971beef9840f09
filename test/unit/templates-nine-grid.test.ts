import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type CustomerRow, columnarInput } from '../../src/domain/evaluation/columnar-input';
import { compileScheme } from '../../src/domain/evaluation/compile-scheme';
import { evaluate } from '../../src/domain/evaluation/evaluate';
import { parseScheme } from '../../src/domain/scheme/parse-scheme';

const file = new URL('../../examples/schemes/nine-grid.json', import.meta.url);
const scheme = parseScheme(JSON.parse(readFileSync(file, 'utf8')));

const k = (code: string, revenue: number, potential: number | null): CustomerRow => ({
  id: Number(code.slice(1)),
  code,
  metrics: { revenue, 'custom.potential': potential },
});

// By hand: letter from 12-month revenue (≥ 1,000,000 A, ≥ 200,000 B, else C), digit from the
// potential field (3 high → 1, 2 medium → 2, 1 low or blank → 3).
const customers: CustomerRow[] = [
  k('N1', 1500000, 3), //   A1
  k('N2', 1000000, 2), // A2 (on the line)
  k('N3', 2000000, 1), //    A3
  k('N4', 2000000, null), //     A3 (no potential recorded)
  k('N5', 500000, 3), //    B1
  k('N6', 200000, 2), //  B2 (on the line)
  k('N7', 199999, 3), //    C1
  k('N8', 50000, 2), //   C2
  k('N9', 300000, 1), //     B3
  k('N10', 0, 1), //         C3
];

describe('template nine-grid.json (document 004)', () => {
  it('places each customer in its cell', () => {
    const plan = compileScheme(scheme);
    const result = evaluate(plan, columnarInput(plan, customers));
    expect(customers.map((c, i) => `${c.code}:${plan.tiers[result.tier[i]!]!.id}`)).toEqual([
      'N1:A1',
      'N2:A2',
      'N3:A3',
      'N4:A3',
      'N5:B1',
      'N6:B2',
      'N7:C1',
      'N8:C2',
      'N9:B3',
      'N10:C3',
    ]);
  });
});
