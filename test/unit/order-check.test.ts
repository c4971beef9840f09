import { describe, expect, it } from 'vitest';
import { defaultCatalog } from '../../src/domain/policy/default-catalog';
import { checkOrder, type OrderCheckInput } from '../../src/domain/policy/order-check';
import { type OrderInput, parseOrder } from '../../src/domain/policy/order-input.schema';
import { compareQueue, queuePriority } from '../../src/domain/policy/order-queue';
import { effectiveTerm } from '../../src/domain/policy/payment-terms';

const TIERS = ['A', 'B', 'C', 'D'];
const catalog = defaultCatalog(TIERS);
const TODAY = '2026-11-27';

/** An order far enough out for every tier, at the internal price, on the strictest terms. */
function order(over: Partial<OrderInput> = {}): OrderInput {
  return {
    lines: [
      { product: 'Pump P-100', quantity: 10, internalPriceMinor: 10_000 },
      { product: 'Valve V-2', quantity: 3, internalPriceMinor: 2_999 },
    ],
    requestedDiscountPct: 0,
    paymentTerm: 'prepay',
    deliveryDate: '2027-03-01',
    rush: false,
    ...over,
  };
}

function check(tier: string | null, o: OrderInput, stepsDown = 0) {
  const policy = catalog.tiers.find((p) => p.tier === tier) ?? null;
  const input: OrderCheckInput = {
    tier,
    policy,
    catalog,
    tierOrder: TIERS,
    effectiveTerm: policy ? effectiveTerm(catalog, policy.paymentTerm, stepsDown) : null,
    score: 80,
    today: TODAY,
    order: o,
  };
  return checkOrder(input);
}

describe('order check against the seed policies', () => {
  it('lets A take 5% off, and prices the floor per line and in total', () => {
    const r = check('A', order({ requestedDiscountPct: 5, paymentTerm: 'deferred_90' }));
    expect(r.allowed).toBe(true);
    expect(r.reasons).toEqual([]);
    expect(r.maxDiscountPct).toBe(5);
    expect(r.lines[0]).toMatchObject({
      unitFloorMinor: 9_500,
      priceFloorMinor: 95_000,
      requestedAmountMinor: 95_000,
    });
    // 2999 × 0.95 = 2849.05 → the floor rounds up to 2850 a unit.
    expect(r.lines[1]).toMatchObject({ unitFloorMinor: 2_850, priceFloorMinor: 8_550 });
    expect(r.totals).toEqual({
      internalMinor: 108_997,
      priceFloorMinor: 103_550,
      requestedMinor: 95_000 + 3 * 2_849,
    });
    expect(r.review).toBe('light');
  });

  it('refuses B asking 4%, naming the 3% cap', () => {
    const r = check('B', order({ requestedDiscountPct: 4 }));
    expect(r.allowed).toBe(false);
    expect(r.reasons).toEqual([
      expect.objectContaining({
        code: 'discount_above_cap',
        field: 'requestedDiscountPct',
        limit: 3,
        requested: 4,
      }),
    ]);
    expect(r.reasons[0]?.message).toMatch(/at most 3%/);
    expect(check('B', order({ requestedDiscountPct: 3 })).allowed).toBe(true);
  });

  it('lets C buy at the internal price but not below it', () => {
    expect(check('C', order()).allowed).toBe(true);
    const r = check('C', order({ requestedDiscountPct: 0.5 }));
    expect(r.reasons.map((x) => x.code)).toEqual(['discount_above_cap']);
    expect(r.lines[0]?.unitFloorMinor).toBe(10_000);
  });

  it('makes D pay 5% above the internal price, and marks its orders for strict review', () => {
    const atInternal = check('D', order());
    expect(atInternal.allowed).toBe(false);
    expect(atInternal.reasons[0]).toMatchObject({ code: 'discount_above_cap', limit: -5 });
    const r = check('D', order({ requestedDiscountPct: -5 }));
    expect(r.allowed).toBe(true);
    expect(r.lines[0]).toMatchObject({ unitFloorMinor: 10_500, requestedUnitMinor: 10_500 });
    expect(r.review).toBe('strict');
  });

  it('refuses terms above the customer level; a late-payment step limits A to cod_or_30', () => {
    const b = check('B', order({ paymentTerm: 'deferred_90' }));
    expect(b.reasons).toEqual([
      expect.objectContaining({
        code: 'terms_above_level',
        field: 'paymentTerm',
        limit: 'cod_or_30',
        requested: 'deferred_90',
      }),
    ]);
    expect(check('B', order({ paymentTerm: 'cod_or_30' })).allowed).toBe(true);
    expect(check('A', order({ paymentTerm: 'deferred_90' })).allowed).toBe(true);
    const late = check('A', order({ paymentTerm: 'deferred_90' }), 1);
    expect(late.reasons[0]).toMatchObject({ code: 'terms_above_level', limit: 'cod_or_30' });
    expect(check('A', order({ paymentTerm: 'cod_or_30' }), 1).allowed).toBe(true);
  });

  it('refuses delivery before today + lead time, naming the earliest date', () => {
    const r = check('A', order({ deliveryDate: '2026-12-16' }));
    expect(r.earliestDelivery).toBe('2026-12-17');
    expect(r.reasons).toEqual([
      expect.objectContaining({
        code: 'delivery_before_lead_time',
        field: 'deliveryDate',
        limit: '2026-12-17',
      }),
    ]);
    expect(r.reasons[0]?.message).toContain('2026-12-17');
    expect(check('A', order({ deliveryDate: '2026-12-17' })).allowed).toBe(true);
    expect(check('C', order({ deliveryDate: '2027-01-05' })).allowed).toBe(false);
    expect(check('C', order({ deliveryDate: '2027-01-06' })).allowed).toBe(true);
  });

  it('lists every reason, not only the first', () => {
    const r = check(
      'C',
      order({
        requestedDiscountPct: 10,
        paymentTerm: 'deferred_90',
        deliveryDate: '2026-11-28',
        rush: true,
      }),
    );
    expect(r.reasons.map((x) => x.code)).toEqual([
      'discount_above_cap',
      'terms_above_level',
      'delivery_before_lead_time',
      'rush_not_allowed',
    ]);
  });

  it('refuses a customer without a tier', () => {
    const r = check(null, order());
    expect(r.allowed).toBe(false);
    expect(r.reasons.map((x) => x.code)).toEqual(['no_tier']);
    expect(r.review).toBeNull();
  });
});

