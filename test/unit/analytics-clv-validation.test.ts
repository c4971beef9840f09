import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bgnbdLogLikelihood,
  bgnbdTotalLogLikelihood,
  fitBgNbd,
} from '../../src/domain/analytics/clv/bgnbd';
import {
  bgnbdConditionalExpectedPurchases,
  bgnbdExpectedPurchases,
  bgnbdProbabilityAlive,
  bgnbdProbabilityOfPurchases,
} from '../../src/domain/analytics/clv/bgnbd-predict';
import { customerLifetimeValue } from '../../src/domain/analytics/clv/customer-lifetime-value';
import {
  fitGammaGamma,
  gammaGammaExpectedSpend,
  gammaGammaLogLikelihood,
} from '../../src/domain/analytics/clv/gamma-gamma';
import { DomainError } from '../../src/domain/errors';

const P = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const GG = { p: 6.25, q: 3.74, gamma: 15.44 };

/** Runs f and returns the DomainError's first field issue. */
function issueOf(f: () => unknown): { field: string; row?: number } {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    const issues = (e as DomainError).details.issues as { field: string; row?: number }[];
    return issues[0]!;
  }
  throw new Error('expected a DomainError');
}

describe('CLV models reject bad input with the field named', () => {
  it('refuses to fit BG/NBD without enough repeat buyers', () => {
    const none = Array.from({ length: 50 }, () => ({ x: 0, tX: 0, T: 10 }));
    expect(() => fitBgNbd(none)).toThrow(/at least 10 repeat buyers/);
    const few = [...none, ...Array.from({ length: 9 }, () => ({ x: 2, tX: 5, T: 10 }))];
    expect(issueOf(() => fitBgNbd(few)).field).toBe('x');
  });

  it('checks every summary and parameter', () => {
    expect(issueOf(() => bgnbdTotalLogLikelihood(P, [{ x: 1, tX: 11, T: 10 }]))).toMatchObject({
      field: 't_x',
      row: 1,
    });
    expect(issueOf(() => bgnbdLogLikelihood(P, { x: 1.5, tX: 1, T: 10 })).field).toBe('x');
    expect(issueOf(() => bgnbdLogLikelihood(P, { x: 1, tX: 1, T: Number.NaN })).field).toBe('T');
    expect(issueOf(() => bgnbdLogLikelihood({ ...P, a: -1 }, { x: 0, tX: 0, T: 1 })).field).toBe(
      'a',
    );
    expect(issueOf(() => bgnbdExpectedPurchases({ ...P, r: Infinity }, 1)).field).toBe('r');
    expect(issueOf(() => bgnbdExpectedPurchases(P, -1)).field).toBe('t');
    expect(issueOf(() => bgnbdProbabilityOfPurchases(P, 1, 1.5)).field).toBe('n');
    expect(issueOf(() => bgnbdProbabilityAlive(P, { x: -1, tX: 0, T: 1 })).field).toBe('x');
  });

  it('refuses Gamma-Gamma fits with no usable spend', () => {
    const zeroSpend = Array.from({ length: 30 }, () => ({ x: 3, zbar: 0 }));
    expect(issueOf(() => fitGammaGamma(zeroSpend)).field).toBe('zbar');
    expect(() => fitGammaGamma([{ x: 0, zbar: 0 }])).toThrow(/at least 10 repeat buyers/);
    expect(issueOf(() => fitGammaGamma([{ x: 1, zbar: -5 }]))).toMatchObject({
      field: 'zbar',
      row: 1,
    });
    expect(issueOf(() => gammaGammaLogLikelihood(GG, { x: 0, zbar: 10 })).field).toBe('x');
    expect(issueOf(() => gammaGammaExpectedSpend({ ...GG, q: 0.9 }, { x: 1, zbar: 1 })).field).toBe(
      'q',
    );
  });

  it('refuses a CLV horizon of zero or a negative discount rate', () => {
    const c = { x: 2, tX: 30, T: 39, zbar: 20 };
    const h = { periods: 12, periodLength: 4.345, discountRate: 0.01 };
    expect(issueOf(() => customerLifetimeValue(P, GG, c, { ...h, periods: 0 })).field).toBe(
      'periods',
    );
    expect(issueOf(() => customerLifetimeValue(P, GG, c, { ...h, periods: 1.5 })).field).toBe(
      'periods',
    );
    expect(issueOf(() => customerLifetimeValue(P, GG, c, { ...h, periodLength: 0 })).field).toBe(
      'periodLength',
    );
    expect(issueOf(() => customerLifetimeValue(P, GG, c, { ...h, discountRate: -0.1 })).field).toBe(
      'discountRate',
    );
    expect(customerLifetimeValue(P, GG, c, h)).toBeGreaterThan(0);
  });
});

describe('CLV model outputs stay finite and in range', () => {
  const params = fc.record({
    r: fc.double({ min: 0.01, max: 20, noNaN: true }),
    alpha: fc.double({ min: 0.01, max: 100, noNaN: true }),
    a: fc.double({ min: 0.01, max: 20, noNaN: true }),
    b: fc.double({ min: 0.01, max: 20, noNaN: true }),
  });
  const customer = fc
    .record({
      x: fc.integer({ min: 0, max: 300 }),
      T: fc.double({ min: 0.1, max: 200, noNaN: true }),
      share: fc.double({ min: 0, max: 1, noNaN: true }),
    })
    .map(({ x, T, share }) => ({ x, T, tX: x === 0 ? 0 : share * T }));

  it('gives finite likelihoods, P(alive) in [0, 1] and E[Y(t)] ≥ 0 rising in t', () => {
    fc.assert(
      fc.property(params, customer, fc.double({ min: 0.1, max: 200, noNaN: true }), (p, c, t) => {
        expect(Number.isFinite(bgnbdLogLikelihood(p, c))).toBe(true);
        const alive = bgnbdProbabilityAlive(p, c);
        expect(alive).toBeGreaterThanOrEqual(0);
        expect(alive).toBeLessThanOrEqual(1);
        const e1 = bgnbdConditionalExpectedPurchases(p, t, c);
        const e2 = bgnbdConditionalExpectedPurchases(p, 2 * t, c);
        expect(Number.isFinite(e1) && Number.isFinite(e2)).toBe(true);
        expect(e1).toBeGreaterThanOrEqual(-1e-9);
        expect(e2).toBeGreaterThanOrEqual(e1 - 1e-9 * Math.max(1, e1));
      }),
      { numRuns: 300 },
    );
  });

  it('is continuous through a = 1, where the formulas divide by a − 1', () => {
    const at = (a: number) =>
      bgnbdConditionalExpectedPurchases({ ...P, a }, 39, { x: 3, tX: 20, T: 39 });
    const mid = (f: (a: number) => number) => (f(1 + 1e-3) + f(1 - 1e-3)) / 2;
    expect(at(1)).toBeCloseTo(mid(at), 6);
    const ex = (a: number) => bgnbdExpectedPurchases({ ...P, a }, 52);
    expect(ex(1)).toBeCloseTo(mid(ex), 6);
  });
});
