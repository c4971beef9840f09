/**
 * Lockout with backoff after failed sign-ins, as pure arithmetic. After `threshold` failures in
 * a row a username is locked for one minute; every further failure (made once the lock has
 * passed) doubles the lock, up to an hour. A success clears the count.
 */

/** The first lock. */
export const LOCK_BASE_MS = 60_000;
/** The longest lock. */
export const LOCK_MAX_MS = 60 * 60_000;
/** Failures older than this no longer count: the count starts again. */
export const FAILURE_MEMORY_MS = 24 * 60 * 60_000;

/** How long a username is locked after its `failures`-th failure in a row (0 = not locked). */
export function lockDurationMs(failures: number, threshold: number): number {
  if (failures < threshold) return 0;
  const doublings = Math.min(failures - threshold, 16);
  return Math.min(LOCK_BASE_MS * 2 ** doublings, LOCK_MAX_MS);
}

/** Whole seconds until `lockedUntil`, at least 1 while the lock holds; 0 when it has passed. */
export function secondsLeft(lockedUntil: string | null, now: Date): number {
  if (!lockedUntil) return 0;
  const ms = Date.parse(lockedUntil) - now.getTime();
  return ms > 0 ? Math.ceil(ms / 1000) : 0;
}
