import { DomainError } from '../../domain/errors';

/** Submissions one address may make per window on the public form. */
export const PUBLIC_LIMIT = 5;
export const PUBLIC_WINDOW_MS = 10 * 60_000;

/**
 * A fixed-size sliding window per client address, in memory. Enough against a script hammering
 * one server; several servers behind a balancer each keep their own count.
 */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly limit = PUBLIC_LIMIT,
    private readonly windowMs = PUBLIC_WINDOW_MS,
  ) {}

  /** Counts one hit for `key` at `now`; throws RATE_LIMITED once the window is full. */
  hit(key: string, now: number): void {
    const since = now - this.windowMs;
    const recent = (this.hits.get(key) ?? []).filter((t) => t > since);
    if (recent.length >= this.limit) {
      const retryAfterS = Math.ceil(((recent[0] ?? now) + this.windowMs - now) / 1000);
      this.hits.set(key, recent);
      throw new DomainError(
        'RATE_LIMITED',
        `Too many submissions from this address; try again in ${retryAfterS} s`,
        { retryAfterSeconds: retryAfterS, limit: this.limit },
      );
    }
    recent.push(now);
    this.hits.set(key, recent);
    // Keep the map from growing without bound under many distinct addresses.
    if (this.hits.size > 10_000)
      for (const [k, v] of this.hits) if (!v.some((t) => t > since)) this.hits.delete(k);
  }
}

const limiters = new WeakMap<object, RateLimiter>();

/** The limiter of one running server (keyed by its deps, so test servers do not share counts). */
export function limiterFor(owner: object): RateLimiter {
  let l = limiters.get(owner);
  if (!l) {
    l = new RateLimiter();
    limiters.set(owner, l);
  }
  return l;
}
