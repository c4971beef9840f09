import { describe, expect, it } from 'vitest';
import { DEFAULT_PAYMENT_TERMS, defaultCatalog } from '../../src/domain/policy';
import { balanceOf, fits, issuesOfUse } from '../../src/domain/policy/entitlement-balance';
import type { Entitlement } from '../../src/domain/policy/policy.schema';

const a = defaultCatalog(['A', 'B', 'C', 'D']).tiers[0]!;
const get = (key: string) => a.entitlements.find((e) => e.key === key) as Entitlement;

describe('entitlement balances', () => {
  it('counts what is left, never below zero, unlimited as null', () => {
    expect(DEFAULT_PAYMENT_TERMS.length).toBeGreaterThan(0);
    expect(balanceOf(get('airport_lounge'), 1)).toEqual({ quota: 4, used: 1, remaining: 3 });
    expect(balanceOf(get('airport_lounge'), 6).remaining).toBe(0);
    expect(balanceOf(get('pre_order_tech_support'), 50)).toEqual({
      quota: null,
      used: 50,
      remaining: null,
    });
    expect(fits({ quota: 4, used: 3, remaining: 1 }, 1)).toBe(true);
    expect(fits({ quota: 4, used: 3, remaining: 1 }, 2)).toBe(false);
    expect(fits({ quota: null, used: 3, remaining: null }, 1000)).toBe(true);
  });

  it('asks for a known choice and refuses one already received under noRepeat', () => {
    const gift = get('delivery_gift');
    expect(issuesOfUse(gift, { quantity: 1 }, [])[0]).toMatchObject({ field: 'choice' });
    expect(issuesOfUse(gift, { quantity: 1, choice: 'car' }, [])[0]?.message).toContain(
      'one of flowers',
    );
    expect(issuesOfUse(gift, { quantity: 1, choice: 'flowers' }, [])).toEqual([]);
    expect(
      issuesOfUse(gift, { quantity: 1, choice: 'flowers' }, ['flowers'])[0]?.message,
    ).toContain('not be repeated');
    expect(issuesOfUse(gift, { quantity: 2, choice: 'cushion' }, ['flowers'])[0]?.field).toBe(
      'quantity',
    );
    expect(issuesOfUse(get('airport_lounge'), { quantity: 1, choice: 'x' }, [])[0]?.field).toBe(
      'choice',
    );
  });

  it('applies the green channel only to batches of at least minBatch', () => {
    const green = get('batch_green_channel');
    expect(issuesOfUse(green, { quantity: 1 }, [])[0]).toMatchObject({ field: 'batchSize' });
    expect(issuesOfUse(green, { quantity: 1, batchSize: 29 }, [])[0]?.message).toContain(
      'at least 30',
    );
    expect(issuesOfUse(green, { quantity: 1, batchSize: 30 }, [])).toEqual([]);
  });
});
