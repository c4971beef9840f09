import type { Kysely } from 'kysely';
import { types, withId } from './column-types';

/**
 * Account managers and visits (seeds 002, 003, 004): monthly visit plans per owner and customer,
 * the history of owner changes, and indexes that make "visits of a month" cheap.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = types(db);
  await withId(db, db.schema.createTable('visit_plans'))
    // Null while the customer has no owner (in the pool, or waiting for one).
    .addColumn('owner_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('customer_id', 'integer', (c) =>
      c.notNull().references('customers.id').onDelete('cascade'),
    )
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('planned', 'integer', (c) => c.notNull())
    .addColumn('ceiling', 'integer', (c) => c.notNull())
    .addColumn('tier', 'text', (c) => c.notNull())
    .addColumn('priority', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    // One plan line a customer a month: a customer has one owner at a time.
    .addUniqueConstraint('visit_plans_customer_month_uq', ['customer_id', 'month'])
    .execute();
  await db.schema
    .createIndex('visit_plans_month_owner_idx')
    .on('visit_plans')
    .columns(['month', 'owner_id'])
    .execute();

  await withId(db, db.schema.createTable('owner_changes'))
    .addColumn('customer_id', 'integer', (c) =>
      c.notNull().references('customers.id').onDelete('cascade'),
    )
    .addColumn('from_owner', 'integer')
    .addColumn('to_owner', 'integer')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'integer')
    .addColumn('changed_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('owner_changes_customer_idx')
    .on('owner_changes')
    .columns(['customer_id', 'changed_at'])
    .execute();

  await db.schema
    .createIndex('visits_user_date_idx')
    .ifNotExists()
    .on('visits')
    .columns(['user_id', 'visited_on'])
    .execute();
  await db.schema
    .createIndex('visits_customer_date_idx')
    .ifNotExists()
    .on('visits')
    .columns(['customer_id', 'visited_on'])
    .execute();
}

/** Drops the account tables and the visit indexes. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('visits_customer_date_idx').ifExists().execute();
  await db.schema.dropIndex('visits_user_date_idx').ifExists().execute();
  await db.schema.dropTable('owner_changes').ifExists().execute();
  await db.schema.dropTable('visit_plans').ifExists().execute();
}
