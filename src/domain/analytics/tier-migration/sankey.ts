import type { Move, TierMigration } from './migration';
import { moveOf } from './migration';

/** A node of the migration Sankey: one tier on one side ('none' = new on the left, gone on the right). */
export interface SankeyNode {
  /** 'before:<tier>' or 'after:<tier>'. */
  id: string;
  side: 'before' | 'after';
  tier: string;
  customers: number;
  revenueMinor: number;
}

/** A link: the customers who went from one tier to another, with their revenue in both periods. */
export interface SankeyLink {
  source: string;
  target: string;
  from: string;
  to: string;
  move: Move;
  customers: number;
  revenueMinor: number;
  revenueBeforeMinor: number;
}

/**
 * The Sankey of a migration: left nodes are the tiers at the earlier point, right nodes those at
 * the later one, one link a non-empty cell. `labels` names the rows/columns (tier ids, then the
 * word for no tier). Nodes without any customer are left out, so the chart has no empty bars.
 */
export function migrationSankey(
  m: TierMigration,
  labels: readonly string[],
): { nodes: SankeyNode[]; links: SankeyLink[] } {
  const k = m.size - 1;
  const links: SankeyLink[] = [];
  const left = new Map<number, SankeyNode>();
  const right = new Map<number, SankeyNode>();
  const node = (map: Map<number, SankeyNode>, side: 'before' | 'after', i: number) => {
    let x = map.get(i);
    if (!x) {
      x = { id: `${side}:${labels[i]}`, side, tier: labels[i]!, customers: 0, revenueMinor: 0 };
      map.set(i, x);
    }
    return x;
  };
  for (let r = 0; r < m.size; r++) {
    for (let c = 0; c < m.size; c++) {
      const customers = m.counts[r]![c]!;
      if (customers === 0) continue;
      const revenueMinor = m.revenueMinor[r]![c]!;
      const a = node(left, 'before', r);
      const b = node(right, 'after', c);
      for (const x of [a, b]) {
        x.customers += customers;
        x.revenueMinor += revenueMinor;
      }
      links.push({
        source: a.id,
        target: b.id,
        from: labels[r]!,
        to: labels[c]!,
        move: moveOf(r === k ? -1 : r, c === k ? -1 : c)!,
        customers,
        revenueMinor,
        revenueBeforeMinor: m.revenueBeforeMinor[r]![c]!,
      });
    }
  }
  const byIndex = (map: Map<number, SankeyNode>) =>
    [...map.entries()].sort((x, y) => x[0] - y[0]).map((e) => e[1]);
  return { nodes: [...byIndex(left), ...byIndex(right)], links };
}
