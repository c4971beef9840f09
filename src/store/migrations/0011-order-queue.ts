import type { Kysely } from 'kysely';
import { types, withId } from './column-types';

/**
 * The order queue: orders submitted after passing the tier-policy check, with the tier, score
 * and queue priority they had at submission (a later re-tiering does not reorder work already
 * promised).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = types(db);
  await withId(db, db.schema.createTable('order_requests'))
    .addColumn('customer_id', 'integer', (c) =>
      c.notNull().references('customers.id').onDelete('cascade'),
    )
    .addColumn('scheme_id', 'integer')
    .addColumn('catalog_version', 'integer')
    .addColumn('lines', t.json, (c) => c.notNull())
    .addColumn('line_count', 'integer', (c) => c.notNull())
    .addColumn('internal_total_minor', t.big, (c) => c.notNull())
    .addColumn('requested_total_minor', t.big, (c) => c.notNull())
    .addColumn('floor_total_minor', t.big, (c) => c.notNull())
    .addColumn('discount_pct', t.float, (c) => c.notNull())
    .addColumn('payment_term', 'text', (c) => c.notNull())
    .addColumn('delivery_date', t.date, (c) => c.notNull())
    .addColumn('rush', 'integer', (c) => c.notNull())
    .addColumn('tier', 'text', (c) => c.notNull())
    .addColumn('score', t.float)
    .addColumn('priority', 'integer', (c) => c.notNull())
    .addColumn('review', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'integer')
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('order_requests_status_priority_idx')
    .on('order_requests')
    .columns(['status', 'priority'])
    .execute();
  await db.schema
    .createIndex('order_requests_customer_idx')
    .on('order_requests')
    .columns(['customer_id'])
    .execute();
}

/** Drops the order queue. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('order_requests').ifExists().execute();
}
