/** Summary of one column, as a describe() in pandas or summary() in R gives it. */
export interface ColumnStats {
  count: number;
  mean: number;
  /** Sample standard deviation (divides by n − 1, as pandas and R do); 0 for one value. */
  std: number;
  min: number;
  /** Middle value, or the mean of the two middle values for an even count. */
  median: number;
  max: number;
}

/**
 * Stats of a column already sorted ascending (the quintile scores sort it anyway, so the
 * median costs nothing more). All zeros for an empty column rather than NaN.
 */
export function statsOfSorted(sorted: Float64Array): ColumnStats {
  const n = sorted.length;
  if (n === 0) return { count: 0, mean: 0, std: 0, min: 0, median: 0, max: 0 };
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sorted[i]!;
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const d = sorted[i]! - mean;
    squares += d * d;
  }
  const mid = n >> 1;
  return {
    count: n,
    mean,
    std: n > 1 ? Math.sqrt(squares / (n - 1)) : 0,
    min: sorted[0]!,
    median: n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2,
    max: sorted[n - 1]!,
  };
}
