import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { securityOf } from '../../config';
import type { Permission } from '../../domain/auth/permissions';
import { isRowScope } from '../../domain/auth/row-scope';
import { DomainError } from '../../domain/errors';
import { type LoginInput, loginInput, type User } from '../../domain/users/user.schema';
import * as sessions from '../../store/sessions.repository';
import * as repo from '../../store/users.repository';
import { writeAudit } from '../audit';
import type { Actor, Ctx } from '../context';
import type { Deps } from '../deps';
import { parseInput } from '../parse';
import { clearFailures, recordFailure, refuseWhileLocked } from './login-throttle';
import { verifyDummy, verifyPassword } from './password';

/** How long a session lives without use. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

/** Only the hash of a session token is stored, so a leaked table cannot sign anyone in. */
export function tokenId(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface SessionInfo {
  actor: Actor;
  user: User;
  csrfToken: string;
  expiresAt: string;
  /** The stored id of the session (the hash of its token); absent for API tokens. */
  sessionId?: string;
  /** The API token behind a bearer request; absent for cookie sessions. */
  apiTokenId?: number;
}

/**
 * Checks credentials and opens a session. Unknown user, wrong password and disabled user get
 * the same error; a username locked after repeated failures gets RATE_LIMITED with the wait.
 */
export async function login(
  deps: Deps,
  ctx: Ctx,
  input: LoginInput,
  client: { ip?: string; userAgent?: string } = {},
): Promise<{ token: string; session: SessionInfo }> {
  const data = parseInput(loginInput, input, 'Invalid sign-in');
  await refuseWhileLocked(deps, ctx, data.username, client.ip ?? null);
  const row = await repo.findUserRowByUsername(deps.store.db, data.username);
  const ok = row ? await verifyPassword(row.password_hash, data.password) : false;
  if (!row) await verifyDummy(data.password);
  if (!row || !ok || row.active !== 1) {
    const lockedUntil = await recordFailure(deps, ctx, data.username);
    await writeAudit(deps.store.db, ctx, {
      action: 'auth.login_failed',
      entity: 'user',
      entityId: row?.id ?? null,
      after: { username: data.username, ip: client.ip ?? null, lockedUntil },
    });
    throw new DomainError('UNAUTHENTICATED', 'Wrong username or password');
  }
  await clearFailures(deps, data.username);
  const token = randomBytes(32).toString('base64url');
  // A fresh CSRF token with every session: a token from an earlier sign-in never matches.
  const csrfToken = randomBytes(24).toString('base64url');
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS).toISOString();
  await deps.store.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('sessions')
      .values({
        id: tokenId(token),
        user_id: row.id,
        csrf_token: csrfToken,
        created_at: now.toISOString(),
        expires_at: expiresAt,
        last_seen_at: now.toISOString(),
        ip: client.ip ?? null,
        user_agent: client.userAgent?.slice(0, 300) ?? null,
      })
      .execute();
    await writeAudit(
      trx,
      { ...ctx, actor: { ...ctx.actor, id: row.id, name: row.username } },
      { action: 'auth.login', entity: 'user', entityId: row.id, after: { ip: client.ip ?? null } },
    );
  });
  const session = await resolveSession(deps, token, now);
  if (!session) throw new DomainError('INTERNAL', 'Session vanished right after sign-in');
  return { token, session };
}

/**
 * How long a resolved session is reused without asking the database again. Every API call
 * resolves its session; a front-line screen makes many calls a second. A few seconds bound how
 * long a change made behind the product's back (a row edited by hand, another server process)
 * takes to be seen; changes made through the product drop the cache at once (`forgetSessions`).
 */
const SESSION_CACHE_MS = 5_000;
let recent = new WeakMap<Deps['store']['db'], Map<string, { info: SessionInfo; until: number }>>();

/** Drops every cached session: call after changing users, roles, permissions or sessions. */
export function forgetSessions(): void {
  recent = new WeakMap();
}

function sessionCache(deps: Deps) {
  let m = recent.get(deps.store.db);
  if (!m) {
    m = new Map();
    recent.set(deps.store.db, m);
  }
  return m;
}

/** Why a cookie did not resolve to a session (for the audit of the refusal). */
export type SessionRefusal = 'unknown' | 'expired' | 'disabled';

/**
 * The session behind a cookie token, or why there is none: unknown (never issued, ended or
 * forged), expired (idle too long, or past its absolute lifetime) or the user is disabled.
 * Extends the idle expiry (sliding) at most once a minute, never past the absolute lifetime.
 */
export async function checkSession(
  deps: Deps,
  token: string,
  now: Date,
): Promise<{ session: SessionInfo } | { refused: SessionRefusal }> {
  const db = deps.store.db;
  const id = tokenId(token);
  const cache = sessionCache(deps);
  const hit = cache.get(id);
  if (hit && hit.until > now.getTime() && Date.parse(hit.info.expiresAt) > now.getTime())
    return { session: hit.info };
  const s = await sessions.findSessionWithUser(db, id);
  if (!s) return { refused: 'unknown' };
  const hardEnd = Date.parse(s.createdAt) + securityOf(deps.config).sessionMaxHours * 3_600_000;
  if (Date.parse(s.expiresAt) <= now.getTime() || hardEnd <= now.getTime()) {
    await sessions.deleteSession(db, id);
    return { refused: 'expired' };
  }
  const row = s.user;
  if (row.active !== 1) return { refused: 'disabled' };
  let expiresAt = s.expiresAt;
  if (now.getTime() - Date.parse(s.lastSeenAt) > 60_000) {
    expiresAt = new Date(now.getTime() + SESSION_TTL_MS).toISOString();
    await db
      .updateTable('sessions')
      .set({ last_seen_at: now.toISOString(), expires_at: expiresAt })
      .where('id', '=', id)
      .execute();
  }
  if (Date.parse(expiresAt) > hardEnd) expiresAt = new Date(hardEnd).toISOString();
  const info: SessionInfo = {
    actor: {
      id: row.id,
      name: row.username,
      roleId: row.role_id,
      permissions: s.permissions as Permission[],
      region: row.region,
      rowScope: isRowScope(s.rowScope) ? s.rowScope : 'own',
      team: row.team ?? null,
    },
    user: repo.toUser(row),
    csrfToken: s.csrfToken,
    expiresAt,
    sessionId: id,
  };
  if (cache.size > 10_000) cache.clear();
  cache.set(id, { info, until: now.getTime() + SESSION_CACHE_MS });
  return { session: info };
}

/** The session behind a cookie token, or undefined when unknown, expired or the user disabled. */
export async function resolveSession(
  deps: Deps,
  token: string,
  now: Date,
): Promise<SessionInfo | undefined> {
  const r = await checkSession(deps, token, now);
  return 'session' in r ? r.session : undefined;
}

/** Ends a session. Unknown tokens are ignored (logging out twice is fine). */
export async function logout(deps: Deps, ctx: Ctx, token: string): Promise<void> {
  sessionCache(deps).delete(tokenId(token));
  await deps.store.db.transaction().execute(async (trx) => {
    if ((await sessions.deleteSession(trx, tokenId(token))) > 0) {
      await writeAudit(trx, ctx, { action: 'auth.logout', entity: 'user', entityId: ctx.actor.id });
    }
  });
}

/** Constant-time comparison of the CSRF header with the session's token. */
export function csrfMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
