import type { Kysely, Selectable } from 'kysely';
import type { DB, RolesTable } from './schema';

/** A role as use cases see it. */
export interface RoleRecord {
  id: string;
  nameZh: string;
  nameEn: string;
  permissions: string[];
  rowScope: string;
  builtin: boolean;
}

/** Maps a roles row. */
export function toRole(r: Selectable<RolesTable>): RoleRecord {
  return {
    id: r.id,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    permissions: JSON.parse(r.permissions) as string[],
    rowScope: r.row_scope,
    builtin: r.builtin === 1,
  };
}

/** A role by id, or undefined. */
export async function findRole(db: Kysely<DB>, id: string): Promise<RoleRecord | undefined> {
  const r = await db.selectFrom('roles').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toRole(r) : undefined;
}

/** Every role, built-in first, then custom, each by id. */
export async function listRoleRecords(db: Kysely<DB>): Promise<RoleRecord[]> {
  const rows = await db
    .selectFrom('roles')
    .selectAll()
    .orderBy('builtin', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(toRole);
}

/** Inserts a custom role. */
export async function insertRole(db: Kysely<DB>, r: RoleRecord, now: string): Promise<void> {
  await db
    .insertInto('roles')
    .values({
      id: r.id,
      name_zh: r.nameZh,
      name_en: r.nameEn,
      permissions: JSON.stringify(r.permissions),
      row_scope: r.rowScope,
      builtin: 0,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

/** Replaces a custom role's names, permissions and row scope. */
export async function updateRoleRow(db: Kysely<DB>, r: RoleRecord, now: string): Promise<void> {
  await db
    .updateTable('roles')
    .set({
      name_zh: r.nameZh,
      name_en: r.nameEn,
      permissions: JSON.stringify(r.permissions),
      row_scope: r.rowScope,
      updated_at: now,
    })
    .where('id', '=', r.id)
    .where('builtin', '=', 0)
    .execute();
}

/** Deletes a custom role. */
export async function deleteRoleRow(db: Kysely<DB>, id: string): Promise<void> {
  await db.deleteFrom('roles').where('id', '=', id).where('builtin', '=', 0).execute();
}

/** How many users hold each role (roles nobody holds are left out). */
export async function userCountsByRole(db: Kysely<DB>): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('users')
    .select(['role_id', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('role_id')
    .execute();
  return new Map(rows.map((r) => [r.role_id, Number(r.n)]));
}