describe('order queue priority', () => {
  it('puts tiers first, then jump_queue rush, by_capacity rush, plain orders, score, time', () => {
    expect(queuePriority(0, 'jump_queue', true)).toBeLessThan(
      queuePriority(0, 'jump_queue', false),
    );
    expect(queuePriority(1, 'by_capacity', true)).toBe(4);
    expect(queuePriority(1, 'by_capacity', false)).toBe(5);
    expect(queuePriority(2, 'none', true)).toBe(queuePriority(2, 'none', false));
    expect(queuePriority(0, 'jump_queue', false)).toBeLessThan(
      queuePriority(1, 'by_capacity', true),
    );
    const rows = [
      { id: 1, priority: 5, score: 90, createdAt: '2026-11-27T01:00:00.000Z' },
      { id: 2, priority: 5, score: 95, createdAt: '2026-11-27T02:00:00.000Z' },
      { id: 3, priority: 4, score: null, createdAt: '2026-11-27T03:00:00.000Z' },
      { id: 4, priority: 5, score: 95, createdAt: '2026-11-27T00:30:00.000Z' },
      { id: 5, priority: 5, score: null, createdAt: '2026-11-27T00:00:00.000Z' },
    ];
    expect(rows.sort(compareQueue).map((r) => r.id)).toEqual([3, 4, 2, 1, 5]);
  });
});

describe('order input', () => {
  const ladder = catalog.paymentTerms;
  const issuesOf = (raw: unknown) => {
    const r = parseOrder(raw, ladder);
    return r.ok ? [] : r.issues;
  };

  it('names the field and line of each problem', () => {
    const issues = issuesOf({
      lines: [
        { product: 'a', quantity: 1, internalPriceMinor: 100 },
        { product: 'b', quantity: 0, internalPriceMinor: 100 },
        { product: 'c', quantity: 2 },
      ],
      requestedDiscountPct: 120,
      paymentTerm: 'cod_or_30',
      deliveryDate: '2026-02-30',
    });
    const byField = Object.fromEntries(issues.map((i) => [i.field, i.message]));
    expect(byField['lines.1.quantity']).toMatch(/more than 0/);
    expect(byField['lines.2.internalPriceMinor']).toMatch(/internalPriceMinor is required/);
    expect(byField.requestedDiscountPct).toMatch(/at most 100/);
    expect(byField.deliveryDate).toMatch(/YYYY-MM-DD/);
  });

  it('refuses a discount that is not a number and a term not on the ladder', () => {
    expect(issuesOf({ ...order(), requestedDiscountPct: 'five' })).toEqual([
      { field: 'requestedDiscountPct', message: expect.stringMatching(/must be a number/) },
    ]);
    expect(issuesOf({ ...order(), paymentTerm: 'deferred_180' })).toEqual([
      { field: 'paymentTerm', message: expect.stringMatching(/not on the ladder.*deferred_90/) },
    ]);
    expect(parseOrder(order(), ladder)).toMatchObject({ ok: true });
  });
});
