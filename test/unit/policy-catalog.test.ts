import { describe, expect, it } from 'vitest';
import {
  defaultCatalog,
  effectiveTerm,
  policyCatalogSchema,
  termWithin,
} from '../../src/domain/policy';

describe('tier policy catalog', () => {
  it('ships the seed values as a valid default for A, B, C, D', () => {
    const cat = policyCatalogSchema.parse(defaultCatalog(['A', 'B', 'C', 'D']));
    expect(cat.tiers.map((t) => [t.tier, t.priceFloorPct, t.paymentTerm, t.leadTimeDays])).toEqual([
      ['A', -5, 'deferred_90', 20],
      ['B', -3, 'cod_or_30', 30],
      ['C', 0, 'no_credit', 40],
      ['D', 5, 'prepay', 40],
    ]);
    expect(cat.tiers[0]?.visits).toEqual({ minPerMonth: 4, maxPerMonth: 6, groupEveryMonths: 1 });
    const gift = cat.tiers[0]?.entitlements.find((e) => e.key === 'delivery_gift');
    expect(gift?.choices).toHaveLength(3);
    expect(gift?.noRepeat).toBe(true);
  });

  it('repeats the last seed policy for schemes with more than four tiers', () => {
    const cat = defaultCatalog(['S', 'A', 'B', 'C', 'D', 'E']);
    expect(cat.tiers.map((t) => t.tier)).toEqual(['S', 'A', 'B', 'C', 'D', 'E']);
    expect(cat.tiers[5]?.paymentTerm).toBe('prepay');
    expect(policyCatalogSchema.safeParse(cat).success).toBe(true);
  });

  it('names the field of a policy that refers to a term not on the ladder', () => {
    const cat = defaultCatalog(['A', 'B']);
    (cat.tiers[1] as { paymentTerm: string }).paymentTerm = 'net_365';
    const r = policyCatalogSchema.safeParse(cat);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['tiers', 1, 'paymentTerm']);
    expect(r.error?.issues[0]?.message).toContain('deferred_90');
  });

  it('refuses duplicate tiers and entitlements, and noRepeat without choices', () => {
    const cat = defaultCatalog(['A', 'A']);
    const e = cat.tiers[0]?.entitlements[0];
    if (e) e.noRepeat = true;
    const r = policyCatalogSchema.safeParse(cat);
    const paths = r.error?.issues.map((i) => i.path.join('.'));
    expect(paths).toContain('tiers.1.tier');
    expect(paths).toContain('tiers.0.entitlements.0.noRepeat');
  });

  it('moves payment terms down the ladder and stops at the strictest rung', () => {
    const cat = defaultCatalog(['A', 'B', 'C', 'D']);
    expect(effectiveTerm(cat, 'deferred_90', 0).id).toBe('deferred_90');
    expect(effectiveTerm(cat, 'deferred_90', 1).id).toBe('cod_or_30');
    expect(effectiveTerm(cat, 'no_credit', 5).id).toBe('prepay');
    expect(termWithin(cat.paymentTerms, 'no_credit', 'cod_or_30')).toBe(true);
    expect(termWithin(cat.paymentTerms, 'deferred_90', 'cod_or_30')).toBe(false);
    expect(termWithin(cat.paymentTerms, 'net_365', 'cod_or_30')).toBe(false);
  });
});
