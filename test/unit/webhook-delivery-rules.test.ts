import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EVENT_PATTERN, matchesEvent } from '../../src/app/webhooks/event-patterns';
import { WEBHOOK_MAX_ATTEMPTS, webhookRetryDelayMs } from '../../src/app/webhooks/webhook-backoff';
import { signWebhook, verifyWebhook } from '../../src/app/webhooks/webhook-signature';

describe('webhook signature', () => {
  const secret = 'whsec_test-secret-0123456789';
  const body = '{"id":"e1","kind":"tier.changed"}';

  it('is the hex HMAC-SHA256 of "<timestamp>.<raw body>"', () => {
    const expected = createHmac('sha256', secret).update(`1764554400.${body}`).digest('hex');
    expect(signWebhook(secret, 1764554400, body)).toBe(`sha256=${expected}`);
  });

  it('verifies, and refuses another body, secret, timestamp or an old call', () => {
    const sig = signWebhook(secret, 1000, body);
    const hdr = { signature: sig, timestamp: '1000' };
    expect(verifyWebhook(secret, hdr, body, 1010)).toBe(true);
    expect(verifyWebhook(secret, hdr, `${body} `, 1010)).toBe(false);
    expect(verifyWebhook(`${secret}x`, hdr, body, 1010)).toBe(false);
    expect(verifyWebhook(secret, { ...hdr, timestamp: '1001' }, body, 1010)).toBe(false);
    expect(verifyWebhook(secret, hdr, body, 1000 + 301)).toBe(false);
    expect(verifyWebhook(secret, { ...hdr, signature: 'sha256=00' }, body, 1010)).toBe(false);
  });
});

describe('event subscriptions', () => {
  it('match exact kinds, dotted prefixes and everything', () => {
    expect(matchesEvent(['tier.changed'], 'tier.changed')).toBe(true);
    expect(matchesEvent(['tier.changed'], 'tier.changed_back')).toBe(false);
    expect(matchesEvent(['automation.*'], 'automation.late_payments')).toBe(true);
    expect(matchesEvent(['automation.*'], 'automation')).toBe(false);
    expect(matchesEvent(['automation.*'], 'automationx.y')).toBe(false);
    expect(matchesEvent(['*'], 'webhook.test')).toBe(true);
    expect(matchesEvent([], 'webhook.test')).toBe(false);
  });

  it('accept only well-formed patterns', () => {
    for (const ok of ['*', 'tier.changed', 'automation.*', 'a_b.c_d.*'])
      expect(EVENT_PATTERN.test(ok)).toBe(true);
    for (const bad of ['', 'Tier.Changed', 'automation*', '*.changed', 'a..b', 'a.*.b'])
      expect(EVENT_PATTERN.test(bad)).toBe(false);
  });
});

describe('retry schedule', () => {
  it('backs off 30 s, 2 min, 10 min, 1 h, then 6 h', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((a) => webhookRetryDelayMs(a, 0.5))).toEqual([
      30_000, 120_000, 600_000, 3_600_000, 21_600_000, 21_600_000, 21_600_000,
    ]);
    expect(WEBHOOK_MAX_ATTEMPTS).toBe(8);
  });

  it('spreads each delay by at most ±20 %', () => {
    expect(webhookRetryDelayMs(1, 0)).toBe(24_000);
    expect(webhookRetryDelayMs(1, 0.999999)).toBeLessThanOrEqual(36_000);
    expect(webhookRetryDelayMs(4, 0)).toBe(2_880_000);
  });
});
