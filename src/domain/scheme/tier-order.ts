import type { Scheme } from './scheme.schema';

/** A stored scheme document's tier ids, best first (by rank); none when it has no tiers. */
export function tierIdsByRank(document: unknown): string[] {
  return ((document as Scheme | undefined)?.tiers ?? [])
    .slice()
    .sort((a, b) => a.rank - b.rank)
    .map((t) => t.id);
}

/**
 * Every (from, to) pair of tiers that is a move up (to a better tier) or down, over tier ids
 * ordered best first: what a "moved up/down" filter matches in SQL.
 */
export function movePairs(order: readonly string[], direction: 'up' | 'down'): [string, string][] {
  const pairs: [string, string][] = [];
  order.forEach((from, i) => {
    order.forEach((to, j) => {
      if (direction === 'up' ? j < i : j > i) pairs.push([from, to]);
    });
  });
  return pairs;
}
