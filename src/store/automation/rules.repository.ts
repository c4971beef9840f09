import type { Kysely } from 'kysely';
import { instantText } from '../row-values';
import type { DB } from '../schema';

export interface StoredRule {
  key: string;
  enabled: boolean;
  params: unknown;
  updatedBy: number | null;
  updatedAt: string;
  version: number;
}

/** Every saved rule setting (rules never saved use their defaults and are not listed here). */
export async function storedRules(db: Kysely<DB>): Promise<Map<string, StoredRule>> {
  const rows = await db.selectFrom('automation_rules').selectAll().execute();
  return new Map(
    rows.map((r) => [
      r.key,
      {
        key: r.key,
        enabled: Number(r.enabled) === 1,
        params: JSON.parse(r.params) as unknown,
        updatedBy: r.updated_by === null ? null : Number(r.updated_by),
        updatedAt: instantText(r.updated_at),
        version: Number(r.version),
      },
    ]),
  );
}

/**
 * Saves a rule's settings when the stored version is still `expected` (0: never saved), so the
 * later of two concurrent edits is refused instead of silently winning. False on a stale version.
 */
export async function saveRule(
  db: Kysely<DB>,
  v: { key: string; enabled: boolean; params: unknown; by: number | null; now: string },
  expected: number,
): Promise<boolean> {
  const values = {
    enabled: v.enabled ? 1 : 0,
    params: JSON.stringify(v.params),
    updated_by: v.by,
    updated_at: v.now,
    version: expected + 1,
  };
  if (expected === 0) {
    const r = await db
      .insertInto('automation_rules')
      .values({ key: v.key, ...values })
      .onConflict((oc) => oc.column('key').doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
  }
  const r = await db
    .updateTable('automation_rules')
    .set(values)
    .where('key', '=', v.key)
    .where('version', '=', expected)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
