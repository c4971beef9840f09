import type { Kysely } from 'kysely';
import { types, withId } from './column-types';

/**
 * The relationship lifecycle around tiering: each customer's stage (prospect, active,
 * terminating, terminated), upgrade applications, termination workflows, and marketing
 * activities (refused for customers on their way out).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = types(db);
  await db.schema
    .alterTable('customers')
    .addColumn('lifecycle_stage', 'text', (c) => c.notNull().defaultTo('active'))
    .execute();

  await withId(db, db.schema.createTable('upgrade_applications'))
    .addColumn('scheme_id', 'integer', (c) =>
      c.notNull().references('schemes.id').onDelete('cascade'),
    )
    .addColumn('customer_id', 'integer', (c) =>
      c.notNull().references('customers.id').onDelete('cascade'),
    )
    .addColumn('current_tier', 'text')
    .addColumn('requested_tier', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('applicant_id', 'integer')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'integer')
    .addColumn('decided_at', t.instant)
    .addColumn('decision_note', 'text')
    .addColumn('expires_on', t.date)
    .addColumn('override_id', 'integer', (c) => c.references('tier_overrides.id'))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('upgrade_applications_status_idx')
    .on('upgrade_applications')
    .columns(['status', 'scheme_id'])
    .execute();

  await withId(db, db.schema.createTable('customer_terminations'))
    .addColumn('customer_id', 'integer', (c) =>
      c.notNull().references('customers.id').onDelete('cascade'),
    )
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'integer')
    .addColumn('requested_at', t.instant, (c) => c.notNull())
    .addColumn('decided_by', 'integer')
    .addColumn('decided_at', t.instant)
    .addColumn('decision_note', 'text')
    .addColumn('notice_sent_on', t.date)
    .addColumn('notice_channel', 'text')
    .addColumn('notice_note', 'text')
    .addColumn('orders_closed_by', 'integer')
    .addColumn('orders_closed_at', t.instant)
    .addColumn('settled_by', 'integer')
    .addColumn('settled_at', t.instant)
    .addColumn('settlement_note', 'text')
    .addColumn('completed_by', 'integer')
    .addColumn('completed_at', t.instant)
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('customer_terminations_customer_idx')
    .on('customer_terminations')
    .columns(['customer_id', 'status'])
    .execute();

  await withId(db, db.schema.createTable('marketing_activities'))
    .addColumn('customer_id', 'integer', (c) =>
      c.notNull().references('customers.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('planned_on', t.date, (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('marketing_activities_customer_idx')
    .on('marketing_activities')
    .columns(['customer_id'])
    .execute();
}

/** Drops the lifecycle tables and the stage column. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['marketing_activities', 'customer_terminations', 'upgrade_applications']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
  await db.schema.alterTable('customers').dropColumn('lifecycle_stage').execute();
}
