import { invalidOption } from '../pareto/check-columns';
import { quantileBuckets } from '../rfm/quintile-scores';

/**
 * How one axis is split into three levels. `thresholds`: v ≥ high → high, v ≥ low → middle,
 * else low (the manager's own bars, e.g. potential ≥ 500k is high). `tertiles`: the customer's
 * tertile among all customers, 1 + ⌊3 · below / n⌋ with `below` the count of smaller values —
 * the evaluation engine's quantile convention, so equal values share a level.
 */
export type AxisSplit = { kind: 'thresholds'; low: number; high: number } | { kind: 'tertiles' };

/** Level per customer: 0 = high, 1 = middle, 2 = low (the order cells are named in). */
export function axisLevels(field: string, values: ArrayLike<number>, split: AxisSplit): Uint8Array {
  const n = values.length;
  const out = new Uint8Array(n);
  if (split.kind === 'thresholds') {
    const { low, high } = split;
    if (!Number.isFinite(low) || !Number.isFinite(high) || !(low <= high)) {
      invalidOption('nineGrid', `${field}.split`, split, 'finite thresholds with low ≤ high');
    }
    for (let i = 0; i < n; i++) {
      const v = values[i]!;
      out[i] = v >= high ? 0 : v >= low ? 1 : 2;
    }
    return out;
  }
  const tertile = quantileBuckets(values, Float64Array.from(values).sort(), 3, true);
  for (let i = 0; i < n; i++) out[i] = 3 - tertile[i]!;
  return out;
}
