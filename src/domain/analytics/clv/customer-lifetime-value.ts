import { validationError } from '../../errors';
import type { BgNbdParams } from './bgnbd';
import { bgnbdConditionalExpectedPurchases } from './bgnbd-predict';
import { type GammaGammaParams, gammaGammaExpectedSpend } from './gamma-gamma';
import { requireNonNegative, requireSummary } from './validate';

/** Horizon and discounting for {@link customerLifetimeValue}. */
export interface ClvHorizon {
  /** Number of whole periods to sum over (≥ 1). */
  periods: number;
  /**
   * Length of one period in the model's time unit. With weekly summaries a month is 52/12 ≈ 4.345.
   * lifetimes' default (`freq="D"`) uses 30 per "month", i.e. 30 weeks on weekly data.
   */
  periodLength: number;
  /** Discount rate per period (0.01 = 1 % a period), ≥ 0. */
  discountRate: number;
}

/** One customer's history as both models need it. */
export interface ClvCustomer {
  x: number;
  tX: number;
  T: number;
  zbar: number;
}

/**
 * Discounted expected value of a customer's future purchases:
 * Σ_{k=1..H} E[M] · (E[Y(kL)] − E[Y((k−1)L)]) / (1 + d)^k,
 * with E[Y] from BG/NBD given (x, t_x, T), E[M] from Gamma-Gamma given (x, z̄), L the period
 * length and d the per-period rate. Purchases in period k are discounted at its end — the same
 * convention as lifetimes' `customer_lifetime_value`, so results match it for equal L.
 */
export function customerLifetimeValue(
  bgnbd: BgNbdParams,
  spend: GammaGammaParams,
  customer: ClvCustomer,
  horizon: ClvHorizon,
): number {
  const { periods, periodLength, discountRate } = horizon;
  requireNonNegative('periods', periods, undefined, true);
  if (!Number.isInteger(periods)) {
    throw validationError('periods must be a whole number', [
      { field: 'periods', message: 'must be a whole number ≥ 1', value: periods },
    ]);
  }
  requireNonNegative('periodLength', periodLength, undefined, true);
  requireNonNegative('discountRate', discountRate);
  requireSummary(customer.x, customer.tX, customer.T);
  const m = gammaGammaExpectedSpend(spend, customer);
  let value = 0;
  let previous = 0;
  for (let k = 1; k <= periods; k++) {
    const cumulative = bgnbdConditionalExpectedPurchases(bgnbd, k * periodLength, customer);
    value += (m * (cumulative - previous)) / (1 + discountRate) ** k;
    previous = cumulative;
  }
  return value;
}
