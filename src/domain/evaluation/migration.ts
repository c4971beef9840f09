export interface MigrationMatrix {
  /** Row and column labels: the tier ids in rank order, then 'none'. */
  labels: string[];
  /** counts[from][to]; the last row/column is "no tier". */
  counts: number[][];
  upgrades: number;
  downgrades: number;
  unchanged: number;
  /** Customers who gained or lost a tier altogether (entered or left the segment). */
  entered: number;
  left: number;
}

/**
 * Cross-tabulates previous against current tiers (indexes into plan.tiers, -1 = none).
 * A lower index is a better tier, so moving to a lower index is an upgrade.
 */
export function migrationMatrix(
  tierIds: readonly string[],
  previous: ArrayLike<number>,
  current: ArrayLike<number>,
): MigrationMatrix {
  const k = tierIds.length;
  if (previous.length !== current.length)
    throw new RangeError('previous and current tiers must have the same length');
  const counts = Array.from({ length: k + 1 }, () => new Array<number>(k + 1).fill(0));
  let upgrades = 0;
  let downgrades = 0;
  let unchanged = 0;
  let entered = 0;
  let left = 0;
  for (let i = 0; i < current.length; i++) {
    const a = previous[i]!;
    const b = current[i]!;
    const from = a >= 0 && a < k ? a : k;
    const to = b >= 0 && b < k ? b : k;
    counts[from]![to]!++;
    if (from === k && to === k) continue;
    if (from === k) entered++;
    else if (to === k) left++;
    else if (to < from) upgrades++;
    else if (to > from) downgrades++;
    else unchanged++;
  }
  return { labels: [...tierIds, 'none'], counts, upgrades, downgrades, unchanged, entered, left };
}

/** Rows whose tier differs between two tier vectors (the customers who would move). */
export function movers(previous: ArrayLike<number>, current: ArrayLike<number>): Int32Array {
  const out: number[] = [];
  for (let i = 0; i < current.length; i++) if (previous[i] !== current[i]) out.push(i);
  return Int32Array.from(out);
}
