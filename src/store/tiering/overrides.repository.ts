import type { Kysely } from 'kysely';
import type { CustomerFilter } from '../../domain/auth/customer-scope';
import { scopeCondition } from '../customer-scope';
import { dateText, instantText } from '../row-values';
import type { DB } from '../schema';

export interface OverrideRow {
  id: number;
  schemeId: number;
  customerId: number;
  customerCode: string;
  customerName: string;
  tier: string;
  reason: string;
  approverId: number | null;
  approverName: string | null;
  expiresOn: string | null;
  createdBy: number | null;
  createdAt: string;
  revokedAt: string | null;
}

/** What to list of the overrides; `rows` is the reader's row scope (only these customers'). */
export interface OverrideFilter {
  schemeId?: number | undefined;
  customerId?: number | undefined;
  active?: boolean;
  rows?: CustomerFilter | undefined;
}

/** Overrides with customer and approver names, newest first. */
export async function listOverrides(
  db: Kysely<DB>,
  filter: OverrideFilter,
): Promise<OverrideRow[]> {
  let q = db
    .selectFrom('tier_overrides as o')
    .innerJoin('customers as c', 'c.id', 'o.customer_id')
    .leftJoin('users as u', 'u.id', 'o.approver_id')
    .select([
      'o.id',
      'o.scheme_id',
      'o.customer_id',
      'c.code',
      'c.name',
      'o.tier',
      'o.reason',
      'o.approver_id',
      'u.display_name as approver_name',
      'o.expires_on',
      'o.created_by',
      'o.created_at',
      'o.revoked_at',
    ]);
  if (filter.schemeId !== undefined) q = q.where('o.scheme_id', '=', filter.schemeId);
  if (filter.customerId !== undefined) q = q.where('o.customer_id', '=', filter.customerId);
  if (filter.active) q = q.where('o.revoked_at', 'is', null);
  const inScope = filter.rows ? scopeCondition(filter.rows, 'c') : undefined;
  if (inScope) q = q.where(inScope);
  const rows = await q.orderBy('o.id', 'desc').limit(1000).execute();
  return rows.map((r) => ({
    id: Number(r.id),
    schemeId: Number(r.scheme_id),
    customerId: Number(r.customer_id),
    customerCode: r.code,
    customerName: r.name,
    tier: r.tier,
    reason: r.reason,
    approverId: r.approver_id === null ? null : Number(r.approver_id),
    approverName: r.approver_name ?? null,
    expiresOn: r.expires_on == null ? null : dateText(r.expires_on),
    createdBy: r.created_by === null ? null : Number(r.created_by),
    createdAt: instantText(r.created_at),
    revokedAt: r.revoked_at == null ? null : instantText(r.revoked_at),
  }));
}

/** Stores an override and returns its id. */
export async function insertOverride(
  db: Kysely<DB>,
  o: {
    schemeId: number;
    customerId: number;
    tier: string;
    reason: string;
    approverId: number | null;
    expiresOn: string | null;
    createdBy: number | null;
  },
  now: string,
): Promise<number> {
  const row = await db
    .insertInto('tier_overrides')
    .values({
      scheme_id: o.schemeId,
      customer_id: o.customerId,
      tier: o.tier,
      reason: o.reason,
      approver_id: o.approverId,
      expires_on: o.expiresOn,
      created_by: o.createdBy,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** Revokes the customer's active overrides in a scheme (a new one replaces them). */
export async function revokeActive(
  db: Kysely<DB>,
  schemeId: number,
  customerId: number,
  now: string,
): Promise<number[]> {
  const rows = await db
    .updateTable('tier_overrides')
    .set({ revoked_at: now })
    .where('scheme_id', '=', schemeId)
    .where('customer_id', '=', customerId)
    .where('revoked_at', 'is', null)
    .returning('id')
    .execute();
  return rows.map((r) => Number(r.id));
}

/** Revokes one override; false when it does not exist or was already revoked. */
export async function revokeOverride(db: Kysely<DB>, id: number, now: string): Promise<boolean> {
  const r = await db
    .updateTable('tier_overrides')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** One override by id. */
export async function findOverride(db: Kysely<DB>, id: number) {
  return db.selectFrom('tier_overrides').selectAll().where('id', '=', id).executeTakeFirst();
}
