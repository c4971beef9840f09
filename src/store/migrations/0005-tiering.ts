import type { Kysely } from 'kysely';
import { types, withId } from './column-types';

/**
 * Tiering: schemes and their immutable versions, evaluation runs with one result row per
 * customer, the currently published tier of each customer per scheme, and manual overrides.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = types(db);
  await withId(db, db.schema.createTable('schemes'))
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    // The one scheme whose tiers policies follow (at most one has 1).
    .addColumn('service_tier', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('scheme_versions'))
    .addColumn('scheme_id', 'integer', (c) =>
      c.notNull().references('schemes.id').onDelete('cascade'),
    )
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('document', t.json, (c) => c.notNull())
    // A version used by a published result is locked: edits make a new version.
    .addColumn('locked', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer')
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addUniqueConstraint('scheme_versions_uq', ['scheme_id', 'version'])
    .execute();

  await withId(db, db.schema.createTable('tier_runs'))
    .addColumn('scheme_version_id', 'integer', (c) => c.notNull().references('scheme_versions.id'))
    .addColumn('as_of', t.date, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('customers', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('summary', t.json)
    .addColumn('created_by', 'integer')
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('finished_at', t.instant)
    .execute();

  await db.schema
    .createTable('tier_results')
    .addColumn('run_id', 'integer', (c) =>
      c.notNull().references('tier_runs.id').onDelete('cascade'),
    )
    .addColumn('customer_id', 'integer', (c) =>
      c.notNull().references('customers.id').onDelete('cascade'),
    )
    .addColumn('score', t.float)
    .addColumn('tier', 'text', (c) => c.notNull())
    .addColumn('rank', 'integer')
    .addColumn('points', t.json)
    .addColumn('rules', t.json)
    .addColumn('flags', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('previous_tier', 'text')
    .addPrimaryKeyConstraint('tier_results_pk', ['run_id', 'customer_id'])
    .execute();
  await db.schema
    .createIndex('tier_results_tier_idx')
    .on('tier_results')
    .columns(['run_id', 'tier'])
    .execute();

  await db.schema
    .createTable('customer_tiers')
    .addColumn('scheme_id', 'integer', (c) =>
      c.notNull().references('schemes.id').onDelete('cascade'),
    )
    .addColumn('customer_id', 'integer', (c) =>
      c.notNull().references('customers.id').onDelete('cascade'),
    )
    .addColumn('tier', 'text', (c) => c.notNull())
    .addColumn('run_id', 'integer', (c) => c.references('tier_runs.id'))
    .addColumn('effective_from', t.date, (c) => c.notNull())
    .addColumn('below_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('customer_tiers_pk', ['scheme_id', 'customer_id'])
    .execute();

  await withId(db, db.schema.createTable('tier_overrides'))
    .addColumn('scheme_id', 'integer', (c) =>
      c.notNull().references('schemes.id').onDelete('cascade'),
    )
    .addColumn('customer_id', 'integer', (c) =>
      c.notNull().references('customers.id').onDelete('cascade'),
    )
    .addColumn('tier', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('approver_id', 'integer')
    .addColumn('expires_on', t.date)
    .addColumn('created_by', 'integer')
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('revoked_at', t.instant)
    .execute();
  await db.schema
    .createIndex('tier_overrides_customer_idx')
    .on('tier_overrides')
    .columns(['scheme_id', 'customer_id'])
    .execute();
}

/** Drops the tiering tables. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'tier_overrides',
    'customer_tiers',
    'tier_results',
    'tier_runs',
    'scheme_versions',
    'schemes',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
