import { validationError } from '../../errors';
import { hyp2f1 } from '../math/hyp2f1';
import { logBeta, logGamma } from '../math/log-gamma';
import type { BgNbdParams, FrequencyRecency } from './bgnbd';
import { requireNonNegative, requirePositiveParams, requireSummary } from './validate';

/** The formulas below divide by a − 1; at a = 1 they are a removable singularity. */
const A_NEAR_ONE = 1e-6;

function check(p: BgNbdParams): void {
  requirePositiveParams({ r: p.r, alpha: p.alpha, a: p.a, b: p.b });
}

/** The same formula evaluated either side of a = 1 and averaged (the limit is smooth in a). */
function aroundOne(p: BgNbdParams, f: (p: BgNbdParams) => number): number {
  if (Math.abs(p.a - 1) >= A_NEAR_ONE) return f(p);
  return 0.5 * (f({ ...p, a: 1 - 1e-4 }) + f({ ...p, a: 1 + 1e-4 }));
}

/**
 * P(alive | x, t_x, T) = 1 / (1 + δ_{x>0} · a/(b+x−1) · ((α+T)/(α+t_x))^{r+x})
 * (Fader, Hardie & Lee 2005, eq. 11), computed with the ratio in logs. A customer with no repeat
 * purchase is alive by the model's assumption (dropout only happens right after a purchase).
 */
export function bgnbdProbabilityAlive(p: BgNbdParams, c: FrequencyRecency): number {
  check(p);
  requireSummary(c.x, c.tX, c.T);
  return pAlive(p, c);
}

function pAlive(p: BgNbdParams, c: FrequencyRecency): number {
  if (c.x === 0) return 1;
  const logRatio =
    Math.log(p.a) -
    Math.log(p.b + c.x - 1) +
    (p.r + c.x) * (Math.log(p.alpha + c.T) - Math.log(p.alpha + c.tX));
  return 1 / (1 + Math.exp(logRatio));
}

/**
 * E[X(t)], the expected purchases of a new customer in (0, t] (FHL 2005, eq. 9):
 * (a+b−1)/(a−1) · [1 − (α/(α+t))^r ₂F₁(r, b; a+b−1; t/(α+t))].
 * Euler's transformation turns (1−z)^r ₂F₁(r, b; c; z) into (1−z)^{a−1} ₂F₁(c−r, a−1; c; z),
 * which has no large prefactor to cancel.
 */
export function bgnbdExpectedPurchases(p: BgNbdParams, t: number): number {
  check(p);
  requireNonNegative('t', t);
  if (t === 0) return 0;
  return aroundOne(p, ({ r, alpha, a, b }) => {
    const z = t / (alpha + t);
    const c = a + b - 1;
    return (c / (a - 1)) * (1 - (1 - z) ** (a - 1) * hyp2f1(c - r, a - 1, c, z));
  });
}

/**
 * E[Y(t) | x, t_x, T], the expected purchases in the next t time units of a customer with the
 * given history (FHL 2005, eq. 10). The ₂F₁ is taken in its Euler-transformed form as above,
 * with z = t/(α+T+t); the denominator is folded into P(alive).
 */
export function bgnbdConditionalExpectedPurchases(
  p: BgNbdParams,
  t: number,
  cust: FrequencyRecency,
): number {
  check(p);
  requireNonNegative('t', t);
  requireSummary(cust.x, cust.tX, cust.T);
  if (t === 0) return 0;
  return aroundOne(p, (q) => {
    const { r, alpha, a, b } = q;
    const { x, T } = cust;
    const z = t / (alpha + T + t);
    const c = a + b + x - 1;
    const bracket = 1 - (1 - z) ** (a - 1) * hyp2f1(a + b - 1 - r, a - 1, c, z);
    return (c / (a - 1)) * bracket * pAlive(q, cust);
  });
}

/**
 * P(X(t) = n) for a new customer (FHL 2005, eq. 8). The negative-binomial tail
 * 1 − Σ_{j<n} NB(j) is summed directly when the head is large, so small probabilities
 * keep their relative precision instead of cancelling.
 */
export function bgnbdProbabilityOfPurchases(p: BgNbdParams, t: number, n: number): number {
  check(p);
  requireNonNegative('t', t);
  requireNonNegative('n', n);
  if (!Number.isInteger(n)) {
    throw validationError('n must be a whole number', [
      { field: 'n', message: 'must be a whole number', value: n },
    ]);
  }
  if (t === 0) return n === 0 ? 1 : 0;
  const { r, alpha, a, b } = p;
  const logQ = Math.log(alpha / (alpha + t));
  const logP = Math.log(t / (alpha + t));
  const logNb = (j: number) =>
    logGamma(r + j) - logGamma(r) - logGamma(j + 1) + r * logQ + j * logP;
  const first = Math.exp(logBeta(a, b + n) - logBeta(a, b) + logNb(n));
  if (n === 0) return first;
  let head = 0;
  for (let j = 0; j < n; j++) head += Math.exp(logNb(j));
  let tail = 1 - head;
  if (head > 0.5) {
    tail = 0;
    let term = Math.exp(logNb(n));
    const ratio = Math.exp(logP);
    for (let j = n; j < n + 1_000_000 && term > 1e-18 * tail; j++) {
      tail += term;
      term *= ((r + j) / (j + 1)) * ratio;
    }
  }
  return first + Math.exp(logBeta(a + 1, b + n - 1) - logBeta(a, b)) * Math.max(0, tail);
}
