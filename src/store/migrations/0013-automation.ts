import type { Kysely } from 'kysely';
import { types, withId } from './column-types';

/**
 * Automation rules (issue 7): each rule's settings, and every firing with its evidence. A firing's
 * dedupe key (rule, customer, period) is unique, so a rule never acts twice on the same thing
 * even when the nightly sweep and a payment recorded by hand race.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = types(db);
  await db.schema
    .createTable('automation_rules')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('params', t.json, (c) => c.notNull())
    .addColumn('updated_by', 'integer')
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('automation_firings'), true)
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'integer', (c) =>
      c.notNull().references('customers.id').onDelete('cascade'),
    )
    .addColumn('dedupe_key', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('evidence', t.json, (c) => c.notNull())
    .addColumn('actions', t.json, (c) => c.notNull())
    .addColumn('fired_at', t.instant, (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('job_id', 'integer')
    .addUniqueConstraint('automation_firings_dedupe_uq', ['dedupe_key'])
    .execute();
  await db.schema
    .createIndex('automation_firings_rule_idx')
    .on('automation_firings')
    .columns(['rule', 'fired_at'])
    .execute();
  await db.schema
    .createIndex('automation_firings_customer_idx')
    .on('automation_firings')
    .columns(['customer_id', 'fired_at'])
    .execute();
  await db.schema
    .createIndex('automation_firings_time_idx')
    .on('automation_firings')
    .column('fired_at')
    .execute();
}

/** Drops the automation tables. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('automation_firings').ifExists().execute();
  await db.schema.dropTable('automation_rules').ifExists().execute();
}
