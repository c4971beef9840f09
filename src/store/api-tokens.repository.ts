import type { Kysely } from 'kysely';
import type { ApiToken } from '../domain/auth/api-token.schema';
import type { DB } from './schema';

const COLUMNS = [
  't.id',
  't.user_id',
  'u.username',
  't.name',
  't.prefix',
  't.permissions',
  't.created_at',
  't.expires_at',
  't.last_used_at',
  't.last_used_ip',
  't.revoked_at',
] as const;

/** Tokens newest first: of one user, or everybody's when `userId` is undefined. */
export async function listTokens(
  db: Kysely<DB>,
  now: string,
  userId?: number,
): Promise<ApiToken[]> {
  let q = db
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .select(COLUMNS)
    .orderBy('t.id', 'desc')
    .limit(1000);
  if (userId !== undefined) q = q.where('t.user_id', '=', userId);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    userId: r.user_id,
    username: r.username,
    name: r.name,
    prefix: r.prefix,
    permissions: JSON.parse(r.permissions) as string[],
    createdAt: String(r.created_at),
    expiresAt: String(r.expires_at),
    lastUsedAt: r.last_used_at == null ? null : String(r.last_used_at),
    lastUsedIp: r.last_used_ip,
    revokedAt: r.revoked_at == null ? null : String(r.revoked_at),
    status: r.revoked_at ? 'revoked' : String(r.expires_at) <= now ? 'expired' : 'active',
  }));
}

/** One token row by id, or undefined. */
export function findTokenById(db: Kysely<DB>, id: number) {
  return db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
}

/** One token row by the hash of its secret, or undefined. */
export function findTokenByHash(db: Kysely<DB>, hash: string) {
  return db.selectFrom('api_tokens').selectAll().where('token_hash', '=', hash).executeTakeFirst();
}

/** Records a use of a token. */
export async function touchToken(
  db: Kysely<DB>,
  id: number,
  at: string,
  ip: string | null,
): Promise<void> {
  await db
    .updateTable('api_tokens')
    .set({ last_used_at: at, last_used_ip: ip })
    .where('id', '=', id)
    .execute();
}
