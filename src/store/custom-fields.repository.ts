import type { Kysely, Selectable } from 'kysely';
import type { CustomFieldDef } from '../domain/customers/custom-fields';
import type { CustomFieldDefsTable, DB } from './schema';

function toDef(r: Selectable<CustomFieldDefsTable>): CustomFieldDef {
  return {
    id: r.id,
    key: r.key,
    type: r.type as CustomFieldDef['type'],
    labelZh: r.label_zh,
    labelEn: r.label_en,
    required: r.required === 1,
    options: r.options ? (JSON.parse(r.options) as CustomFieldDef['options']) : undefined,
    position: r.position,
    version: r.version,
  };
}

/** All custom field definitions in display order. */
export async function listCustomFieldDefs(db: Kysely<DB>): Promise<CustomFieldDef[]> {
  const rows = await db
    .selectFrom('custom_field_defs')
    .selectAll()
    .orderBy('position')
    .orderBy('key')
    .execute();
  return rows.map(toDef);
}

/** One definition by id. */
export async function findCustomFieldDef(db: Kysely<DB>, id: number) {
  const r = await db
    .selectFrom('custom_field_defs')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return r ? toDef(r) : undefined;
}

type DefValues = Omit<CustomFieldDef, 'id' | 'version'>;

function columns(d: DefValues) {
  return {
    key: d.key,
    type: d.type,
    label_zh: d.labelZh,
    label_en: d.labelEn,
    required: d.required ? 1 : 0,
    options: d.options ? JSON.stringify(d.options) : null,
    position: d.position,
  };
}

/** Inserts a definition, returning its id. */
export async function insertCustomFieldDef(db: Kysely<DB>, d: DefValues, now: string) {
  const r = await db
    .insertInto('custom_field_defs')
    .values({ ...columns(d), created_at: now, updated_at: now, version: 1 })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Updates a definition at a version; false when the version moved on. */
export async function updateCustomFieldDef(
  db: Kysely<DB>,
  id: number,
  version: number,
  d: DefValues,
  now: string,
) {
  const r = await db
    .updateTable('custom_field_defs')
    .set({ ...columns(d), updated_at: now, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Deletes a definition. */
export async function deleteCustomFieldDef(db: Kysely<DB>, id: number) {
  await db.deleteFrom('custom_field_defs').where('id', '=', id).execute();
}
