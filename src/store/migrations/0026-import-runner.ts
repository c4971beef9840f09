import type { Kysely } from 'kysely';

/**
 * Which server process runs an import (`host:pid`), so that a server starting up marks as
 * interrupted only the runs whose process is gone, not those another live server is running.
 * Runs from before this column have none and are judged as before.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('import_runs').addColumn('runner', 'text').execute();
}
