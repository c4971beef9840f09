import { sql } from 'kysely';
import type { Deps } from './deps';

/** True when the database answers a trivial query. */
export async function databaseAnswers(deps: Deps): Promise<boolean> {
  try {
    await sql`select 1`.execute(deps.store.db);
    return true;
  } catch {
    return false;
  }
}
