import type { RUSH_MODES } from './policy.schema';

export type RushMode = (typeof RUSH_MODES)[number];

/**
 * Where a rush flag puts an order inside its tier: 0 jumps the queue (tiers whose rush mode is
 * jump_queue), 1 comes next (by_capacity: production decides, but ahead of ordinary orders),
 * 2 is an ordinary order (no rush, or a tier whose rush mode ignores the flag).
 */
export function rushClass(mode: RushMode | null, rush: boolean): 0 | 1 | 2 {
  if (!rush || mode === null) return 2;
  if (mode === 'jump_queue') return 0;
  if (mode === 'by_capacity') return 1;
  return 2;
}

/**
 * One number that orders the queue before score: the tier's position (0 = best) times three
 * plus the rush class. Orders without a tier go last.
 */
export function queuePriority(tierPosition: number, mode: RushMode | null, rush: boolean): number {
  const pos = tierPosition < 0 ? 999 : tierPosition;
  return pos * 3 + rushClass(mode, rush);
}

/** What the queue sorts by. */
export interface QueueKey {
  id: number;
  priority: number;
  score: number | null;
  createdAt: string;
}

/**
 * Queue order: tier (best first) and rush class via `priority`, then higher score first
 * (unknown scores last), then earlier submission, then id.
 */
export function compareQueue(a: QueueKey, b: QueueKey): number {
  return (
    a.priority - b.priority ||
    (b.score ?? Number.NEGATIVE_INFINITY) - (a.score ?? Number.NEGATIVE_INFINITY) ||
    (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0) ||
    a.id - b.id
  );
}
