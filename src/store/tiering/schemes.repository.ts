import type { Kysely } from 'kysely';
import { instantText } from '../row-values';
import type { DB } from '../schema';

export interface SchemeRow {
  id: number;
  key: string;
  nameZh: string;
  nameEn: string;
  serviceTier: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface SchemeVersionRow {
  id: number;
  schemeId: number;
  version: number;
  document: unknown;
  locked: boolean;
  createdBy: number | null;
  createdAt: string;
}

function toScheme(r: {
  id: number;
  key: string;
  name_zh: string;
  name_en: string;
  service_tier: number;
  created_at: unknown;
  updated_at: unknown;
}): SchemeRow {
  return {
    id: Number(r.id),
    key: r.key,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    serviceTier: Number(r.service_tier) === 1,
    createdAt: instantText(r.created_at),
    updatedAt: instantText(r.updated_at),
  };
}

function toVersion(r: {
  id: number;
  scheme_id: number;
  version: number;
  document: string;
  locked: number;
  created_by: number | null;
  created_at: unknown;
}): SchemeVersionRow {
  return {
    id: Number(r.id),
    schemeId: Number(r.scheme_id),
    version: Number(r.version),
    document: JSON.parse(r.document),
    locked: Number(r.locked) === 1,
    createdBy: r.created_by === null ? null : Number(r.created_by),
    createdAt: instantText(r.created_at),
  };
}

export async function findSchemeByKey(db: Kysely<DB>, key: string): Promise<SchemeRow | undefined> {
  const r = await db.selectFrom('schemes').selectAll().where('key', '=', key).executeTakeFirst();
  return r && toScheme(r);
}

export async function findSchemeById(db: Kysely<DB>, id: number): Promise<SchemeRow | undefined> {
  const r = await db.selectFrom('schemes').selectAll().where('id', '=', id).executeTakeFirst();
  return r && toScheme(r);
}

export async function listSchemes(db: Kysely<DB>): Promise<SchemeRow[]> {
  const rows = await db.selectFrom('schemes').selectAll().orderBy('key').execute();
  return rows.map(toScheme);
}

export async function insertScheme(
  db: Kysely<DB>,
  s: { key: string; nameZh: string; nameEn: string },
  now: string,
): Promise<number> {
  const r = await db
    .insertInto('schemes')
    .values({
      key: s.key,
      name_zh: s.nameZh,
      name_en: s.nameEn,
      service_tier: 0,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(r.id);
}

export async function touchScheme(
  db: Kysely<DB>,
  id: number,
  names: { nameZh: string; nameEn: string },
  now: string,
): Promise<void> {
  await db
    .updateTable('schemes')
    .set({ name_zh: names.nameZh, name_en: names.nameEn, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** Makes one scheme the service tier and clears the mark on every other. */
export async function markServiceTier(db: Kysely<DB>, id: number, now: string): Promise<void> {
  await db
    .updateTable('schemes')
    .set({ service_tier: 0 })
    .where('service_tier', '=', 1)
    .where('id', '!=', id)
    .execute();
  await db
    .updateTable('schemes')
    .set({ service_tier: 1, updated_at: now })
    .where('id', '=', id)
    .execute();
}

export async function latestVersion(
  db: Kysely<DB>,
  schemeId: number,
): Promise<SchemeVersionRow | undefined> {
  const r = await db
    .selectFrom('scheme_versions')
    .selectAll()
    .where('scheme_id', '=', schemeId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r && toVersion(r);
}

export async function findVersion(
  db: Kysely<DB>,
  id: number,
): Promise<SchemeVersionRow | undefined> {
  const r = await db
    .selectFrom('scheme_versions')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return r && toVersion(r);
}

export async function insertVersion(
  db: Kysely<DB>,
  v: { schemeId: number; version: number; document: unknown; createdBy: number | null },
  now: string,
): Promise<number> {
  const r = await db
    .insertInto('scheme_versions')
    .values({
      scheme_id: v.schemeId,
      version: v.version,
      document: JSON.stringify(v.document),
      locked: 0,
      created_by: v.createdBy,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(r.id);
}

export async function replaceVersionDocument(
  db: Kysely<DB>,
  id: number,
  document: unknown,
): Promise<void> {
  await db
    .updateTable('scheme_versions')
    .set({ document: JSON.stringify(document) })
    .where('id', '=', id)
    .execute();
}

export async function lockVersion(db: Kysely<DB>, id: number): Promise<void> {
  await db.updateTable('scheme_versions').set({ locked: 1 }).where('id', '=', id).execute();
}
