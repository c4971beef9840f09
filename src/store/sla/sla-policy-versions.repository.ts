import type { Kysely } from 'kysely';
import { instantText } from '../row-values';
import type { DB } from '../schema';

export interface SlaPolicyVersionRow {
  id: number;
  version: number;
  /** The policy set as stored; parse it with `slaPolicySetSchema` before trusting it. */
  document: unknown;
  note: string | null;
  createdBy: number | null;
  createdAt: string;
}

function toRow(r: {
  id: number;
  version: number;
  document: string;
  note: string | null;
  created_by: number | null;
  created_at: unknown;
}): SlaPolicyVersionRow {
  return {
    id: Number(r.id),
    version: Number(r.version),
    document: JSON.parse(r.document),
    note: r.note,
    createdBy: r.created_by === null ? null : Number(r.created_by),
    createdAt: instantText(r.created_at),
  };
}

/** The version in force (the latest), or undefined before the first save. */
export async function latestSlaVersion(db: Kysely<DB>): Promise<SlaPolicyVersionRow | undefined> {
  const r = await db
    .selectFrom('sla_policy_versions')
    .selectAll()
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r ? toRow(r) : undefined;
}

/** Every saved version, newest first, without the documents (history lists). */
export async function listSlaVersions(
  db: Kysely<DB>,
): Promise<Omit<SlaPolicyVersionRow, 'document'>[]> {
  const rows = await db
    .selectFrom('sla_policy_versions')
    .select(['id', 'version', 'note', 'created_by', 'created_at'])
    .orderBy('version', 'desc')
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    version: Number(r.version),
    note: r.note,
    createdBy: r.created_by === null ? null : Number(r.created_by),
    createdAt: instantText(r.created_at),
  }));
}

/** One saved version. */
export async function findSlaVersion(
  db: Kysely<DB>,
  version: number,
): Promise<SlaPolicyVersionRow | undefined> {
  const r = await db
    .selectFrom('sla_policy_versions')
    .selectAll()
    .where('version', '=', version)
    .executeTakeFirst();
  return r ? toRow(r) : undefined;
}

/**
 * Appends a version. The unique version key makes two saves racing from the same base fail
 * instead of both landing as the same number.
 */
export async function insertSlaVersion(
  db: Kysely<DB>,
  row: {
    version: number;
    document: unknown;
    note: string | null;
    createdBy: number | null;
    now: string;
  },
): Promise<number> {
  const r = await db
    .insertInto('sla_policy_versions')
    .values({
      version: row.version,
      document: JSON.stringify(row.document),
      note: row.note,
      created_by: row.createdBy,
      created_at: row.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(r.id);
}
