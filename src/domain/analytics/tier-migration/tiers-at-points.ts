/**
 * One published tier change of one customer (a tier history row): from point `key` on, the
 * customer is in `toTier` (null: no tier). `seq` orders changes with the same key (the row id).
 */
export interface TierChange {
  customerId: number;
  /** Publication id, or day number of the effective date: whatever the points are measured in. */
  key: number;
  seq: number;
  toTier: string | null;
}

/**
 * Each customer's tier at each point, replaying the changes in (key, seq) order: at point p a
 * customer is in the tier of its last change with key ≤ p. `ids` are the customers counted
 * (position i is customer ids[i]); the result holds one Int32Array of tier indexes into `order`
 * (−1 none) a point, in the order the points were given. Changes of other customers are skipped.
 */
export function tiersAtPoints(
  changes: readonly TierChange[],
  ids: ArrayLike<number>,
  order: readonly string[],
  points: readonly number[],
): Int32Array[] {
  const position = new Map<number, number>();
  for (let i = 0; i < ids.length; i++) position.set(ids[i]!, i);
  const tierAt = new Map(order.map((id, i) => [id, i]));
  const sorted = changes
    .filter((c) => position.has(c.customerId))
    .sort((a, b) => a.key - b.key || a.seq - b.seq);
  const current = new Int32Array(ids.length).fill(-1);
  const byPoint = points.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
  const out = new Array<Int32Array>(points.length);
  let next = 0;
  for (const { p, i } of byPoint) {
    while (next < sorted.length && sorted[next]!.key <= p) {
      const c = sorted[next++]!;
      const t = c.toTier === null ? -1 : tierAt.get(c.toTier);
      if (t === undefined) throw new RangeError(`tier ${c.toTier} is not in the order`);
      current[position.get(c.customerId)!] = t;
    }
    out[i] = current.slice();
  }
  return out;
}
