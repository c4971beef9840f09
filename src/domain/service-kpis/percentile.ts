/**
 * Order statistics for KPI tables. Both work on an ascending list and return null when it is
 * empty, so a group without any reply shows "—" rather than 0.
 */

/** The median: the middle value, or the mean of the two middle values of an even-sized list. */
export function median(sorted: readonly number[]): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const mid = Math.floor(n / 2);
  return n % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * The nearest-rank percentile: the smallest value with at least p % of the list at or below it
 * (rank ⌈p/100 · n⌉). Chosen over interpolation because it is always a value that occurred and
 * is easy to check by hand.
 */
export function percentile(sorted: readonly number[], p: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * n));
  return sorted[Math.min(rank, n) - 1] as number;
}
