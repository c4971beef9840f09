import { invalidOption } from './check-columns';
import { type SortedShares, sortedShares } from './sorted-values';

/** Points of a Lorenz curve, poorest customers first. */
export interface LorenzCurve {
  /** Cumulative share of customers, 0 … 1, increasing. */
  customerShare: Float64Array;
  /** Cumulative share of the (positive) value those customers bring, 0 … 1. */
  valueShare: Float64Array;
}

/** Charts need no more points than this; 200 draws a smooth curve at any width we show. */
export const DEFAULT_LORENZ_POINTS = 200;

/**
 * The Lorenz curve of a value column (losses count as 0), downsampled for charts to at most
 * `maxPoints` points (≥ 2), always including (0, 0) and (1, 1). The points kept are exact
 * points of the full curve at evenly spaced customer counts, so the sampled curve stays convex
 * and below the diagonal like the full one. With nothing positive, the curve is the diagonal
 * (perfect equality, matching a Gini of 0) rather than 0/0.
 */
export function lorenzCurve(
  values: ArrayLike<number>,
  maxPoints = DEFAULT_LORENZ_POINTS,
  field = 'values',
): LorenzCurve {
  if (!Number.isInteger(maxPoints) || maxPoints < 2) {
    invalidOption('lorenzCurve', 'maxPoints', maxPoints, 'a whole number ≥ 2');
  }
  return lorenzOfSorted(sortedShares(field, values), maxPoints);
}

/** The Lorenz curve of an already prepared column (see lorenzCurve). */
export function lorenzOfSorted(
  { sorted, total }: SortedShares,
  maxPoints = DEFAULT_LORENZ_POINTS,
): LorenzCurve {
  const n = sorted.length;
  const m = Math.min(n + 1, maxPoints);
  const customerShare = new Float64Array(m);
  const valueShare = new Float64Array(m);
  let cumulative = 0;
  let taken = 0;
  for (let j = 0; j < m; j++) {
    // Customer count at point j: evenly spaced from 0 to n, strictly increasing since m ≤ n+1.
    const k = j === m - 1 ? n : Math.round((j * n) / (m - 1));
    while (taken < k) cumulative += sorted[taken++]!;
    customerShare[j] = k / n;
    valueShare[j] = total > 0 ? Math.min(1, cumulative / total) : k / n;
  }
  valueShare[m - 1] = 1;
  return { customerShare, valueShare };
}
