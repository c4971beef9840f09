import { DomainError, validationError } from '../../errors';
import { logGamma } from '../math/log-gamma';
import { logAddExp } from '../math/log-sum-exp';
import { minimizeNelderMead } from '../optimize/nelder-mead';
import { requirePositiveParams, requireSummary } from './validate';

/** BG/NBD parameters: purchase rate ~ Gamma(r, α); dropout probability ~ Beta(a, b). */
export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** What the BG/NBD model needs of one customer (weeks, or any one time unit used throughout). */
export interface FrequencyRecency {
  x: number;
  tX: number;
  T: number;
}

/** A fitted model and what the fit cost. */
export interface BgNbdFit {
  params: BgNbdParams;
  logLikelihood: number;
  iterations: number;
  evaluations: number;
  restarts: number;
  converged: boolean;
}

/** Fewer repeat buyers than this leaves the dropout process unidentifiable. */
export const MIN_REPEAT_BUYERS = 10;

/**
 * One customer's BG/NBD log-likelihood (Fader, Hardie & Lee 2005, eq. 6), in the form of Hardie
 * note 027: ln L = A₁ + A₂ + ln(e^{A₃} + δ_{x>0} e^{A₄}), with every term in logs so heavy
 * buyers (x in the hundreds) neither overflow nor lose precision.
 */
export function bgnbdLogLikelihood(p: BgNbdParams, c: FrequencyRecency): number {
  requirePositiveParams({ r: p.r, alpha: p.alpha, a: p.a, b: p.b });
  requireSummary(c.x, c.tX, c.T);
  return logLikelihoodUnchecked(p, c.x, c.tX, c.T);
}

function logLikelihoodUnchecked(p: BgNbdParams, x: number, tX: number, T: number): number {
  const { r, alpha, a, b } = p;
  const a1 = logGamma(r + x) - logGamma(r) + r * Math.log(alpha);
  const a2 = logGamma(a + b) + logGamma(b + x) - logGamma(b) - logGamma(a + b + x);
  const a3 = -(r + x) * Math.log(alpha + T);
  if (x === 0) return a1 + a2 + a3;
  const a4 = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tX);
  return a1 + a2 + logAddExp(a3, a4);
}

/** Sum of the customers' log-likelihoods. */
export function bgnbdTotalLogLikelihood(
  p: BgNbdParams,
  customers: readonly FrequencyRecency[],
): number {
  requirePositiveParams({ r: p.r, alpha: p.alpha, a: p.a, b: p.b });
  const groups = groupCustomers(customers);
  return totalGrouped(p, groups);
}

interface Group {
  x: number;
  tX: number;
  T: number;
  count: number;
}

/** Identical (x, t_x, T) rows share one likelihood term; on rounded data this halves the work. */
function groupCustomers(customers: readonly FrequencyRecency[]): Group[] {
  const map = new Map<string, Group>();
  customers.forEach((c, i) => {
    requireSummary(c.x, c.tX, c.T, i + 1);
    const key = `${c.x}|${c.tX}|${c.T}`;
    const g = map.get(key);
    if (g) g.count++;
    else map.set(key, { x: c.x, tX: c.tX, T: c.T, count: 1 });
  });
  return [...map.values()];
}

function totalGrouped(p: BgNbdParams, groups: readonly Group[]): number {
  let sum = 0;
  for (const g of groups) sum += g.count * logLikelihoodUnchecked(p, g.x, g.tX, g.T);
  return sum;
}

/**
 * Maximum-likelihood fit. The search runs over log-parameters so every trial point is valid
 * (positive), by Nelder–Mead with restarts from (r, α, a, b) = (1, 1, 1, 1) unless a start is
 * given. Needs at least {@link MIN_REPEAT_BUYERS} customers with x > 0.
 */
export function fitBgNbd(
  customers: readonly FrequencyRecency[],
  options: { start?: BgNbdParams; maxEvaluations?: number } = {},
): BgNbdFit {
  const groups = groupCustomers(customers);
  const repeatBuyers = customers.filter((c) => c.x > 0).length;
  if (repeatBuyers < MIN_REPEAT_BUYERS) {
    throw validationError(`BG/NBD needs at least ${MIN_REPEAT_BUYERS} repeat buyers to fit`, [
      {
        field: 'x',
        message: `only ${repeatBuyers} customers have x > 0`,
        value: repeatBuyers,
        expected: `>= ${MIN_REPEAT_BUYERS}`,
      },
    ]);
  }
  const s = options.start ?? { r: 1, alpha: 1, a: 1, b: 1 };
  requirePositiveParams({ r: s.r, alpha: s.alpha, a: s.a, b: s.b });
  const toParams = (v: readonly number[]): BgNbdParams => ({
    r: Math.exp(v[0]!),
    alpha: Math.exp(v[1]!),
    a: Math.exp(v[2]!),
    b: Math.exp(v[3]!),
  });
  // Scale by the customer count so the tolerances mean the same on small and large data.
  const n = customers.length;
  const result = minimizeNelderMead(
    (v) => -totalGrouped(toParams(v), groups) / n,
    [Math.log(s.r), Math.log(s.alpha), Math.log(s.a), Math.log(s.b)],
    { maxEvaluations: options.maxEvaluations ?? 20_000, fTolerance: 1e-13, xTolerance: 1e-9 },
  );
  const params = toParams(result.x);
  const logLikelihood = totalGrouped(params, groups);
  if (!Number.isFinite(logLikelihood)) {
    throw new DomainError('INTERNAL', 'BG/NBD fit ended at a non-finite likelihood', { params });
  }
  return {
    params,
    logLikelihood,
    iterations: result.iterations,
    evaluations: result.evaluations,
    restarts: result.restarts,
    converged: result.converged,
  };
}
