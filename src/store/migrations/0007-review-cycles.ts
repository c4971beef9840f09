import type { Kysely } from 'kysely';
import { types, withId } from './column-types';

/**
 * Review cycles and what publishing leaves behind: cycles with their configured steps, every
 * action taken on a step, one proposal per customer in scope (computed, proposed, revised tier;
 * finance's credit grade), publications (one per published run), the tier history of each
 * customer, and notifications to users.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = types(db);
  await withId(db, db.schema.createTable('review_cycles'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('scheme_id', 'integer', (c) => c.notNull().references('schemes.id'))
    .addColumn('scheme_version_id', 'integer', (c) => c.notNull().references('scheme_versions.id'))
    .addColumn('run_id', 'integer', (c) => c.references('tier_runs.id'))
    .addColumn('as_of', t.date, (c) => c.notNull())
    .addColumn('scope', t.json, (c) => c.notNull())
    .addColumn('deadline', t.date, (c) => c.notNull())
    .addColumn('effective_from', t.date)
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('current_step', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer')
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addColumn('published_at', t.instant)
    .execute();

  await withId(db, db.schema.createTable('review_steps'))
    .addColumn('cycle_id', 'integer', (c) =>
      c.notNull().references('review_cycles.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('role_id', 'text', (c) => c.notNull())
    .addColumn('due_on', t.date, (c) => c.notNull())
    .addColumn('completed_by', 'integer')
    .addColumn('completed_at', t.instant)
    .addUniqueConstraint('review_steps_position_uq', ['cycle_id', 'position'])
    .execute();

  await withId(db, db.schema.createTable('review_events'))
    .addColumn('cycle_id', 'integer', (c) =>
      c.notNull().references('review_cycles.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('review_events_cycle_idx')
    .on('review_events')
    .columns(['cycle_id', 'id'])
    .execute();

  await db.schema
    .createTable('review_proposals')
    .addColumn('cycle_id', 'integer', (c) =>
      c.notNull().references('review_cycles.id').onDelete('cascade'),
    )
    .addColumn('customer_id', 'integer', (c) =>
      c.notNull().references('customers.id').onDelete('cascade'),
    )
    .addColumn('computed_tier', 'text', (c) => c.notNull())
    .addColumn('score', t.float)
    .addColumn('previous_tier', 'text')
    .addColumn('proposed_tier', 'text')
    .addColumn('proposal_reason', 'text')
    .addColumn('proposed_by', 'integer')
    .addColumn('proposed_at', t.instant)
    .addColumn('credit_grade', 'text')
    .addColumn('receivables_confirmed', 'integer')
    .addColumn('finance_note', 'text')
    .addColumn('finance_by', 'integer')
    .addColumn('finance_at', t.instant)
    .addColumn('revised_tier', 'text')
    .addColumn('revision_reason', 'text')
    .addColumn('revised_by', 'integer')
    .addColumn('revised_at', t.instant)
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('review_proposals_pk', ['cycle_id', 'customer_id'])
    .execute();

  await withId(db, db.schema.createTable('tier_publications'))
    .addColumn('scheme_id', 'integer', (c) => c.notNull().references('schemes.id'))
    .addColumn('run_id', 'integer', (c) => c.notNull().unique().references('tier_runs.id'))
    .addColumn('cycle_id', 'integer', (c) => c.references('review_cycles.id'))
    .addColumn('effective_from', t.date, (c) => c.notNull())
    .addColumn('published_by', 'integer')
    .addColumn('published_at', t.instant, (c) => c.notNull())
    .addColumn('summary', t.json, (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('tier_history'), true)
    .addColumn('scheme_id', 'integer', (c) =>
      c.notNull().references('schemes.id').onDelete('cascade'),
    )
    .addColumn('customer_id', 'integer', (c) =>
      c.notNull().references('customers.id').onDelete('cascade'),
    )
    .addColumn('from_tier', 'text')
    // Null when the customer left the scheme (no longer in its segment).
    .addColumn('to_tier', 'text')
    .addColumn('reason', 'text')
    .addColumn('publication_id', 'integer', (c) => c.references('tier_publications.id'))
    .addColumn('run_id', 'integer', (c) => c.references('tier_runs.id'))
    .addColumn('cycle_id', 'integer', (c) => c.references('review_cycles.id'))
    .addColumn('approver_id', 'integer')
    .addColumn('effective_from', t.date, (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('tier_history_customer_idx')
    .on('tier_history')
    .columns(['customer_id', 'scheme_id', 'effective_from'])
    .execute();
  await db.schema
    .createIndex('tier_history_publication_idx')
    .on('tier_history')
    .columns(['publication_id'])
    .execute();

  await withId(db, db.schema.createTable('notifications'), true)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', t.json, (c) => c.notNull())
    .addColumn('entity', 'text')
    .addColumn('entity_id', 'text')
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('read_at', t.instant)
    .execute();
  await db.schema
    .createIndex('notifications_user_idx')
    .on('notifications')
    .columns(['user_id', 'read_at'])
    .execute();
}

/** Drops the review tables. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'notifications',
    'tier_history',
    'tier_publications',
    'review_proposals',
    'review_events',
    'review_steps',
    'review_cycles',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
