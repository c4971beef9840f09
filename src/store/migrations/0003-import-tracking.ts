import type { Kysely } from 'kysely';
import { types } from './column-types';

/**
 * Remembers which import run last wrote each order and payment. A key seen twice in one file is
 * then caught by the database itself (the row already carries this run's id), so duplicate
 * detection needs no in-memory set that grows with the file.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = types(db);
  await db.schema.alterTable('orders').addColumn('import_run_id', 'integer').execute();
  await db.schema.alterTable('payments').addColumn('import_run_id', 'integer').execute();
  await db.schema.alterTable('import_runs').addColumn('options', t.json).execute();
  await db.schema.alterTable('import_runs').addColumn('rejected_file', 'text').execute();
  await db.schema.alterTable('import_runs').addColumn('customers_created', 'integer').execute();
}

/** Nothing to undo safely on SQLite (columns stay); the tracking is harmless when unused. */
export async function down(): Promise<void> {}
