import { describe, expect, it } from 'vitest';
import { fitBgNbd } from '../../src/domain/analytics/clv/bgnbd';
import { customerLifetimeValue } from '../../src/domain/analytics/clv/customer-lifetime-value';
import {
  fitGammaGamma,
  type GammaGammaParams,
  gammaGammaExpectedSpend,
  gammaGammaLogLikelihood,
} from '../../src/domain/analytics/clv/gamma-gamma';
import { buildRfmSummary } from '../../src/domain/analytics/clv/rfm-summary';
import { cdnowTransactions, sharedData } from '../factories/cdnow';

/** lifetimes' `cdnow_customers_summary_with_transactions.csv` (2-decimal t_x, T, zbar). */
const rounded = sharedData('cdnow_customers_summary_with_transactions.csv')
  .trim()
  .split(/\r?\n/)
  .slice(1)
  .map((l) => {
    const [id, x, tX, T, zbar] = l.split(',').map(Number) as number[];
    return { id: id!, x: x!, tX: tX!, T: T!, zbar: zbar! };
  });
const exact = buildRfmSummary(cdnowTransactions(), '1997-09-30');
const rel = (actual: number, expected: number) => Math.abs(actual / expected - 1);
const KEYS = ['p', 'q', 'gamma'] as const;

describe('Gamma-Gamma on CDNOW', () => {
  const fit = fitGammaGamma(exact);
  const fitRounded = fitGammaGamma(rounded);

  it('reproduces p, q, γ and LL of the paper and CLVTools on exact zbar', () => {
    expect(fit.converged).toBe(true);
    expect(fit.customers).toBe(946);
    const paper: GammaGammaParams = { p: 6.25, q: 3.74, gamma: 15.44 };
    for (const k of KEYS) expect(fit.params[k]).toBeCloseTo(paper[k], 2);
    const precise: GammaGammaParams = { p: 6.249574, q: 3.744225, gamma: 15.443518 };
    for (const k of KEYS) expect(rel(fit.params[k], precise[k])).toBeLessThan(1e-5);
    expect(rel(fit.logLikelihood, -4055.9177)).toBeLessThan(1e-6);
    const sum = exact
      .filter((c) => c.x > 0)
      .reduce((s, c) => s + gammaGammaLogLikelihood(fit.params, c), 0);
    expect(sum).toBeCloseTo(fit.logLikelihood, 8);
  });

  it('reproduces the 2-decimal-file fit', () => {
    const precise: GammaGammaParams = { p: 6.248803, q: 3.744588, gamma: 15.447746 };
    for (const k of KEYS) expect(rel(fitRounded.params[k], precise[k])).toBeLessThan(1e-5);
    expect(rel(fitRounded.logLikelihood, -4055.9232)).toBeLessThan(1e-6);
  });

  it('gives E[M | x, zbar] for IDs 1..10 and the mean over all customers', () => {
    const expected = [24.65, 18.91, 35.17, 35.17, 35.17, 71.46, 18.91, 35.17, 27.28, 35.17];
    rounded.slice(0, 10).forEach((c, i) => {
      expect(Math.abs(gammaGammaExpectedSpend(fitRounded.params, c) - expected[i]!)).toBeLessThan(
        0.1,
      );
    });
    const mean =
      rounded.reduce((s, c) => s + gammaGammaExpectedSpend(fitRounded.params, c), 0) /
      rounded.length;
    expect(mean).toBeCloseTo(35.2529588, 4);
  });

  it('matches lifetimes’ CLV for IDs 1..10 with its 30-units-a-month convention', () => {
    const bg = fitBgNbd(rounded).params;
    const expected = [
      140.096, 18.943, 38.181, 38.181, 38.181, 1003.868, 28.11, 38.181, 167.418, 38.181,
    ];
    rounded.slice(0, 10).forEach((c, i) => {
      const clv = customerLifetimeValue(bg, fitRounded.params, c, {
        periods: 12,
        periodLength: 30,
        discountRate: 0.01,
      });
      expect(clv).toBeCloseTo(expected[i]!, 2);
    });
  });
});
