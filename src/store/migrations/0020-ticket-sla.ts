import { type Kysely, sql } from 'kysely';
import { isPostgres, types, withId } from './column-types';

/**
 * SLA clocks on tickets: one row per ticket with the due instants the queue sorts on, and a log
 * of what happened to the clocks (computed, paused, warned, escalated…).
 *
 * Indexes: the agent queue reads clock rows in `ticket_slas_queue_ix (breached desc,
 * resolution_due_at asc nulls first)` order and joins each to its ticket (open ones only), so a
 * page stops after its rows; the supervisor's breached list and counts use the same index,
 * the at-risk ones and the minute scan `ticket_slas_warn_ix (warn_at)`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = types(db);
  await db.schema
    .createTable('ticket_slas')
    .addColumn('ticket_id', 'integer', (c) =>
      c.primaryKey().references('tickets.id').onDelete('cascade'),
    )
    .addColumn('policy_version', 'integer')
    .addColumn('policy_key', 'text')
    .addColumn('tier', 'text')
    .addColumn('calendar_key', 'text')
    .addColumn('first_reply_due_at', t.instant)
    .addColumn('response_due_at', t.instant)
    .addColumn('resolution_due_at', t.instant)
    .addColumn('warn_at', t.instant)
    .addColumn('first_reply_met', 'integer')
    .addColumn('resolution_met', 'integer')
    .addColumn('breached', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('escalation_level', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('paused_since', t.instant)
    .addColumn('paused_ms', t.big, (c) => c.notNull().defaultTo(0))
    .addColumn('recomputed_at', t.instant, (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  // Nulls first on both engines (SQLite's only order): clocks without a resolution deadline
  // sort right after the breached ones.
  if (isPostgres(db))
    await sql`create index ticket_slas_queue_ix on ticket_slas (breached desc, resolution_due_at asc nulls first)`.execute(
      db,
    );
  else
    await db.schema
      .createIndex('ticket_slas_queue_ix')
      .on('ticket_slas')
      .columns(['breached desc', 'resolution_due_at'])
      .execute();
  await db.schema.createIndex('ticket_slas_warn_ix').on('ticket_slas').column('warn_at').execute();
  await withId(db, db.schema.createTable('ticket_sla_events'), true)
    .addColumn('ticket_id', 'integer', (c) =>
      c.notNull().references('tickets.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('detail', t.json, (c) => c.notNull())
    .addColumn('at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('ticket_sla_events_ticket_ix')
    .on('ticket_sla_events')
    .columns(['ticket_id', 'id'])
    .execute();
}

/** Drops the clock tables. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('ticket_sla_events').ifExists().execute();
  await db.schema.dropTable('ticket_slas').ifExists().execute();
}
