/** The coverage target of seed 004: at least 60% of priority customers visited each month. */
export const COVERAGE_TARGET = 0.6;

export interface CoverageLine {
  customerId: number;
  ownerId: number | null;
  priority: boolean;
}

export interface CoverageFigure {
  priority: number;
  visited: number;
  /** visited / priority, or null when there is no priority customer to visit. */
  share: number | null;
  meetsTarget: boolean;
}

export interface Coverage {
  target: number;
  overall: CoverageFigure;
  /** One figure per owner (null: customers without an owner), owners in ascending id. */
  owners: ({ ownerId: number | null } & CoverageFigure)[];
  /** Priority customers with no visit in the month, in plan order. */
  notVisited: number[];
}

function figure(priority: number, visited: number, target: number): CoverageFigure {
  const share = priority === 0 ? null : visited / priority;
  return { priority, visited, share, meetsTarget: share === null || share >= target };
}

/**
 * The coverage KPI of a month: the share of priority customers with at least one visit (by
 * anyone: a team's visit counts for the team's customer), overall and per owner.
 */
export function coverageOf(
  lines: readonly CoverageLine[],
  visited: ReadonlySet<number>,
  target = COVERAGE_TARGET,
): Coverage {
  const per = new Map<number | null, { priority: number; visited: number }>();
  const notVisited: number[] = [];
  let total = 0;
  let seen = 0;
  for (const l of lines) {
    if (!l.priority) continue;
    const o = per.get(l.ownerId) ?? { priority: 0, visited: 0 };
    o.priority += 1;
    total += 1;
    if (visited.has(l.customerId)) {
      o.visited += 1;
      seen += 1;
    } else notVisited.push(l.customerId);
    per.set(l.ownerId, o);
  }
  const owners = [...per.entries()]
    .sort(([a], [b]) => (a ?? Number.MAX_SAFE_INTEGER) - (b ?? Number.MAX_SAFE_INTEGER))
    .map(([ownerId, o]) => ({ ownerId, ...figure(o.priority, o.visited, target) }));
  return { target, overall: figure(total, seen, target), owners, notVisited };
}
