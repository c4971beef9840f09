import { randomBytes } from 'node:crypto';

/** Encryption context of endpoint secrets: a value copied into another column does not decrypt. */
export const SECRET_CONTEXT = 'webhook_endpoint.secret';

/** A new signing secret: `whsec_` and 32 random bytes, base64url. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}
