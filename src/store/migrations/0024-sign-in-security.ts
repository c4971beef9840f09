import type { Kysely } from 'kysely';
import { types, withId } from './column-types';

/**
 * Sign-in security: API tokens (hash of the secret only, permissions, expiry, last use,
 * revocation) and per-username sign-in failure counters for lockout with backoff.
 *
 * Indexes: a bearer request finds its token by the unique `api_tokens_hash_uq`; a user's tokens
 * are listed by `api_tokens_user_ix`. Throttles are keyed by username.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = types(db);
  await withId(db, db.schema.createTable('api_tokens'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('permissions', t.json, (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('expires_at', t.instant, (c) => c.notNull())
    .addColumn('last_used_at', t.instant)
    .addColumn('last_used_ip', 'text')
    .addColumn('revoked_at', t.instant)
    .addColumn('revoked_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema
    .createIndex('api_tokens_hash_uq')
    .on('api_tokens')
    .column('token_hash')
    .unique()
    .execute();
  await db.schema.createIndex('api_tokens_user_ix').on('api_tokens').column('user_id').execute();

  await db.schema
    .createTable('login_throttles')
    .addColumn('username', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('locked_until', t.instant)
    .addColumn('last_failure_at', t.instant, (c) => c.notNull())
    .execute();
}
