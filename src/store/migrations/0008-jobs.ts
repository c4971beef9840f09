import type { Kysely } from 'kysely';
import { types, withId } from './column-types';

/**
 * Durable jobs and their cron schedules, kept in the same database so work survives a restart
 * and every server process sees the same queue.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = types(db);
  await withId(db, db.schema.createTable('jobs'), true)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', t.json, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('queued'))
    .addColumn('run_at', t.instant, (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull().defaultTo(3))
    .addColumn('progress', t.json)
    .addColumn('error', 'text')
    // The lease: a running job whose lease passed belongs to a dead process and is claimed again.
    .addColumn('locked_until', t.instant)
    // Which runner holds the lease, so a runner that lost it cannot finish someone else's attempt.
    .addColumn('locked_by', 'text')
    // Unique but nullable: both engines allow many NULLs, so only keyed jobs are deduplicated.
    .addColumn('dedupe_key', 'text', (c) => c.unique())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('started_at', t.instant)
    .addColumn('finished_at', t.instant)
    .execute();
  await db.schema.createIndex('jobs_due_idx').on('jobs').columns(['status', 'run_at']).execute();
  await db.schema.createIndex('jobs_kind_idx').on('jobs').columns(['kind', 'id']).execute();

  await withId(db, db.schema.createTable('job_schedules'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('cron', 'text', (c) => c.notNull())
    .addColumn('timezone', 'text', (c) => c.notNull())
    .addColumn('payload', t.json, (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('next_run_at', t.instant)
    .addColumn('last_run_at', t.instant)
    .addColumn('created_by', 'integer')
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('job_schedules_due_idx')
    .on('job_schedules')
    .columns(['enabled', 'next_run_at'])
    .execute();
}

/** Drops the job tables. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('job_schedules').ifExists().execute();
  await db.schema.dropTable('jobs').ifExists().execute();
}
