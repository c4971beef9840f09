import type { Distribution, Migration, WhatIfResult } from '../../api/tiering';

/**
 * The migration from the run's result to a what-if result. The server lists the movers (from
 * the unchanged scheme's tier to the changed one's); everyone else stays where the run put
 * them, so the diagonal is the run's count per tier less those who left it. When the server
 * listed fewer movers than moved, the matrix covers the listed ones only (`partial`).
 */
export function whatIfMigration(
  tierIds: readonly string[],
  baseline: Distribution,
  result: WhatIfResult,
): Migration & { partial: boolean } {
  const k = tierIds.length;
  const index = (id: string | null) => {
    const i = id === null ? -1 : tierIds.indexOf(id);
    return i < 0 ? k : i;
  };
  const counts = Array.from({ length: k + 1 }, () => new Array<number>(k + 1).fill(0));
  tierIds.forEach((id, i) => {
    counts[i]![i] = baseline.tiers.find((x) => x.tier === id)?.count ?? 0;
  });
  counts[k]![k] = baseline.unassigned;
  let upgrades = 0;
  let downgrades = 0;
  let entered = 0;
  let left = 0;
  for (const m of result.movers) {
    const from = index(m.from);
    const to = index(m.to);
    const row = counts[from]!;
    row[from] = Math.max(0, (row[from] ?? 0) - 1);
    row[to] = (row[to] ?? 0) + 1;
    if (from === k) entered++;
    else if (to === k) left++;
    else if (to < from) upgrades++;
    else downgrades++;
  }
  const unchanged = tierIds.reduce((sum, _, i) => sum + (counts[i]![i] ?? 0), 0);
  return {
    labels: [...tierIds, 'none'],
    counts,
    upgrades,
    downgrades,
    unchanged,
    entered,
    left,
    partial: result.moversTotal > result.movers.length,
  };
}
