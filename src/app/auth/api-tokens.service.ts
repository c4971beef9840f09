import { createHash, randomBytes } from 'node:crypto';
import {
  API_TOKEN_PREFIX,
  type ApiToken,
  type CreateApiTokenInput,
  createApiTokenInput,
} from '../../domain/auth/api-token.schema';
import { allows } from '../../domain/auth/permissions';
import { DomainError, notFound, validationError } from '../../domain/errors';
import * as tokens from '../../store/api-tokens.repository';
import { findUserWithRole } from '../../store/sessions.repository';
import { writeAudit } from '../audit';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { requirePermission } from '../guard';
import { parseInput } from '../parse';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The stored form of a token: its SHA-256 (the secret has 256 random bits; no slow hash needed). */
export function hashApiToken(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Administrators (users.manage) see and revoke anyone's tokens; others only their own. */
function mayManageOthers(ctx: Ctx): boolean {
  return ctx.actor.id === null || allows(ctx.actor.permissions, 'users.manage');
}

/**
 * Creates a token for the actor (or, for the system actor such as the CLI, for `ownerId`).
 * Its permissions must be among the owner's current permissions and the creator's own. The
 * secret is returned once and only its hash is stored.
 */
export async function createApiToken(
  deps: Deps,
  ctx: Ctx,
  input: CreateApiTokenInput,
  ownerId?: number,
): Promise<{ token: ApiToken; secret: string }> {
  requirePermission(ctx, 'tokens.manage');
  const data = parseInput(createApiTokenInput, input, 'Invalid API token');
  const userId = ownerId ?? ctx.actor.id;
  if (userId === null)
    throw validationError('Name the token’s user', [
      { field: 'user', message: 'user is required' },
    ]);
  if (userId !== ctx.actor.id && ctx.actor.id !== null) {
    throw new DomainError('FORBIDDEN', 'Tokens can only be created for oneself');
  }
  const owner = await findUserWithRole(deps.store.db, userId);
  if (owner?.user.active !== 1) throw notFound('User', userId);
  const mine = ctx.actor.id === null ? owner.permissions : ctx.actor.permissions;
  const beyond = data.permissions.filter(
    (p) => !owner.permissions.includes(p) || !mine.includes(p),
  );
  if (beyond.length > 0) {
    throw validationError('A token cannot have permissions its user does not have', [
      {
        field: 'permissions',
        message: `not held by ${owner.user.username}: ${beyond.join(', ')}`,
        value: beyond,
      },
    ]);
  }
  const secret = `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  const now = ctx.now();
  const permissions = [...new Set(data.permissions)];
  const row = await deps.store.db.transaction().execute(async (trx) => {
    const r = await trx
      .insertInto('api_tokens')
      .values({
        user_id: userId,
        name: data.name,
        prefix: secret.slice(0, API_TOKEN_PREFIX.length + 6),
        token_hash: hashApiToken(secret),
        permissions: JSON.stringify(permissions),
        created_at: now.toISOString(),
        created_by: ctx.actor.id,
        expires_at: new Date(now.getTime() + data.days * DAY_MS).toISOString(),
        last_used_at: null,
        last_used_ip: null,
        revoked_at: null,
        revoked_by: null,
      })
      .returning(['id', 'prefix', 'expires_at'])
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, {
      action: 'token.create',
      entity: 'api_token',
      entityId: r.id,
      after: { userId, name: data.name, prefix: r.prefix, permissions, expiresAt: r.expires_at },
    });
    return r;
  });
  const [token] = (await tokens.listTokens(deps.store.db, now.toISOString(), userId)).filter(
    (t) => t.id === row.id,
  );
  if (!token) throw new DomainError('INTERNAL', 'Token vanished right after it was created');
  return { token, secret };
}

/** Tokens: the actor's own, or with `all` (users.manage) everybody's, optionally of one user. */
export async function listApiTokens(
  deps: Deps,
  ctx: Ctx,
  q: { all?: boolean; userId?: number } = {},
): Promise<ApiToken[]> {
  requirePermission(ctx, 'tokens.manage');
  let userId: number | undefined = ctx.actor.id ?? undefined;
  if (q.all || (q.userId !== undefined && q.userId !== ctx.actor.id)) {
    if (!mayManageOthers(ctx)) {
      throw new DomainError('FORBIDDEN', 'Listing other users’ tokens needs users.manage', {
        permission: 'users.manage',
      });
    }
    userId = q.userId;
  }
  return tokens.listTokens(deps.store.db, ctx.now().toISOString(), userId);
}

/** Revokes a token: one's own, or anyone's with users.manage. Revoking twice changes nothing. */
export async function revokeApiToken(deps: Deps, ctx: Ctx, id: number): Promise<ApiToken> {
  requirePermission(ctx, 'tokens.manage');
  const row = await tokens.findTokenById(deps.store.db, id);
  if (!row || (row.user_id !== ctx.actor.id && !mayManageOthers(ctx))) {
    throw notFound('API token', id);
  }
  const now = ctx.now().toISOString();
  if (!row.revoked_at) {
    await deps.store.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('api_tokens')
        .set({ revoked_at: now, revoked_by: ctx.actor.id })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .execute();
      await writeAudit(trx, ctx, {
        action: 'token.revoke',
        entity: 'api_token',
        entityId: id,
        before: { userId: row.user_id, name: row.name, prefix: row.prefix },
      });
    });
  }
  const listed = await tokens.listTokens(deps.store.db, now, row.user_id);
  const token = listed.find((t) => t.id === id);
  if (!token) throw notFound('API token', id);
  return token;
}
