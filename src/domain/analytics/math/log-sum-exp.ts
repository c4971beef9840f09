/**
 * ln(e^a + e^b) without overflow or underflow: the likelihood terms are exponentials of numbers
 * in the hundreds for heavy buyers, which overflow if added directly.
 */
export function logAddExp(a: number, b: number): number {
  if (a === Number.NEGATIVE_INFINITY) return b;
  if (b === Number.NEGATIVE_INFINITY) return a;
  const m = Math.max(a, b);
  return m + Math.log1p(Math.exp(-Math.abs(a - b)));
}
