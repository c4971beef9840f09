import type { Kysely } from 'kysely';
import type { DB } from './schema';

/** The failure counter of a username (normalised to lower case by the caller), or undefined. */
export function findThrottle(db: Kysely<DB>, username: string) {
  return db
    .selectFrom('login_throttles')
    .selectAll()
    .where('username', '=', username)
    .executeTakeFirst();
}

/** Stores the counter after a failure (insert or replace). */
export async function saveThrottle(
  db: Kysely<DB>,
  row: { username: string; failures: number; locked_until: string | null; last_failure_at: string },
): Promise<void> {
  await db
    .insertInto('login_throttles')
    .values(row)
    .onConflict((oc) =>
      oc.column('username').doUpdateSet({
        failures: row.failures,
        locked_until: row.locked_until,
        last_failure_at: row.last_failure_at,
      }),
    )
    .execute();
}

/** Forgets a username's failures (after a successful sign-in or an administrator's unlock). */
export async function clearThrottle(db: Kysely<DB>, username: string): Promise<void> {
  await db.deleteFrom('login_throttles').where('username', '=', username).execute();
}
