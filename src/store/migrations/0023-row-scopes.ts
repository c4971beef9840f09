import type { Kysely } from 'kysely';

/**
 * Row scopes: which customers a role's holders see. `roles.row_scope` is one of all, region,
 * team, own (see domain/auth/row-scope.ts); `users.team` groups account managers so a role
 * with scope `team` sees the customers owned by anyone in the same team. Existing roles keep
 * seeing everything until an administrator narrows them; built-in roles are refreshed on start.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('roles')
    .addColumn('row_scope', 'text', (c) => c.notNull().defaultTo('all'))
    .execute();
  await db.schema.alterTable('users').addColumn('team', 'text').execute();
  await db.schema.createIndex('users_team_ix').on('users').column('team').execute();
}
