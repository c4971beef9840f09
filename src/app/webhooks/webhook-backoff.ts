/** Attempts a delivery gets before it fails for good (a manual redeliver adds one more). */
export const WEBHOOK_MAX_ATTEMPTS = 8;

/** Base delay after failed attempt 1, 2, 3 …; the last value repeats. */
const DELAYS_MS = [30_000, 120_000, 600_000, 3_600_000, 21_600_000];

/**
 * Delay before the attempt after failed attempt `attempt` (1-based): 30 s, 2 min, 10 min, 1 h,
 * then 6 h, each spread by ±20 % so endpoints that failed together are not retried together.
 * `random` is a number in [0, 1) (injected so tests can pin it).
 */
export function webhookRetryDelayMs(attempt: number, random: number): number {
  const base = DELAYS_MS[Math.min(Math.max(attempt, 1), DELAYS_MS.length) - 1] ?? 30_000;
  return Math.round(base * (0.8 + 0.4 * random));
}
