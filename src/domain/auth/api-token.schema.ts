import { z } from 'zod';
import { PERMISSIONS } from './permissions';

/** Every token secret starts with this, so a leaked one is recognisable (and scannable). */
export const API_TOKEN_PREFIX = 'tdk_';
/** Longest a token may live: integrations get a new token at least once a year. */
export const API_TOKEN_MAX_DAYS = 365;

export const createApiTokenInput = z.object({
  name: z
    .string({ error: 'name must be text' })
    .trim()
    .min(1, 'name must not be empty')
    .max(100, 'name must be at most 100 characters'),
  permissions: z
    .array(z.enum(PERMISSIONS, { error: `permissions must be among: ${PERMISSIONS.join(', ')}` }))
    .min(1, 'permissions must name at least one permission')
    .max(PERMISSIONS.length),
  days: z
    .number({ error: 'days must be a whole number of days' })
    .int('days must be a whole number of days')
    .min(1, 'days must be at least 1')
    .max(API_TOKEN_MAX_DAYS, `days must be at most ${API_TOKEN_MAX_DAYS}`),
});
export type CreateApiTokenInput = z.input<typeof createApiTokenInput>;

/** An API token as listed (never the secret). */
export interface ApiToken {
  id: number;
  userId: number;
  username: string;
  name: string;
  /** The first characters of the secret, to recognise it. */
  prefix: string;
  permissions: string[];
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  lastUsedIp: string | null;
  revokedAt: string | null;
  /** active, expired or revoked, as of the listing. */
  status: 'active' | 'expired' | 'revoked';
}
