import type { Kysely, Selectable } from 'kysely';
import type { DB, UsersTable } from './schema';

/**
 * A session with its user and the user's role permissions, in one query: every API request
 * resolves its session, so this is on the hot path of each call.
 */
export async function findSessionWithUser(db: Kysely<DB>, sessionId: string) {
  const r = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .leftJoin('roles as r', 'r.id', 'u.role_id')
    .selectAll('u')
    .select([
      's.created_at as session_created_at',
      's.expires_at as session_expires_at',
      's.last_seen_at as session_last_seen_at',
      's.csrf_token as session_csrf_token',
      'r.permissions as role_permissions',
      'r.row_scope as role_row_scope',
    ])
    .where('s.id', '=', sessionId)
    .executeTakeFirst();
  if (!r) return undefined;
  const {
    session_created_at,
    session_expires_at,
    session_last_seen_at,
    session_csrf_token,
    role_permissions,
    role_row_scope,
    ...user
  } = r;
  return {
    user: user as Selectable<UsersTable>,
    createdAt: String(session_created_at),
    expiresAt: String(session_expires_at),
    lastSeenAt: String(session_last_seen_at),
    csrfToken: session_csrf_token,
    permissions: role_permissions ? (JSON.parse(role_permissions) as string[]) : [],
    rowScope: role_row_scope ?? 'all',
  };
}

/** A user with the permissions and row scope of their role, or undefined. */
export async function findUserWithRole(db: Kysely<DB>, userId: number) {
  const r = await db
    .selectFrom('users as u')
    .leftJoin('roles as r', 'r.id', 'u.role_id')
    .selectAll('u')
    .select(['r.permissions as role_permissions', 'r.row_scope as role_row_scope'])
    .where('u.id', '=', userId)
    .executeTakeFirst();
  if (!r) return undefined;
  const { role_permissions, role_row_scope, ...user } = r;
  return {
    user: user as Selectable<UsersTable>,
    permissions: role_permissions ? (JSON.parse(role_permissions) as string[]) : [],
    rowScope: role_row_scope ?? 'all',
  };
}

/** Open sessions (not yet expired), newest first, optionally of one user, with the username. */
export async function listOpenSessions(db: Kysely<DB>, now: string, userId?: number) {
  let q = db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      's.id',
      's.user_id',
      'u.username',
      'u.display_name',
      's.ip',
      's.user_agent',
      's.created_at',
      's.last_seen_at',
      's.expires_at',
    ])
    .where('s.expires_at', '>', now)
    .orderBy('s.last_seen_at', 'desc')
    .limit(1000);
  if (userId !== undefined) q = q.where('s.user_id', '=', userId);
  return q.execute();
}

/** The owner of a session, or undefined. */
export async function findSessionOwner(db: Kysely<DB>, sessionId: string) {
  const r = await db
    .selectFrom('sessions')
    .select('user_id')
    .where('id', '=', sessionId)
    .executeTakeFirst();
  return r?.user_id;
}

/** Deletes one session; the number deleted (0 or 1). */
export async function deleteSession(db: Kysely<DB>, sessionId: string): Promise<number> {
  const r = await db.deleteFrom('sessions').where('id', '=', sessionId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Deletes every session of a user, except `keep` when given; the number deleted. */
export async function deleteUserSessions(
  db: Kysely<DB>,
  userId: number,
  keep?: string,
): Promise<number> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keep) q = q.where('id', '!=', keep);
  const r = await q.executeTakeFirst();
  return Number(r.numDeletedRows);
}
