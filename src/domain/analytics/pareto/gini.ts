import { type SortedShares, sortedShares } from './sorted-values';

/**
 * Gini coefficient of a value column (losses count as 0, see sortedShares), by the exact
 * formula on values sorted ascending x₍₁₎ ≤ … ≤ x₍ₙ₎:
 *
 *   G = 2 Σᵢ i·x₍ᵢ₎ / (n Σ x) − (n + 1) / n
 *
 * which equals Σᵢ Σⱼ |xᵢ − xⱼ| / (2 n² x̄) in O(n log n). All equal → 0; one customer holding
 * everything → (n − 1)/n, the largest value for n customers, so G ∈ [0, 1). Nothing positive
 * (all zero or losses) → 0 by definition here: there is no inequality to measure, and NaN
 * must not reach a chart. Throws a VALIDATION DomainError for an empty column or NaN.
 */
export function gini(values: ArrayLike<number>, field = 'values'): number {
  return giniOfSorted(sortedShares(field, values));
}

/** The Gini coefficient of an already prepared column (see gini). */
export function giniOfSorted({ sorted, total }: SortedShares): number {
  const n = sorted.length;
  if (n === 0 || total <= 0) return 0;
  let weighted = 0;
  for (let i = 0; i < n; i++) weighted += (i + 1) * sorted[i]!;
  const g = (2 * weighted) / (n * total) - (n + 1) / n;
  // Rounding can leave −1e-16 for equal values; the coefficient is never below 0.
  return Math.max(0, g);
}
