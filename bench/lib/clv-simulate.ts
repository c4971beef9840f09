import { Rng } from './clv-random';

/** The true parameters synthetic customers are drawn from (BG/NBD in weeks, spend in yuan). */
export interface ClvTruth {
  r: number;
  alpha: number;
  a: number;
  b: number;
  p: number;
  q: number;
  gamma: number;
}

/**
 * The published CDNOW estimates (Fader, Hardie & Lee 2005; Gamma-Gamma from their JMR paper):
 * a population whose purchase and spend behaviour is known to be realistic.
 */
export const CDNOW_TRUTH: ClvTruth = {
  r: 0.243,
  alpha: 4.414,
  a: 0.793,
  b: 2.426,
  p: 6.25,
  q: 3.74,
  gamma: 15.44,
};

/**
 * The observation window in whole days: first purchases are spread evenly over the first
 * `acquisitionDays` days (day 0 …), and the history is observed up to `endDay`, inclusive.
 * The defaults give T from 26 to 78 weeks, like a year of acquisitions watched for 18 months.
 */
export interface SimulationWindow {
  acquisitionDays: number;
  endDay: number;
}

export const DEFAULT_WINDOW: SimulationWindow = { acquisitionDays: 365, endDay: 546 };

/** One customer as the BG/NBD generative process makes it. */
export interface SimulatedCustomer {
  /** Day of the first purchase (0 … acquisitionDays − 1). */
  firstDay: number;
  /** Days from the first purchase to each repeat purchase (non-decreasing, ≤ endDay − firstDay). */
  repeatDays: number[];
  /** Spend of the first purchase and of each repeat purchase, in yuan. */
  amounts: number[];
}

/**
 * Draws one customer from the BG/NBD + Gamma-Gamma process (Fader, Hardie & Lee 2005):
 * purchase rate λ ~ Gamma(r, α) per week, dropout p ~ Beta(a, b); from the first purchase at
 * time 0, waits are Exp(λ) and after each repeat purchase the customer drops out with
 * probability p (the likelihood's convention: nobody drops out at the first purchase).
 * Spend: ν ~ Gamma(q, γ), each purchase ~ Gamma(p, ν). Purchase times are continuous and
 * rounded down to the day they fall on, as an order table records them.
 * `withAmounts` false skips the per-purchase spend draws (the caller draws the mean directly).
 */
export function simulateCustomer(
  rng: Rng,
  truth: ClvTruth,
  window: SimulationWindow,
  withAmounts: boolean,
  out: SimulatedCustomer,
): { nu: number } {
  out.firstDay = Math.floor(rng.uniform() * window.acquisitionDays);
  out.repeatDays.length = 0;
  out.amounts.length = 0;
  const lambda = rng.gamma(truth.r, truth.alpha);
  const dropout = rng.beta(truth.a, truth.b);
  const nu = rng.gamma(truth.q, truth.gamma);
  const weeks = (window.endDay - out.firstDay) / 7;
  if (withAmounts) out.amounts.push(rng.gamma(truth.p, nu));
  let t = 0;
  for (;;) {
    // λ can underflow to 0 for shape r < 1: the wait is then infinite and the loop ends.
    t += rng.exponential(lambda);
    if (!(t <= weeks)) break;
    out.repeatDays.push(Math.floor(t * 7));
    if (withAmounts) out.amounts.push(rng.gamma(truth.p, nu));
    if (rng.uniform() < dropout) break;
  }
  return { nu };
}

/** A million customers' (x, t_x, T, z̄) as columns; times in whole days. */
export interface SimulatedSummaries {
  n: number;
  x: Int32Array;
  tXDays: Int32Array;
  TDays: Int32Array;
  /** Mean repeat spend in yuan; 0 when x = 0. */
  zbar: Float64Array;
  repeatPurchases: number;
}

/**
 * `n` customers' summaries straight from the generative process. The mean of x Gamma(p, ν)
 * spends is drawn as one Gamma(p·x, ν) / x (the sum of gammas with a common rate is a gamma),
 * which has exactly the same distribution and costs one draw instead of x.
 */
export function simulateSummaries(
  n: number,
  truth: ClvTruth,
  seed: number,
  window: SimulationWindow = DEFAULT_WINDOW,
): SimulatedSummaries {
  const rng = new Rng(seed);
  const x = new Int32Array(n);
  const tXDays = new Int32Array(n);
  const TDays = new Int32Array(n);
  const zbar = new Float64Array(n);
  const c: SimulatedCustomer = { firstDay: 0, repeatDays: [], amounts: [] };
  let repeatPurchases = 0;
  for (let i = 0; i < n; i++) {
    const { nu } = simulateCustomer(rng, truth, window, false, c);
    const k = c.repeatDays.length;
    x[i] = k;
    tXDays[i] = k > 0 ? c.repeatDays[k - 1]! : 0;
    TDays[i] = window.endDay - c.firstDay;
    zbar[i] = k > 0 ? rng.gamma(truth.p * k, nu) / k : 0;
    repeatPurchases += k;
  }
  return { n, x, tXDays, TDays, zbar, repeatPurchases };
}
