import type { Kysely } from 'kysely';
import { instantText } from '../row-values';
import type { DB } from '../schema';

export interface PolicyVersionRow {
  id: number;
  schemeId: number;
  version: number;
  /** The catalog as stored; parse it with `policyCatalogSchema` before trusting it. */
  document: unknown;
  note: string | null;
  createdBy: number | null;
  createdAt: string;
}

function toRow(r: {
  id: number;
  scheme_id: number;
  version: number;
  document: string;
  note: string | null;
  created_by: number | null;
  created_at: unknown;
}): PolicyVersionRow {
  return {
    id: Number(r.id),
    schemeId: Number(r.scheme_id),
    version: Number(r.version),
    document: JSON.parse(r.document),
    note: r.note,
    createdBy: r.created_by === null ? null : Number(r.created_by),
    createdAt: instantText(r.created_at),
  };
}

/** The catalog version in force for a scheme (the latest), or undefined before the first save. */
export async function latestPolicyVersion(
  db: Kysely<DB>,
  schemeId: number,
): Promise<PolicyVersionRow | undefined> {
  const r = await db
    .selectFrom('tier_policy_versions')
    .selectAll()
    .where('scheme_id', '=', schemeId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r ? toRow(r) : undefined;
}

/** Every saved version of a scheme's catalog, newest first. */
export async function listPolicyVersions(
  db: Kysely<DB>,
  schemeId: number,
): Promise<PolicyVersionRow[]> {
  const rows = await db
    .selectFrom('tier_policy_versions')
    .selectAll()
    .where('scheme_id', '=', schemeId)
    .orderBy('version', 'desc')
    .execute();
  return rows.map(toRow);
}

/** One saved version. */
export async function findPolicyVersion(
  db: Kysely<DB>,
  schemeId: number,
  version: number,
): Promise<PolicyVersionRow | undefined> {
  const r = await db
    .selectFrom('tier_policy_versions')
    .selectAll()
    .where('scheme_id', '=', schemeId)
    .where('version', '=', version)
    .executeTakeFirst();
  return r ? toRow(r) : undefined;
}

/**
 * Appends a version. The unique (scheme, version) key makes two saves racing from the same
 * base fail instead of both landing as the same number.
 */
export async function insertPolicyVersion(
  db: Kysely<DB>,
  row: {
    schemeId: number;
    version: number;
    document: unknown;
    note: string | null;
    createdBy: number | null;
    now: string;
  },
): Promise<number> {
  const r = await db
    .insertInto('tier_policy_versions')
    .values({
      scheme_id: row.schemeId,
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
