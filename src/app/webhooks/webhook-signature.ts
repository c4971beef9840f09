import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The signature of a webhook call: `sha256=` and the hex HMAC-SHA256, keyed with the endpoint's
 * secret, of `<unix seconds>.<raw body>`. The timestamp is inside the MAC so a captured call
 * cannot be replayed later with a fresh timestamp header.
 */
export function signWebhook(secret: string, timestamp: number, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')}`;
}

/**
 * What a receiver does (and the tests do): recompute the signature and compare in constant time;
 * refuse timestamps further than `toleranceSec` from `nowSec`.
 */
export function verifyWebhook(
  secret: string,
  header: { signature: string; timestamp: string },
  rawBody: string,
  nowSec: number,
  toleranceSec = 300,
): boolean {
  const ts = Number(header.timestamp);
  if (!Number.isInteger(ts) || Math.abs(nowSec - ts) > toleranceSec) return false;
  const expected = Buffer.from(signWebhook(secret, ts, rawBody));
  const given = Buffer.from(header.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
