import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { DEMO_OWNERS } from '../../../examples/demo';
import type { DB } from '../../store/schema';

/**
 * A value no password can match: not an argon2 hash, so verification always fails. Demo owners
 * exist to own customers and appear in lists; nobody signs in as them.
 */
function unusablePasswordHash(): string {
  return `!demo-no-login!${randomBytes(16).toString('hex')}`;
}

/**
 * Creates the demo account managers and sales managers that do not exist yet and returns the
 * user ids of all of them, in DEMO_OWNERS order.
 */
export async function ensureDemoOwners(db: Kysely<DB>, now: string): Promise<number[]> {
  const names = DEMO_OWNERS.map((o) => o.username);
  const existing = await db
    .selectFrom('users')
    .select(['id', 'username'])
    .where('username', 'in', names)
    .execute();
  const ids = new Map(existing.map((u) => [u.username, u.id]));
  for (const o of DEMO_OWNERS) {
    if (ids.has(o.username)) continue;
    const row = await db
      .insertInto('users')
      .values({
        username: o.username,
        display_name: o.displayName,
        email: null,
        password_hash: unusablePasswordHash(),
        role_id: o.roleId,
        region: o.region,
        active: 1,
        locale: 'zh-CN',
        created_at: now,
        updated_at: now,
        version: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.set(o.username, row.id);
  }
  return DEMO_OWNERS.map((o) => ids.get(o.username) as number);
}
