import type { Kysely } from 'kysely';
import { types } from './column-types';

/**
 * Per-customer monthly rollups of the facts that tiering metrics read. Re-tiering a million
 * customers then sums at most a few dozen small rows per customer instead of rescanning every
 * order, payment and survey. Rollups are refreshed in the same transaction as the facts they
 * summarise (see store/metrics/rollups.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = types(db);
  await db.schema
    .createTable('customer_month_rollups')
    .addColumn('customer_id', 'integer', (c) =>
      c.notNull().references('customers.id').onDelete('cascade'),
    )
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('order_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('revenue_minor', t.big, (c) => c.notNull().defaultTo(0))
    .addColumn('costed_revenue_minor', t.big, (c) => c.notNull().defaultTo(0))
    .addColumn('cost_minor', t.big, (c) => c.notNull().defaultTo(0))
    .addColumn('quantity', t.big, (c) => c.notNull().defaultTo(0))
    .addColumn('first_order_on', t.date)
    .addColumn('last_order_on', t.date)
    .addColumn('invoices_due', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('invoices_on_time', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('invoices_late', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('invoices_unpaid', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('amount_due_minor', t.big, (c) => c.notNull().defaultTo(0))
    .addColumn('amount_paid_minor', t.big, (c) => c.notNull().defaultTo(0))
    .addColumn('days_late_sum', t.big, (c) => c.notNull().defaultTo(0))
    .addColumn('complaints', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('feedback', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('surveys', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('survey_score_sum', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('referrals', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('visits', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('customer_month_rollups_pk', ['customer_id', 'month'])
    .execute();
  await db.schema
    .createIndex('rollups_month_idx')
    .on('customer_month_rollups')
    .column('month')
    .execute();
}

/** Drops the rollups (they can always be rebuilt from the facts). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('customer_month_rollups').ifExists().execute();
}
