import type { Deps } from './deps';

/** Reads a setting, or undefined. */
export async function getSetting(deps: Deps, key: string): Promise<string | undefined> {
  const r = await deps.store.db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', key)
    .executeTakeFirst();
  return r?.value;
}

/** Writes a setting (insert or replace). */
export async function setSetting(deps: Deps, key: string, value: string): Promise<void> {
  const now = new Date().toISOString();
  await deps.store.db
    .insertInto('settings')
    .values({ key, value, updated_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now }))
    .execute();
}
