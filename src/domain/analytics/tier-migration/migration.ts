import { checkTierColumns } from './check-input';

/** How one customer moved between two points. A smaller tier index is a better tier. */
export const MOVES = ['up', 'down', 'stayed', 'new', 'gone'] as const;
export type Move = (typeof MOVES)[number];

/**
 * The move from tier index `from` to `to` (−1 = no tier): up to a better tier, down to a worse
 * one, stayed, new (no tier before), gone (no tier after); null when tiered on neither side.
 */
export function moveOf(from: number, to: number): Move | null {
  if (from < 0) return to < 0 ? null : 'new';
  if (to < 0) return 'gone';
  if (to < from) return 'up';
  if (to > from) return 'down';
  return 'stayed';
}

/** Customers of one move (or one cell) and their revenue in each period, in minor units. */
export interface MoveTotal {
  customers: number;
  /** Revenue in the later period (the period the figure is read at). */
  revenueMinor: number;
  /** Revenue in the earlier period (same length, ending at the earlier point). */
  revenueBeforeMinor: number;
}

/**
 * Customers cross-tabulated by tier at the earlier point (row) and the later point (column).
 * Index k (the last) of rows and columns is "no tier": its row holds the new customers, its
 * column the gone ones; the none × none cell is always 0 (such customers are not in the figure).
 */
export interface TierMigration {
  /** k + 1: the tiers, best first, then no tier. */
  size: number;
  counts: number[][];
  revenueMinor: number[][];
  revenueBeforeMinor: number[][];
  totals: Record<Move, MoveTotal>;
  /** Every customer in the figure (tiered on at least one side). */
  all: MoveTotal;
}

const zero = (): MoveTotal => ({ customers: 0, revenueMinor: 0, revenueBeforeMinor: 0 });
const grid = (m: number) => Array.from({ length: m }, () => new Array<number>(m).fill(0));

/**
 * Builds the migration of `k` tiers: `before[i]` and `after[i]` are customer i's tier indexes
 * (−1 none) at the earlier and the later point, `revenue[i]` its revenue in the later period and
 * `revenueBefore[i]` in the earlier one. Every row and column sum is exact: row r sums to the
 * customers in tier r at the earlier point, column c to those in c at the later one.
 */
export function tierMigration(
  k: number,
  before: ArrayLike<number>,
  after: ArrayLike<number>,
  revenue: ArrayLike<number>,
  revenueBefore: ArrayLike<number>,
): TierMigration {
  const n = checkTierColumns('tierMigration', [
    { field: 'before', values: before, tiers: k },
    { field: 'after', values: after, tiers: k },
    { field: 'revenue', values: revenue },
    { field: 'revenueBefore', values: revenueBefore },
  ]);
  const size = k + 1;
  const counts = grid(size);
  const rev = grid(size);
  const revBefore = grid(size);
  const totals = Object.fromEntries(MOVES.map((m) => [m, zero()])) as Record<Move, MoveTotal>;
  const all = zero();
  for (let i = 0; i < n; i++) {
    const a = before[i]!;
    const b = after[i]!;
    const move = moveOf(a, b);
    if (move === null) continue;
    const r = a < 0 ? k : a;
    const c = b < 0 ? k : b;
    counts[r]![c]!++;
    rev[r]![c]! += revenue[i]!;
    revBefore[r]![c]! += revenueBefore[i]!;
    for (const t of [totals[move], all]) {
      t.customers++;
      t.revenueMinor += revenue[i]!;
      t.revenueBeforeMinor += revenueBefore[i]!;
    }
  }
  return { size, counts, revenueMinor: rev, revenueBeforeMinor: revBefore, totals, all };
}

/**
 * Positions of the customers behind part of a migration: one cell (both tiers), a row (`from`
 * only), a column (`to` only), one move, or everyone in the figure. Tier indexes: −1 = no tier.
 */
export function migrationPositions(
  before: ArrayLike<number>,
  after: ArrayLike<number>,
  select: { from?: number | undefined; to?: number | undefined; move?: Move | undefined },
): Int32Array {
  const out: number[] = [];
  for (let i = 0; i < before.length; i++) {
    const a = before[i]!;
    const b = after[i]!;
    const move = moveOf(a, b);
    if (move === null) continue;
    if (select.from !== undefined && a !== select.from) continue;
    if (select.to !== undefined && b !== select.to) continue;
    if (select.move !== undefined && move !== select.move) continue;
    out.push(i);
  }
  return Int32Array.from(out);
}
