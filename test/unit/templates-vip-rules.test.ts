import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type CustomerRow, columnarInput } from '../../src/domain/evaluation/columnar-input';
import { compileScheme } from '../../src/domain/evaluation/compile-scheme';
import { evaluate } from '../../src/domain/evaluation/evaluate';
import { parseScheme } from '../../src/domain/scheme/parse-scheme';

const file = new URL('../../examples/schemes/vip-rules.json', import.meta.url);
const scheme = parseScheme(JSON.parse(readFileSync(file, 'utf8')));

const k = (
  code: string,
  revenue: number,
  orders: number,
  referrals = 0,
  complaints = 0,
  tags: string[] = [],
): CustomerRow => ({
  id: Number(code.slice(1)),
  code,
  metrics: {
    revenue,
    order_count: orders,
    referral_count: referrals,
    complaint_count: complaints,
  },
  tags,
});

// By hand. Super VIP if spend ≥ 60,000 OR orders ≥ 2 OR referrals ≥ 1; else VIP if spend ≥ 30,000
// OR tag 竞品用户 OR complaints ≥ 1 OR tag 粉丝; else standard.
const customers: CustomerRow[] = [
  k('V1', 65000, 1), //                          spend → super VIP
  k('V2', 10000, 2), //                          repeat purchase → super VIP
  k('V3', 5000, 1, 1), //                        referral → super VIP
  k('V4', 30000, 1), //                          spend on the line → VIP
  k('V5', 29999, 1, 0, 0, ['竞品用户']), //       competitor user → VIP
  k('V6', 8000, 1, 0, 1), //                     complained → VIP
  k('V7', 2000, 1, 0, 0, ['粉丝']), //            fan → VIP
  k('V8', 29999, 1), //                          nothing → standard
  k('V9', 0, 0), //                              never bought → standard
];

describe('template vip-rules.json (document 000)', () => {
  it('places customers by the first OR rule that holds', () => {
    const plan = compileScheme(scheme);
    const result = evaluate(plan, columnarInput(plan, customers));
    expect(customers.map((c, i) => `${c.code}:${plan.tiers[result.tier[i]!]!.id}`)).toEqual([
      'V1:super_vip',
      'V2:super_vip',
      'V3:super_vip',
      'V4:vip',
      'V5:vip',
      'V6:vip',
      'V7:vip',
      'V8:standard',
      'V9:standard',
    ]);
    expect(Array.from(result.rule)).toEqual([0, 0, 0, 1, 1, 1, 1, -1, -1]);
  });
});
