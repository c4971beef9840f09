import type { Kysely } from 'kysely';
import type { DB } from './schema';

/**
 * JSON values kept in the settings table (demo state, key-rotation checkpoints): read and
 * written through the handle given, so they can join the caller's transaction.
 */

/** A JSON setting read through the given handle, or undefined. */
export async function readJsonSetting<T>(db: Kysely<DB>, key: string): Promise<T | undefined> {
  const r = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', key)
    .executeTakeFirst();
  return r ? (JSON.parse(r.value) as T) : undefined;
}

/** Inserts or replaces a JSON setting through the given handle, so it joins its transaction. */
export async function writeJsonSetting(
  db: Kysely<DB>,
  key: string,
  value: unknown,
  now: string,
): Promise<void> {
  const text = JSON.stringify(value);
  await db
    .insertInto('settings')
    .values({ key, value: text, updated_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: text, updated_at: now }))
    .execute();
}
