import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type CustomerRow, columnarInput } from '../../src/domain/evaluation/columnar-input';
import { compileScheme } from '../../src/domain/evaluation/compile-scheme';
import { evaluate } from '../../src/domain/evaluation/evaluate';
import { parseScheme } from '../../src/domain/scheme/parse-scheme';

const file = new URL('../../examples/schemes/lifecycle.json', import.meta.url);
const scheme = parseScheme(JSON.parse(readFileSync(file, 'utf8')));

const k = (code: string, tenure: number, days: number | null, orders12: number): CustomerRow => ({
  id: Number(code.slice(1)),
  code,
  metrics: {
    tenure_months: tenure,
    days_since_last_order: days,
    purchase_frequency: orders12 / 12,
  },
});

// By hand: rhythm days = days since last order × orders per month (12-month window).
// new: tenure < 3; churned: no order, days > 365 or rhythm > 180; at risk: days > 180 or
// rhythm > 90; silent: days > 90 or rhythm > 45; else active (first rule that holds wins).
const customers: CustomerRow[] = [
  k('L1', 2, 10, 2), //       tenure 2 → new
  k('L2', 24, 20, 24), //     20 × 2 = 40 → active
  k('L3', 24, 30, 24), //     30 × 2 = 60 > 45 → silent (a twice-monthly buyer quiet for a month)
  k('L4', 24, 60, 24), //     60 × 2 = 120 > 90 → at risk
  k('L5', 24, 100, 24), //    100 × 2 = 200 > 180 → churned
  k('L6', 36, 80, 3), //      80 × 0.25 = 20, 80 days → active (a quarterly buyer)
  k('L7', 36, 120, 3), //     120 × 0.25 = 30, but 120 > 90 days → silent
  k('L8', 36, 200, 2), //     200 / 6 = 33.3, but 200 > 180 days → at risk
  k('L9', 48, 400, 0), //     rhythm 0, but 400 > 365 days → churned
  k('L10', 12, null, 0), //   never ordered → churned
  k('L11', 2.9, null, 0), //  tenure 2.9 → new
];

describe('template lifecycle.json', () => {
  it('stages customers against their own purchase rhythm', () => {
    const plan = compileScheme(scheme);
    const result = evaluate(plan, columnarInput(plan, customers));
    expect(customers.map((c, i) => `${c.code}:${plan.tiers[result.tier[i]!]!.id}`)).toEqual([
      'L1:new',
      'L2:active',
      'L3:silent',
      'L4:at_risk',
      'L5:churned',
      'L6:active',
      'L7:silent',
      'L8:at_risk',
      'L9:churned',
      'L10:churned',
      'L11:new',
    ]);
  });
});
