import type { Kysely } from 'kysely';
import { allows } from '../../domain/auth/permissions';
import { DomainError, notFound } from '../../domain/errors';
import type { DB } from '../../store/schema';
import * as sessions from '../../store/sessions.repository';
import { writeAudit } from '../audit';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { forgetSessions } from './sessions.service';

/** An open session as listed to its owner or an administrator (never the cookie token). */
export interface SessionView {
  /** The stored id: the SHA-256 of the cookie token, which cannot be turned back into it. */
  id: string;
  userId: number;
  username: string;
  displayName: string;
  ip: string | null;
  userAgent: string | null;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  /** True for the session making this request. */
  current: boolean;
}

/** Administrators (users.manage) act on anyone's sessions; everybody else on their own. */
function mayManageOthers(ctx: Ctx): boolean {
  return ctx.actor.id === null || allows(ctx.actor.permissions, 'users.manage');
}

/**
 * Open sessions: the actor's own, or with `all` (users.manage) everybody's, optionally of one
 * user. `currentId` marks the session of the request.
 */
export async function listSessions(
  deps: Deps,
  ctx: Ctx,
  q: { all?: boolean; userId?: number; currentId?: string },
): Promise<SessionView[]> {
  let userId: number | undefined = ctx.actor.id ?? undefined;
  if (q.all || (q.userId !== undefined && q.userId !== ctx.actor.id)) {
    if (!mayManageOthers(ctx)) {
      throw new DomainError('FORBIDDEN', 'Listing other users’ sessions needs users.manage', {
        permission: 'users.manage',
      });
    }
    userId = q.userId;
  }
  const rows = await sessions.listOpenSessions(deps.store.db, ctx.now().toISOString(), userId);
  return rows.map((r) => ({
    id: r.id,
    userId: r.user_id,
    username: r.username,
    displayName: r.display_name,
    ip: r.ip,
    userAgent: r.user_agent,
    createdAt: String(r.created_at),
    lastSeenAt: String(r.last_seen_at),
    expiresAt: String(r.expires_at),
    current: r.id === q.currentId,
  }));
}

/** Ends one session: one's own, or anyone's with users.manage. Audited as `auth.session_end`. */
export async function endSession(deps: Deps, ctx: Ctx, sessionId: string): Promise<void> {
  const owner = await sessions.findSessionOwner(deps.store.db, sessionId);
  if (owner === undefined || (owner !== ctx.actor.id && !mayManageOthers(ctx))) {
    throw notFound('Session', sessionId);
  }
  await deps.store.db.transaction().execute(async (trx) => {
    await sessions.deleteSession(trx, sessionId);
    await writeAudit(trx, ctx, {
      action: 'auth.session_end',
      entity: 'user',
      entityId: owner,
      before: { sessionId: sessionId.slice(0, 12) },
    });
  });
  forgetSessions();
}

/**
 * Ends every session of a user (one's own, or anyone's with users.manage), except `keep`.
 * Returns how many ended.
 */
export async function endUserSessions(
  deps: Deps,
  ctx: Ctx,
  userId: number,
  keep?: string,
): Promise<number> {
  if (userId !== ctx.actor.id && !mayManageOthers(ctx)) {
    throw new DomainError('FORBIDDEN', 'Ending other users’ sessions needs users.manage', {
      permission: 'users.manage',
    });
  }
  return deps.store.db.transaction().execute((trx) => endAllSessionsOf(trx, ctx, userId, keep));
}

/**
 * Ends a user's sessions inside the caller's transaction, audited. For use cases that change
 * what a session stands for: a password change or reset, disabling the user.
 */
export async function endAllSessionsOf(
  trx: Kysely<DB>,
  ctx: Ctx,
  userId: number,
  keep?: string,
): Promise<number> {
  const n = await sessions.deleteUserSessions(trx, userId, keep);
  if (n > 0) {
    await writeAudit(trx, ctx, {
      action: 'auth.sessions_end',
      entity: 'user',
      entityId: userId,
      after: { ended: n },
    });
  }
  forgetSessions();
  return n;
}
