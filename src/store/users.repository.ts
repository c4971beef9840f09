import type { Kysely, Selectable } from 'kysely';
import type { RoleDefinition } from '../domain/auth/permissions';
import { isRowScope } from '../domain/auth/row-scope';
import type { User } from '../domain/users/user.schema';
import type { DB, UsersTable } from './schema';

/** Maps a users row to the API shape (drops the hash). */
export function toUser(r: Selectable<UsersTable>): User {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    email: r.email,
    roleId: r.role_id,
    region: r.region,
    team: r.team ?? null,
    active: r.active === 1,
    locale: r.locale,
    createdAt: r.created_at,
  };
}

/** A user row by username (with hash), or undefined. */
export function findUserRowByUsername(db: Kysely<DB>, username: string) {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

/** A user row by id, or undefined. */
export function findUserRowById(db: Kysely<DB>, id: number) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** All users ordered by name. */
export async function listUsers(db: Kysely<DB>): Promise<User[]> {
  const rows = await db.selectFrom('users').selectAll().orderBy('username').execute();
  return rows.map(toUser);
}

/** Role permissions as a parsed list, or undefined when the role does not exist. */
export async function findRolePermissions(
  db: Kysely<DB>,
  roleId: string,
): Promise<string[] | undefined> {
  const r = await db
    .selectFrom('roles')
    .select('permissions')
    .where('id', '=', roleId)
    .executeTakeFirst();
  return r ? (JSON.parse(r.permissions) as string[]) : undefined;
}

/** Inserts missing built-in roles and refreshes the permissions of existing built-in ones. */
export async function upsertBuiltinRoles(
  db: Kysely<DB>,
  roles: RoleDefinition[],
  now: string,
): Promise<void> {
  for (const role of roles) {
    const values = {
      name_zh: role.nameZh,
      name_en: role.nameEn,
      permissions: JSON.stringify(role.permissions),
      builtin: 1,
      row_scope: role.rowScope ?? 'all',
      updated_at: now,
    };
    await db
      .insertInto('roles')
      .values({ id: role.id, ...values, created_at: now })
      .onConflict((oc) => oc.column('id').doUpdateSet(values))
      .execute();
  }
}

/** All roles with parsed permissions. */
export async function listRoles(db: Kysely<DB>) {
  const rows = await db.selectFrom('roles').selectAll().orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    permissions: JSON.parse(r.permissions) as string[],
    builtin: r.builtin === 1,
    rowScope: isRowScope(r.row_scope) ? r.row_scope : ('all' as const),
  }));
}

/** Active users' ids and display names, for owner pickers. */
export async function listActiveUserNames(db: Kysely<DB>) {
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('active', '=', 1)
    .orderBy('display_name')
    .execute();
  return rows.map((r) => ({ id: r.id, displayName: r.display_name }));
}
