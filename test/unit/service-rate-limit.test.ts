import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/app/service/public-rate-limit';

describe('public form rate limiter', () => {
  it('allows the limit per window, refuses more, and forgets hits past the window', () => {
    const l = new RateLimiter(3, 60_000);
    for (const t of [0, 10, 20]) l.hit('1.2.3.4', t);
    expect(() => l.hit('1.2.3.4', 30)).toThrow(
      expect.objectContaining({
        code: 'RATE_LIMITED',
        details: { retryAfterSeconds: 60, limit: 3 },
      }),
    );
    // Another address has its own count.
    expect(() => l.hit('5.6.7.8', 30)).not.toThrow();
    // Once the first hit leaves the window, one more is allowed.
    expect(() => l.hit('1.2.3.4', 60_001)).not.toThrow();
    expect(() => l.hit('1.2.3.4', 60_002)).toThrow(
      expect.objectContaining({ code: 'RATE_LIMITED' }),
    );
  });
});
