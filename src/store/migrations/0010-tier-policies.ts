import type { Kysely } from 'kysely';
import { types, withId } from './column-types';

/**
 * Tier policies: versioned catalogs of what each tier of a scheme gets, and adjustments that
 * move one customer's payment terms down the ladder (late payments, seed 002).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = types(db);
  await withId(db, db.schema.createTable('tier_policy_versions'))
    .addColumn('scheme_id', 'integer', (c) =>
      c.notNull().references('schemes.id').onDelete('cascade'),
    )
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('document', t.json, (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'integer')
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addUniqueConstraint('tier_policy_versions_scheme_version_uq', ['scheme_id', 'version'])
    .execute();

  await withId(db, db.schema.createTable('customer_term_adjustments'))
    .addColumn('customer_id', 'integer', (c) =>
      c.notNull().references('customers.id').onDelete('cascade'),
    )
    .addColumn('steps', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text')
    .addColumn('created_by', 'integer')
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('expires_on', t.date)
    .addColumn('revoked_at', t.instant)
    .addColumn('revoked_by', 'integer')
    .execute();
  await db.schema
    .createIndex('customer_term_adjustments_customer_idx')
    .on('customer_term_adjustments')
    .columns(['customer_id'])
    .execute();
}

/** Drops the policy tables. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('customer_term_adjustments').ifExists().execute();
  await db.schema.dropTable('tier_policy_versions').ifExists().execute();
}
