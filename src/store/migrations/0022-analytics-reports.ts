import type { Kysely } from 'kysely';
import { types, withId } from './column-types';

/**
 * Analytics reports: one row per produced report (weekly, monthly or made on demand) holding the
 * figures as they were when it ran, so a report reads the same forever. Schedules are rows of
 * job_schedules (kind analytics.report); the workbook is rendered from `content` on download.
 *
 * Indexes: the list pages newest first by id (primary key); a schedule's reports are found by
 * `analytics_reports_schedule_ix`; a job attempt that ran again finds the report it already
 * stored through the unique `analytics_reports_job_uq`; the e-mail sender finds the report an
 * e-mail belongs to (to attach its workbook) by `analytics_reports_event_ix`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = types(db);
  await withId(db, db.schema.createTable('analytics_reports'))
    .addColumn('schedule_id', 'integer', (c) =>
      c.references('job_schedules.id').onDelete('set null'),
    )
    .addColumn('job_id', 'integer')
    .addColumn('cadence', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('period_from', t.date, (c) => c.notNull())
    .addColumn('period_to', t.date, (c) => c.notNull())
    .addColumn('filters', t.json, (c) => c.notNull())
    .addColumn('content', t.json, (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('recipients', t.json, (c) => c.notNull())
    .addColumn('delivery', t.json, (c) => c.notNull())
    .addColumn('event_id', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('analytics_reports_schedule_ix')
    .on('analytics_reports')
    .columns(['schedule_id', 'id'])
    .execute();
  await db.schema
    .createIndex('analytics_reports_job_uq')
    .on('analytics_reports')
    .column('job_id')
    .unique()
    .execute();
  await db.schema
    .createIndex('analytics_reports_event_ix')
    .on('analytics_reports')
    .column('event_id')
    .execute();
}

/** Drops the reports table. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('analytics_reports').ifExists().execute();
}
