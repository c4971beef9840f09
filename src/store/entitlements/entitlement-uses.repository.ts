import type { Insertable, Kysely } from 'kysely';
import { instantText, instantTextOrNull } from '../row-values';
import type { DB } from '../schema';
import type { EntitlementUsesTable } from './entitlements.tables';

/** One entitlement use as the app sees it. */
export interface EntitlementUse {
  id: number;
  customerId: number;
  entitlementKey: string;
  periodKey: string;
  quantity: number;
  choice: string | null;
  batchSize: number | null;
  note: string | null;
  tier: string | null;
  usedBy: number | null;
  usedByName: string | null;
  usedAt: string;
  voidedAt: string | null;
  voidedBy: number | null;
  voidReason: string | null;
}

/** Records a use; returns its id. */
export async function insertUse(
  trx: Kysely<DB>,
  v: Omit<Insertable<EntitlementUsesTable>, 'id'>,
): Promise<number> {
  const r = await trx
    .insertInto('entitlement_uses')
    .values(v)
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(r.id);
}

function baseQuery(db: Kysely<DB>) {
  return db
    .selectFrom('entitlement_uses as u')
    .leftJoin('users as us', 'us.id', 'u.used_by')
    .selectAll('u')
    .select('us.display_name as used_by_name');
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

function toUse(r: Row): EntitlementUse {
  const n = (v: unknown) => (v == null ? null : Number(v));
  return {
    id: Number(r.id),
    customerId: Number(r.customer_id),
    entitlementKey: r.entitlement_key,
    periodKey: r.period_key,
    quantity: Number(r.quantity),
    choice: r.choice,
    batchSize: n(r.batch_size),
    note: r.note,
    tier: r.tier,
    usedBy: n(r.used_by),
    usedByName: r.used_by_name ?? null,
    usedAt: instantText(r.used_at),
    voidedAt: instantTextOrNull(r.voided_at),
    voidedBy: n(r.voided_by),
    voidReason: r.void_reason,
  };
}

/** One use, or undefined. */
export async function findUse(db: Kysely<DB>, id: number): Promise<EntitlementUse | undefined> {
  const r = await baseQuery(db).where('u.id', '=', id).executeTakeFirst();
  return r ? toUse(r) : undefined;
}

/** A customer's uses, newest first (at most `limit`). */
export async function listUses(
  db: Kysely<DB>,
  customerId: number,
  limit = 200,
): Promise<EntitlementUse[]> {
  const rows = await baseQuery(db)
    .where('u.customer_id', '=', customerId)
    .orderBy('u.used_at', 'desc')
    .orderBy('u.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toUse);
}

/** Choices a customer received and that were not voided (entitlement key → choice keys). */
export async function receivedChoices(
  db: Kysely<DB>,
  customerId: number,
): Promise<Map<string, string[]>> {
  const rows = await db
    .selectFrom('entitlement_uses')
    .select(['entitlement_key', 'choice'])
    .where('customer_id', '=', customerId)
    .where('choice', 'is not', null)
    .where('voided_at', 'is', null)
    .orderBy('id')
    .execute();
  const out = new Map<string, string[]>();
  for (const r of rows) {
    const list = out.get(r.entitlement_key) ?? [];
    if (r.choice && !list.includes(r.choice)) list.push(r.choice);
    out.set(r.entitlement_key, list);
  }
  return out;
}

/** Voids a use not yet voided; false when it was voided meanwhile. */
export async function markVoided(
  trx: Kysely<DB>,
  id: number,
  v: { by: number | null; reason: string; now: string },
): Promise<boolean> {
  const r = await trx
    .updateTable('entitlement_uses')
    .set({ voided_at: v.now, voided_by: v.by, void_reason: v.reason, repeat_guard: null })
    .where('id', '=', id)
    .where('voided_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
