import type { Kysely } from 'kysely';
import type { DB } from '../schema';

/** Display names of users by id, for "saved by" columns (unknown ids are left out). */
export async function userNames(
  db: Kysely<DB>,
  ids: readonly (number | null)[],
): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((i): i is number => i !== null))];
  if (!wanted.length) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [Number(r.id), r.display_name]));
}

/** Schemes with their key, names and service-tier mark, the service tier first. */
export async function schemesForPolicies(db: Kysely<DB>) {
  const rows = await db
    .selectFrom('schemes')
    .select(['id', 'key', 'name_zh', 'name_en', 'service_tier'])
    .orderBy('service_tier', 'desc')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    key: r.key,
    name: { zh: r.name_zh, en: r.name_en },
    serviceTier: Number(r.service_tier) === 1,
  }));
}
