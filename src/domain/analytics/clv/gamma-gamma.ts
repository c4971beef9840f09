import { DomainError, validationError } from '../../errors';
import { logGamma } from '../math/log-gamma';
import { minimizeNelderMead } from '../optimize/nelder-mead';
import { MIN_REPEAT_BUYERS } from './bgnbd';
import { requireNonNegative, requirePositiveParams } from './validate';

/** Gamma-Gamma parameters: spend per purchase ~ Gamma(p, ν), ν ~ Gamma(q, γ). */
export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

/** A repeat buyer's number of repeat purchases and their mean value. */
export interface FrequencyMonetary {
  x: number;
  zbar: number;
}

/** A fitted spend model and what the fit cost. */
export interface GammaGammaFit {
  params: GammaGammaParams;
  logLikelihood: number;
  iterations: number;
  evaluations: number;
  restarts: number;
  converged: boolean;
  /** Customers used: those with x > 0 and zbar > 0. */
  customers: number;
}

function check(p: GammaGammaParams): void {
  requirePositiveParams({ p: p.p, q: p.q, gamma: p.gamma });
}

/**
 * One repeat buyer's Gamma-Gamma log-likelihood (Hardie note 025):
 * ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln γ + (px−1) ln z̄ + px ln x − (px+q) ln(γ + x z̄).
 * Defined only for x > 0 and z̄ > 0.
 */
export function gammaGammaLogLikelihood(params: GammaGammaParams, c: FrequencyMonetary): number {
  check(params);
  requireRepeat(c);
  return ll(params, c.x, c.zbar);
}

function requireRepeat(c: FrequencyMonetary, row?: number): void {
  requireNonNegative('x', c.x, row, true);
  requireNonNegative('zbar', c.zbar, row, true);
}

function ll({ p, q, gamma }: GammaGammaParams, x: number, zbar: number): number {
  const px = p * x;
  return (
    logGamma(px + q) -
    logGamma(px) -
    logGamma(q) +
    q * Math.log(gamma) +
    (px - 1) * Math.log(zbar) +
    px * Math.log(x) -
    (px + q) * Math.log(gamma + x * zbar)
  );
}

/**
 * Σ ln L over the repeat buyers, with everything that depends on the data alone computed once:
 * Σ (px−1) ln z̄ = p·Σ x ln z̄ − Σ ln z̄, and the x-only terms once per distinct x. An evaluation
 * then costs one log per customer plus a few log-gammas per distinct x — on a million customers
 * the fit went from minutes to seconds.
 */
function spendTotal(used: readonly FrequencyMonetary[]): (params: GammaGammaParams) => number {
  const n = used.length;
  const xz = new Float64Array(n);
  const xIndex = new Map<number, number>();
  const xs: number[] = [];
  const xCount: number[] = [];
  let sumXLnZ = 0;
  let sumLnZ = 0;
  used.forEach((c, i) => {
    const lnZ = Math.log(c.zbar);
    sumXLnZ += c.x * lnZ;
    sumLnZ += lnZ;
    xz[i] = c.x * c.zbar;
    const k = xIndex.get(c.x);
    if (k === undefined) {
      xIndex.set(c.x, xs.length);
      xs.push(c.x);
      xCount.push(1);
    } else xCount[k]!++;
  });
  return ({ p, q, gamma }) => {
    let sum = n * (q * Math.log(gamma) - logGamma(q)) + p * sumXLnZ - sumLnZ;
    for (let k = 0; k < xs.length; k++) {
      const px = p * xs[k]!;
      sum += xCount[k]! * (logGamma(px + q) - logGamma(px) + px * Math.log(xs[k]!));
    }
    // −(px+q) ln(γ + x z̄): the only term that needs each customer.
    for (let i = 0; i < n; i++) {
      sum -= (p * used[i]!.x + q) * Math.log(gamma + xz[i]!);
    }
    return sum;
  };
}

/**
 * Maximum-likelihood fit on the customers with x > 0 and z̄ > 0 (others carry no spend
 * information and are skipped), over log-parameters by Nelder–Mead with restarts from (1, 1, 1).
 * Throws when fewer than {@link MIN_REPEAT_BUYERS} such customers remain — including the cases
 * where nobody repeated or every repeat spend is zero.
 */
export function fitGammaGamma(customers: readonly FrequencyMonetary[]): GammaGammaFit {
  const used: FrequencyMonetary[] = [];
  customers.forEach((c, i) => {
    requireNonNegative('x', c.x, i + 1);
    requireNonNegative('zbar', c.zbar, i + 1);
    if (c.x > 0 && c.zbar > 0) used.push(c);
  });
  if (used.length < MIN_REPEAT_BUYERS) {
    throw validationError(
      `Gamma-Gamma needs at least ${MIN_REPEAT_BUYERS} repeat buyers with positive spend to fit`,
      [
        {
          field: 'zbar',
          message: `only ${used.length} customers have x > 0 and zbar > 0`,
          value: used.length,
          expected: `>= ${MIN_REPEAT_BUYERS}`,
        },
      ],
    );
  }
  const toParams = (v: readonly number[]): GammaGammaParams => ({
    p: Math.exp(v[0]!),
    q: Math.exp(v[1]!),
    gamma: Math.exp(v[2]!),
  });
  const total = spendTotal(used);
  const result = minimizeNelderMead((v) => -total(toParams(v)) / used.length, [0, 0, 0], {
    fTolerance: 1e-13,
    xTolerance: 1e-9,
  });
  const params = toParams(result.x);
  const logLikelihood = total(params);
  if (!Number.isFinite(logLikelihood)) {
    throw new DomainError('INTERNAL', 'Gamma-Gamma fit ended at a non-finite likelihood', {
      params,
    });
  }
  return {
    params,
    logLikelihood,
    iterations: result.iterations,
    evaluations: result.evaluations,
    restarts: result.restarts,
    converged: result.converged,
    customers: used.length,
  };
}

/**
 * E[M | x, z̄] = (p(γ + x z̄)) / (px + q − 1): a weighted mean of the population mean γp/(q−1)
 * and the customer's own z̄ (note 025). For x = 0 it is the population mean. Needs q > 1, where
 * the population mean exists; otherwise throws.
 */
export function gammaGammaExpectedSpend(params: GammaGammaParams, c: FrequencyMonetary): number {
  check(params);
  requireNonNegative('x', c.x);
  requireNonNegative('zbar', c.zbar);
  if (params.q <= 1) {
    throw validationError('q must be > 1 for the expected spend to exist', [
      { field: 'q', message: 'must be > 1', value: params.q, expected: '> 1' },
    ]);
  }
  const { p, q, gamma } = params;
  const zbar = c.x === 0 ? 0 : c.zbar;
  return (p * (gamma + c.x * zbar)) / (p * c.x + q - 1);
}
