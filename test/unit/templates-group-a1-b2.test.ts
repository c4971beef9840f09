import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type CustomerRow, columnarInput } from '../../src/domain/evaluation/columnar-input';
import { compileScheme } from '../../src/domain/evaluation/compile-scheme';
import { evaluate } from '../../src/domain/evaluation/evaluate';
import type { TierOverride } from '../../src/domain/evaluation/override.schema';
import { Flag } from '../../src/domain/evaluation/plan';
import { parseScheme } from '../../src/domain/scheme/parse-scheme';

const file = new URL('../../examples/schemes/group-a1-b2.json', import.meta.url);
const scheme = parseScheme(JSON.parse(readFileSync(file, 'utf8')));

const k = (
  code: string,
  revenue: number,
  ictRevenue: number | null,
  employees: number | null,
  products: number | null,
  industry: string | null = null,
  adminLevel: number | null = null,
): CustomerRow => ({
  id: Number(code.slice(1)),
  code,
  metrics: {
    revenue,
    'custom.ict_revenue': ictRevenue,
    'custom.employees': employees,
    'custom.ict_products': products,
    'custom.admin_level': adminLevel,
  },
  attributes: { type: 'group', industry },
});

// Value points by hand: revenue 12m (<120k 5, <600k 15, <1.2M 25, else 35), monthly ICT
// revenue (<2k 0, <10k 10, <50k 20, else 25), employees (<50 2, <200 8, <1000 14, else 20),
// ICT products (<1 0, <3 8, <5 14, else 20). A1 ≥ 80, B1 ≥ 60, B2 ≥ 40, else C; the key-sector
// rules come first (industry 党政机关/军队/公检法司/新闻媒体/特殊行业 with admin level 1 region or
// 2 prefecture → A2, 3 county → B2).
const customers: CustomerRow[] = [
  k('G1', 2000000, 60000, 5000, 6), //     35 25 20 20 = 100 → A1
  k('G2', 700000, 12000, 300, 3), //       25 20 14 14 = 73  → B1
  k('G3', 1500000, 50000, 1000, 0), //     35 25 20  0 = 80  → A1 (on the line)
  k('G4', 300000, 5000, 120, 2), //        15 10  8  8 = 41  → B2
  k('G5', 100000, 1000, 30, 0), //          5  0  2  0 = 7   → C
  k('G6', 100000, null, 30, 1, '党政机关', 2), //     5  0  2  8 = 15, rule → A2
  k('G7', 1500000, 60000, 5000, 6, '新闻媒体', 3), // 35 25 20 20 = 100, rule → B2 (rules come first)
  k('G8', 600000, 10000, 200, 5, '党政机关'), //      25 20 14 20 = 79 → B1 (no level, no rule)
  k('G9', 119999, 2000, 50, 1, '机械制造', 1), //     5 10  8  8 = 31 → C, override → A2
  { ...k('G10', 9000000, 90000, 9000, 9), attributes: { type: 'individual' } }, // outside
];

// Social influence is a manual decision, not a rule: an approved override with an expiry.
const overrides: TierOverride[] = [
  {
    customerId: 9,
    tier: 'A2',
    reason: '社会影响力高：自治区重点工程承建单位',
    approver: '大客户营销服务中心',
    expiresOn: '2027-12-31',
  },
];

describe('template group-a1-b2.json (document 002)', () => {
  it('places group customers by value score and key-sector rules', () => {
    const plan = compileScheme(scheme);
    const result = evaluate(
      plan,
      columnarInput(plan, customers, { overrides, asOf: '2026-12-31' }),
    );
    expect(Array.from(result.score)).toEqual([100, 73, 80, 41, 7, 15, 100, 79, 31, Number.NaN]);
    expect(
      customers.map(
        (c, i) => `${c.code}:${result.tier[i]! < 0 ? '-' : plan.tiers[result.tier[i]!]!.id}`,
      ),
    ).toEqual([
      'G1:A1',
      'G2:B1',
      'G3:A1',
      'G4:B2',
      'G5:C',
      'G6:A2',
      'G7:B2',
      'G8:B1',
      'G9:A2',
      'G10:-',
    ]);
    expect(Array.from(result.rule)).toEqual([-1, -1, -1, -1, -1, 0, 1, -1, -1, -1]);
    expect(result.flags[8]! & Flag.override).toBe(Flag.override);
  });

  it('drops the override once it has expired', () => {
    const plan = compileScheme(scheme);
    const result = evaluate(
      plan,
      columnarInput(plan, customers, { overrides, asOf: '2028-01-01' }),
    );
    expect(plan.tiers[result.tier[8]!]!.id).toBe('C');
  });
});
