import type { Kysely } from 'kysely';
import { dateTextOrNull, instantText } from '../row-values';
import type { DB } from '../schema';

export interface TermAdjustmentRow {
  id: number;
  customerId: number;
  steps: number;
  reason: string;
  source: string;
  sourceId: string | null;
  createdBy: number | null;
  createdAt: string;
  expiresOn: string | null;
}

/** Adjustments in force on `today` (not revoked, not expired), oldest first. */
export async function activeTermAdjustments(
  db: Kysely<DB>,
  customerId: number,
  today: string,
): Promise<TermAdjustmentRow[]> {
  const rows = await db
    .selectFrom('customer_term_adjustments')
    .selectAll()
    .where('customer_id', '=', customerId)
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_on', 'is', null), eb('expires_on', '>=', today)]))
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    customerId: Number(r.customer_id),
    steps: Number(r.steps),
    reason: r.reason,
    source: r.source,
    sourceId: r.source_id,
    createdBy: r.created_by === null ? null : Number(r.created_by),
    createdAt: instantText(r.created_at),
    expiresOn: dateTextOrNull(r.expires_on),
  }));
}

/** Records that a customer's payment terms move `steps` rungs down; returns the new id. */
export async function insertTermAdjustment(
  db: Kysely<DB>,
  row: {
    customerId: number;
    steps: number;
    reason: string;
    source: string;
    sourceId: string | null;
    createdBy: number | null;
    now: string;
    expiresOn: string | null;
  },
): Promise<number> {
  const r = await db
    .insertInto('customer_term_adjustments')
    .values({
      customer_id: row.customerId,
      steps: row.steps,
      reason: row.reason,
      source: row.source,
      source_id: row.sourceId,
      created_by: row.createdBy,
      created_at: row.now,
      expires_on: row.expiresOn,
      revoked_at: null,
      revoked_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(r.id);
}

/** Revokes an adjustment; false when it was not in force. */
export async function revokeTermAdjustment(
  db: Kysely<DB>,
  id: number,
  by: number | null,
  now: string,
): Promise<boolean> {
  const r = await db
    .updateTable('customer_term_adjustments')
    .set({ revoked_at: now, revoked_by: by })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** One adjustment (revoked or not), or undefined. */
export async function findTermAdjustment(
  db: Kysely<DB>,
  id: number,
): Promise<(TermAdjustmentRow & { revokedAt: string | null }) | undefined> {
  const r = await db
    .selectFrom('customer_term_adjustments')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!r) return undefined;
  return {
    id: Number(r.id),
    customerId: Number(r.customer_id),
    steps: Number(r.steps),
    reason: r.reason,
    source: r.source,
    sourceId: r.source_id,
    createdBy: r.created_by === null ? null : Number(r.created_by),
    createdAt: instantText(r.created_at),
    expiresOn: dateTextOrNull(r.expires_on),
    revokedAt: r.revoked_at === null ? null : instantText(r.revoked_at),
  };
}
