import { type Kysely, sql } from 'kysely';
import type { DB } from '../schema';

/** A balance to read: one entitlement in one period. */
export interface BalanceKey {
  key: string;
  periodKey: string;
}

/** Uses counted so far for each of the customer's entitlements in the period given for it (key → used). */
export async function usedInPeriods(
  db: Kysely<DB>,
  customerId: number,
  wanted: readonly BalanceKey[],
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (wanted.length === 0) return out;
  const periods = [...new Set(wanted.map((w) => w.periodKey))];
  const rows = await db
    .selectFrom('entitlement_balances')
    .select(['entitlement_key', 'period_key', 'used'])
    .where('customer_id', '=', customerId)
    .where('period_key', 'in', periods)
    .execute();
  const period = new Map(wanted.map((w) => [w.key, w.periodKey]));
  for (const r of rows) {
    if (period.get(r.entitlement_key) === r.period_key) out.set(r.entitlement_key, Number(r.used));
  }
  return out;
}

/**
 * Counts `quantity` more uses against the quota, atomically: the balance row is created when
 * missing, then raised only while `used + quantity <= quota`. Under concurrency the conditional
 * update serialises on the row (PostgreSQL row lock; SQLite's single writer), so two requests can
 * never both take the last use. Returns the new `used`, or null when the quota would be exceeded.
 * Call inside the transaction that records the use.
 */
export async function reserveUses(
  trx: Kysely<DB>,
  b: BalanceKey & { customerId: number; quantity: number; quota: number | null; now: string },
): Promise<number | null> {
  await trx
    .insertInto('entitlement_balances')
    .values({
      customer_id: b.customerId,
      entitlement_key: b.key,
      period_key: b.periodKey,
      used: 0,
      updated_at: b.now,
    })
    .onConflict((oc) => oc.columns(['customer_id', 'entitlement_key', 'period_key']).doNothing())
    .execute();
  let q = trx
    .updateTable('entitlement_balances')
    .set({ used: sql<number>`used + ${b.quantity}`, updated_at: b.now })
    .where('customer_id', '=', b.customerId)
    .where('entitlement_key', '=', b.key)
    .where('period_key', '=', b.periodKey);
  if (b.quota !== null) q = q.where(sql<number>`used + ${b.quantity}`, '<=', b.quota);
  const r = await q.returning('used').executeTakeFirst();
  return r ? Number(r.used) : null;
}

/** Gives `quantity` uses back (a voided use); never below zero. */
export async function releaseUses(
  trx: Kysely<DB>,
  b: BalanceKey & { customerId: number; quantity: number; now: string },
): Promise<void> {
  await trx
    .updateTable('entitlement_balances')
    .set({
      used: sql<number>`case when used >= ${b.quantity} then used - ${b.quantity} else 0 end`,
      updated_at: b.now,
    })
    .where('customer_id', '=', b.customerId)
    .where('entitlement_key', '=', b.key)
    .where('period_key', '=', b.periodKey)
    .execute();
}
