import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type CustomerRow, columnarInput } from '../../src/domain/evaluation/columnar-input';
import { compileScheme } from '../../src/domain/evaluation/compile-scheme';
import { evaluate } from '../../src/domain/evaluation/evaluate';
import { Flag } from '../../src/domain/evaluation/plan';
import { parseScheme } from '../../src/domain/scheme/parse-scheme';

const file = new URL('../../examples/schemes/super-gold-silver.json', import.meta.url);
const scheme = parseScheme(JSON.parse(readFileSync(file, 'utf8')));

const AGREEMENT = '长期协议';
const k = (code: string, scale: number | null, revenue: number, signed = true): CustomerRow => ({
  id: Number(code.slice(1)),
  code,
  metrics: { 'custom.customer_scale': scale, revenue },
  tags: signed ? [AGREEMENT] : [],
});

// By hand: super needs scale > 1,000,000 and 12-month volume > 500,000; gold > 500,000 and
// > 100,000; silver > 100,000 and > 10,000 (all strict); every one of the three also needs the
// agreement tag, else the customer falls one tier at a time.
const customers: CustomerRow[] = [
  k('S1', 2000000, 600000), //          super
  k('S2', 2000000, 600000, false), //   super → gold → silver → ordinary (no agreement)
  k('S3', 1000000, 600000), //          scale not > 1M → gold
  k('S4', 800000, 100000), //           volume not > 100k → silver
  k('S5', 100000, 50000), //            scale not > 100k → ordinary
  k('S6', 300000, 20000), //            silver
  k('S7', null, 900000), //             no scale recorded → ordinary
  k('S8', 5000000, 500001), //          super
];

describe('template super-gold-silver.json (document 002)', () => {
  it('applies the size and volume rules and the agreement gate', () => {
    const plan = compileScheme(scheme);
    const result = evaluate(plan, columnarInput(plan, customers));
    expect(customers.map((c, i) => `${c.code}:${plan.tiers[result.tier[i]!]!.id}`)).toEqual([
      'S1:super',
      'S2:ordinary',
      'S3:gold',
      'S4:silver',
      'S5:ordinary',
      'S6:silver',
      'S7:ordinary',
      'S8:super',
    ]);
    expect(Array.from(result.flags, (f) => (f & Flag.gated ? 1 : 0))).toEqual([
      0, 1, 0, 0, 0, 0, 0, 0,
    ]);
  });
});
