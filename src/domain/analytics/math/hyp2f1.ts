import { DomainError, validationError } from '../../errors';
import { gammaSign, isNonPositiveInteger, logGamma } from './log-gamma';

/** Above this argument the series in z converges slowly; switch to the series in 1 − z. */
const TRANSFORM_ABOVE = 0.9;
/** c − a − b closer than this to an integer makes the 1 − z formula singular term by term. */
const INTEGER_GAP = 1e-4;
const MAX_TERMS = 200_000;

/**
 * Gauss hypergeometric function ₂F₁(a, b; c; z) for real parameters and −1 < z < 1.
 *
 * For z ≤ 0.9 the defining power series is summed directly. Above that it uses the linear
 * transformation to 1 − z (Abramowitz & Stegun 15.3.6 / DLMF 15.8.4), whose two series converge
 * fast. When c − a − b is (nearly) an integer that formula has cancelling poles; the value is then
 * interpolated in b through four points at c − a − b = m ± h, m ± 2h (h = 1e-4): ₂F₁ is analytic
 * in b, so the cubic is exact to O(h⁴), while h keeps the cancellation in each point near 1e-12.
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  for (const [field, value] of [
    ['a', a],
    ['b', b],
    ['c', c],
    ['z', z],
  ] as const) {
    if (!Number.isFinite(value)) {
      throw validationError(`hyp2f1: ${field} must be finite`, [
        { field, message: 'must be finite', value },
      ]);
    }
  }
  if (z <= -1 || z >= 1) {
    throw validationError('hyp2f1: z must lie in (-1, 1)', [
      { field: 'z', message: 'must lie in (-1, 1)', value: z },
    ]);
  }
  if (isNonPositiveInteger(c)) {
    throw validationError('hyp2f1: c must not be 0 or a negative integer', [
      { field: 'c', message: 'must not be 0 or a negative integer', value: c },
    ]);
  }
  // A terminating series (a or b a non-positive integer) is a polynomial: sum it exactly.
  if (z <= TRANSFORM_ABOVE || isNonPositiveInteger(a) || isNonPositiveInteger(b)) {
    return series(a, b, c, z);
  }
  const d = c - a - b;
  const gap = d - Math.round(d);
  if (Math.abs(gap) >= INTEGER_GAP) return oneMinusZ(a, b, c, z);
  // Cubic through s = −2, −1, 1, 2 (in units of h), read at s₀ = (d − m)/h.
  const m = Math.round(d);
  const s0 = gap / INTEGER_GAP;
  const nodes = [-2, -1, 1, 2];
  let value = 0;
  for (const sk of nodes) {
    let weight = 1;
    for (const sj of nodes) if (sj !== sk) weight *= (s0 - sj) / (sk - sj);
    value += weight * oneMinusZ(a, c - a - (m + sk * INTEGER_GAP), c, z);
  }
  return value;
}

/**
 * Σ (a)_n (b)_n / ((c)_n n!) zⁿ, stopped when two terms in a row no longer change the sum (one
 * tiny term can be a dip where a + n or b + n passes near zero, after which terms grow again).
 */
function series(a: number, b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  let small = 0;
  for (let n = 0; n < MAX_TERMS; n++) {
    term *= (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
    sum += term;
    if (term === 0) return sum;
    small = Math.abs(term) <= 1e-17 * Math.abs(sum) ? small + 1 : 0;
    if (small >= 2) return sum;
  }
  throw new DomainError('INTERNAL', 'hyp2f1: series did not converge', { a, b, c, z });
}

/** Γ-ratio Γ(n1)Γ(n2)/(Γ(d1)Γ(d2)) with signs, computed in logs; 0 when a denominator is a pole. */
function gammaRatio(n1: number, n2: number, d1: number, d2: number): number {
  if (isNonPositiveInteger(d1) || isNonPositiveInteger(d2)) return 0;
  const sign = gammaSign(n1) * gammaSign(n2) * gammaSign(d1) * gammaSign(d2);
  return sign * Math.exp(logGamma(n1) + logGamma(n2) - logGamma(d1) - logGamma(d2));
}

function oneMinusZ(a: number, b: number, c: number, z: number): number {
  const w = 1 - z;
  const d = c - a - b;
  const first = gammaRatio(c, d, c - a, c - b) * series(a, b, 1 - d, w);
  const second =
    w ** d === 0 ? 0 : w ** d * gammaRatio(c, -d, a, b) * series(c - a, c - b, 1 + d, w);
  return first + second;
}
