import type { Kysely } from 'kysely';
import { types, withId } from './column-types';

/**
 * Entitlement uses and balances. A balance row counts the uses of one entitlement by one customer
 * in one period; quota enforcement is a conditional update of that row, atomic on both engines.
 * Also an index for the front-line card's open-ticket lookup.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = types(db);
  await db.schema
    .createTable('entitlement_balances')
    .addColumn('customer_id', 'integer', (c) =>
      c.notNull().references('customers.id').onDelete('cascade'),
    )
    .addColumn('entitlement_key', 'text', (c) => c.notNull())
    .addColumn('period_key', 'text', (c) => c.notNull())
    .addColumn('used', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('entitlement_balances_pk', [
      'customer_id',
      'entitlement_key',
      'period_key',
    ])
    .execute();

  await withId(db, db.schema.createTable('entitlement_uses'))
    .addColumn('customer_id', 'integer', (c) =>
      c.notNull().references('customers.id').onDelete('cascade'),
    )
    .addColumn('entitlement_key', 'text', (c) => c.notNull())
    .addColumn('period_key', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('choice', 'text')
    // The choice again, only for entitlements whose choices are never repeated, and cleared on
    // void: the unique index below then refuses a second use of the same choice atomically
    // (NULLs are distinct in unique indexes on both engines).
    .addColumn('repeat_guard', 'text')
    .addColumn('batch_size', 'integer')
    .addColumn('note', 'text')
    .addColumn('tier', 'text')
    .addColumn('used_by', 'integer')
    .addColumn('used_at', t.instant, (c) => c.notNull())
    .addColumn('voided_at', t.instant)
    .addColumn('voided_by', 'integer')
    .addColumn('void_reason', 'text')
    .execute();
  await db.schema
    .createIndex('entitlement_uses_customer_idx')
    .on('entitlement_uses')
    .columns(['customer_id', 'used_at'])
    .execute();
  await db.schema
    .createIndex('entitlement_uses_no_repeat_uq')
    .on('entitlement_uses')
    .columns(['customer_id', 'entitlement_key', 'repeat_guard'])
    .unique()
    .execute();
  await db.schema
    .createIndex('tickets_customer_status_idx')
    .on('tickets')
    .columns(['customer_id', 'status'])
    .execute();
}

/** Drops the entitlement tables. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('tickets_customer_status_idx').ifExists().execute();
  await db.schema.dropTable('entitlement_uses').ifExists().execute();
  await db.schema.dropTable('entitlement_balances').ifExists().execute();
}
