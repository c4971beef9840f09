import type { Kysely } from 'kysely';
import { types, withId } from './column-types';

/**
 * SLA policies: the whole set of policies saved as one JSON document per version (like tier
 * policy catalogs), so a ticket can name the exact version its clocks were set from.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = types(db);
  await withId(db, db.schema.createTable('sla_policy_versions'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('document', t.json, (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'integer')
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addUniqueConstraint('sla_policy_versions_version_uq', ['version'])
    .execute();
}

/** Drops the SLA policy table. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('sla_policy_versions').ifExists().execute();
}
