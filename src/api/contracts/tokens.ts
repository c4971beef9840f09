import { z } from 'zod';
import { errorResponse } from './common';

export const apiTokenResponse = z
  .object({
    id: z.number().int(),
    userId: z.number().int(),
    username: z.string(),
    name: z.string(),
    prefix: z.string(),
    permissions: z.array(z.string()),
    createdAt: z.string(),
    expiresAt: z.string(),
    lastUsedAt: z.string().nullable(),
    lastUsedIp: z.string().nullable(),
    revokedAt: z.string().nullable(),
    status: z.enum(['active', 'expired', 'revoked']),
  })
  .meta({ id: 'ApiToken' });

/** A new token: the listing plus the secret, which is shown this once and never again. */
export const createdApiTokenResponse = z.object({
  token: apiTokenResponse,
  secret: z.string().meta({ description: 'Send as `Authorization: Bearer <secret>`' }),
});

export const listScopeQuery = z.object({
  all: z
    .enum(['true', 'false'])
    .optional()
    .meta({ description: 'true: everybody’s (needs users.manage)' }),
  userId: z.coerce.number().int().positive().optional(),
});

export const sessionResponse = z
  .object({
    id: z.string(),
    userId: z.number().int(),
    username: z.string(),
    displayName: z.string(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    createdAt: z.string(),
    lastSeenAt: z.string(),
    expiresAt: z.string(),
    current: z.boolean(),
  })
  .meta({ id: 'Session' });

export const sessionParams = z.object({
  id: z.string().regex(/^[0-9a-f]{64}$/, 'id must be a session id (64 hex characters)'),
});

/** Errors of sign-in routes, including 429 for a locked username or a rate limit. */
export const signInErrors = {
  400: errorResponse,
  401: errorResponse,
  403: errorResponse,
  404: errorResponse,
  409: errorResponse,
  429: errorResponse,
};
