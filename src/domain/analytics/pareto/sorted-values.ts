import { checkColumns } from './check-columns';

/** A value column prepared for Pareto work: losses set to 0, sorted ascending. */
export interface SortedShares {
  /** max(v, 0) for every customer, ascending (native numeric sort, no comparator). */
  sorted: Float64Array;
  /** Σ sorted: the total of the positive values. */
  total: number;
  /** Customers with a negative value (a loss) and the sum of those losses (≤ 0). */
  negativeCount: number;
  negativeSum: number;
}

/**
 * Validates a value column (revenue or profit per customer; negatives allowed, NaN not) and
 * returns its positive parts sorted ascending. Lorenz, Gini and the top-x% shares are shares
 * of the positive total: a loss-making customer counts as a customer who brings nothing,
 * and the losses are reported beside, never netted into the shares (netting would make
 * shares exceed 100% and the Gini leave [0, 1)).
 */
export function sortedShares(field: string, values: ArrayLike<number>): SortedShares {
  const n = checkColumns('pareto', [{ field, values, rule: { allowNegative: true } }]);
  const sorted = new Float64Array(n);
  let negativeCount = 0;
  let negativeSum = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v < 0) {
      negativeCount++;
      negativeSum += v;
      sorted[i] = 0;
    } else {
      // + 0 turns −0 into 0 so the sort sees one zero.
      sorted[i] = v + 0;
    }
  }
  sorted.sort();
  let total = 0;
  for (let i = 0; i < n; i++) total += sorted[i]!;
  return { sorted, total, negativeCount, negativeSum };
}
