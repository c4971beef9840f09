import { invalidOption } from './check-columns';
import { type SortedShares, sortedShares } from './sorted-values';

/** "The top x% of customers bring y% of the value" for one x. */
export interface TopShare {
  /** The x asked for, a fraction 0 … 1 (0.2 = top 20%). */
  customerFraction: number;
  /** Customers counted: ⌈x·n⌉, at least the share asked for. */
  customers: number;
  /** Sum of their (positive) values. */
  value: number;
  /** Their share of the positive total, 0 … 1; 0 when nothing is positive. */
  valueShare: number;
}

/**
 * For each fraction x (0 … 1) the share of the positive value brought by the ⌈x·n⌉ customers
 * with the largest values (losses count as 0). Ties at the cut do not matter: equal values add
 * the same amount whichever of them is counted. The classic Pareto check is x = 0.2.
 */
export function topShares(
  values: ArrayLike<number>,
  fractions: readonly number[],
  field = 'values',
): TopShare[] {
  for (const x of fractions) {
    if (!(x >= 0 && x <= 1)) invalidOption('topShares', 'fractions', x, 'a fraction in [0, 1]');
  }
  return topSharesOfSorted(sortedShares(field, values), fractions);
}

/** topShares on an already prepared column. */
export function topSharesOfSorted(
  { sorted, total }: SortedShares,
  fractions: readonly number[],
): TopShare[] {
  const n = sorted.length;
  return fractions.map((x) => {
    // The epsilon keeps 0.7 × 10 = 7.000000000000001 from counting 8 customers.
    const customers = Math.min(n, Math.max(0, Math.ceil(x * n - 1e-9)));
    let value = 0;
    for (let i = n - 1; i >= n - customers; i--) value += sorted[i]!;
    return {
      customerFraction: x,
      customers,
      value,
      valueShare: total > 0 ? Math.min(1, value / total) : 0,
    };
  });
}
