/** Number of score levels: quintiles. */
export const RFM_LEVELS = 5;

/**
 * The bars between quantile buckets of a population sorted ascending, so a customer's bucket
 * is a few comparisons instead of a binary search (which, on a million customers, costs a
 * cache miss a step). Bucket = 1 + ⌊buckets · worse / n⌋ with `worse` the customers strictly
 * worse; it is ≥ s exactly when worse ≥ tₛ = ⌈(s − 1) · n / buckets⌉, i.e. when
 * v > sorted[tₛ − 1] (higher is better) or v < sorted[n − tₛ] (lower is better).
 * bars[s − 2] holds the bar for bucket s (s = 2 … buckets).
 */
export function quantileBars(
  sorted: Float64Array,
  buckets: number,
  higherIsBetter: boolean,
): Float64Array {
  const n = sorted.length;
  const bars = new Float64Array(buckets - 1);
  for (let s = 2; s <= buckets; s++) {
    const t = Math.ceil(((s - 1) * n) / buckets);
    bars[s - 2] = higherIsBetter ? sorted[t - 1]! : sorted[n - t]!;
  }
  return bars;
}

/**
 * Quantile buckets 1…buckets (higher = better) of a column against its own sorted copy: with
 * `worse` the number of customers strictly worse (lower values when higher is better, higher
 * values otherwise), bucket = 1 + ⌊buckets · worse / n⌋ — the quantile-bucket convention of the
 * evaluation engine (`../../evaluation/quantile.ts`), in SQL
 * `1 + (buckets * (rank() OVER (ORDER BY v <worse first>) - 1)) / count(*) OVER ()`.
 * Ties: equal values always get the same bucket, the lowest their rank reaches, whatever the
 * input order — so a large tie (say most customers buying once) leaves some buckets unused
 * rather than splitting equal customers by an arbitrary order.
 */
export function quantileBuckets(
  values: ArrayLike<number>,
  sorted: Float64Array,
  buckets: number,
  higherIsBetter: boolean,
): Uint8Array {
  const n = sorted.length;
  const bars = quantileBars(sorted, buckets, higherIsBetter);
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    let b = 1;
    if (higherIsBetter) {
      for (let s = 0; s < bars.length; s++) if (v > bars[s]!) b++;
    } else {
      for (let s = 0; s < bars.length; s++) if (v < bars[s]!) b++;
    }
    out[i] = b;
  }
  return out;
}

/** RFM quintile scores 1…5 (5 = best): quantileBuckets with five buckets. */
export function quintileScores(
  values: ArrayLike<number>,
  sorted: Float64Array,
  higherIsBetter: boolean,
): Uint8Array {
  return quantileBuckets(values, sorted, RFM_LEVELS, higherIsBetter);
}
