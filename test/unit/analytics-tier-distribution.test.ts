import { describe, expect, it } from 'vitest';
import { tierDistribution, tiersAtPoints } from '../../src/domain/analytics/tier-migration';
import type { DomainError } from '../../src/domain/errors';

describe('tierDistribution', () => {
  it('counts each tier with its revenue and both shares of the tiered total', () => {
    const d = tierDistribution(3, [0, 1, 1, 2, 2, -1], [600, 300, 250, 50, 100, 70]);
    expect(d.tiers.map((t) => [t.customers, t.revenueMinor])).toEqual([
      [1, 600],
      [2, 550],
      [2, 150],
    ]);
    expect(d.tiers.map((t) => t.customerShare)).toEqual([0.2, 0.4, 0.4]);
    expect(d.tiers[0]!.revenueShare).toBeCloseTo(600 / 1300, 12);
    expect(d).toMatchObject({
      customers: 5,
      revenueMinor: 1300,
      untiered: 1,
      untieredRevenueMinor: 70,
    });
  });

  it('never gives NaN: no customers, or no revenue, leave shares at 0', () => {
    const empty = tierDistribution(2, [], []);
    expect(empty.tiers).toEqual([
      { customers: 0, revenueMinor: 0, customerShare: 0, revenueShare: 0 },
      { customers: 0, revenueMinor: 0, customerShare: 0, revenueShare: 0 },
    ]);
    const noMoney = tierDistribution(2, [0, 1, 1], [0, 0, 0]);
    expect(noMoney.tiers.map((t) => [t.customerShare, t.revenueShare])).toEqual([
      [1 / 3, 0],
      [2 / 3, 0],
    ]);
  });

  it('refuses a tier index out of range, naming the field and row', () => {
    try {
      tierDistribution(2, [0, 5], [1, 1]);
      expect.unreachable();
    } catch (e) {
      expect((e as DomainError).code).toBe('VALIDATION');
      expect((e as DomainError).details.issues).toEqual([
        expect.objectContaining({ field: 'tiers', row: 1, value: 5 }),
      ]);
    }
  });
});

describe('tiersAtPoints', () => {
  const order = ['A', 'B', 'C'];
  // Customer 10: A from key 1, B from key 5; customer 20: C from 1, gone at 5; 30: B from 3.
  const changes = [
    { customerId: 20, key: 5, seq: 6, toTier: null },
    { customerId: 10, key: 1, seq: 1, toTier: 'A' },
    { customerId: 30, key: 3, seq: 4, toTier: 'B' },
    { customerId: 10, key: 5, seq: 5, toTier: 'B' },
    { customerId: 20, key: 1, seq: 2, toTier: 'C' },
    { customerId: 99, key: 1, seq: 3, toTier: 'A' },
  ];
  const ids = Int32Array.from([10, 20, 30]);

  it('replays the changes to each point, whatever order points and changes come in', () => {
    const [at5, at0, at1, at3] = tiersAtPoints(changes, ids, order, [5, 0, 1, 3]);
    expect([...at0!]).toEqual([-1, -1, -1]);
    expect([...at1!]).toEqual([0, 2, -1]);
    expect([...at3!]).toEqual([0, 2, 1]);
    expect([...at5!]).toEqual([1, -1, 1]);
  });

  it('applies changes with the same key in sequence order: the last one wins', () => {
    const same = [
      { customerId: 10, key: 2, seq: 9, toTier: 'C' },
      { customerId: 10, key: 2, seq: 8, toTier: 'A' },
    ];
    expect([...tiersAtPoints(same, ids, order, [2])[0]!]).toEqual([2, -1, -1]);
  });
});
