import type { Kysely } from 'kysely';
import type { CustomerFilter } from '../../domain/auth/customer-scope';
import { customerIdInScope } from '../customer-scope';
import { instantText } from '../row-values';
import type { DB } from '../schema';

export interface PlanLineWrite {
  customerId: number;
  ownerId: number | null;
  tier: string;
  planned: number;
  ceiling: number;
  priority: boolean;
}

/**
 * Replaces a month's plan with new lines (regenerating is idempotent: the month ends up with
 * exactly these lines). With a row scope, only the lines of customers in it are replaced and
 * the other customers' lines of the month stay as they are; the new lines must all be of
 * customers in the scope. Call inside a transaction. Returns how many lines were dropped.
 */
export async function replaceMonthPlan(
  trx: Kysely<DB>,
  month: string,
  lines: readonly PlanLineWrite[],
  now: string,
  rows?: CustomerFilter,
): Promise<number> {
  let drop = trx.deleteFrom('visit_plans').where('visit_plans.month', '=', month);
  const inScope = rows ? customerIdInScope(rows, 'visit_plans.customer_id') : undefined;
  if (inScope) drop = drop.where(inScope);
  const gone = await drop.executeTakeFirst();
  for (let i = 0; i < lines.length; i += 500) {
    await trx
      .insertInto('visit_plans')
      .values(
        lines.slice(i, i + 500).map((l) => ({
          owner_id: l.ownerId,
          customer_id: l.customerId,
          month,
          planned: l.planned,
          ceiling: l.ceiling,
          tier: l.tier,
          priority: l.priority ? 1 : 0,
          created_at: now,
        })),
      )
      .execute();
  }
  return Number(gone.numDeletedRows);
}

export interface PlanLineRow extends PlanLineWrite {
  code: string;
  name: string;
  createdAt: string;
}

/** A month's stored plan (optionally one owner's), by customer id; empty when not generated. */
export async function monthPlan(
  db: Kysely<DB>,
  month: string,
  ownerId?: number,
  customerId?: number,
): Promise<PlanLineRow[]> {
  let q = db
    .selectFrom('visit_plans as p')
    .innerJoin('customers as c', 'c.id', 'p.customer_id')
    .select([
      'p.customer_id',
      'p.owner_id',
      'p.tier',
      'p.planned',
      'p.ceiling',
      'p.priority',
      'p.created_at',
      'c.code',
      'c.name',
    ])
    .where('p.month', '=', month);
  if (ownerId !== undefined) q = q.where('p.owner_id', '=', ownerId);
  if (customerId !== undefined) q = q.where('p.customer_id', '=', customerId);
  const rows = await q.orderBy('p.customer_id').execute();
  return rows.map((r) => ({
    customerId: Number(r.customer_id),
    ownerId: r.owner_id === null ? null : Number(r.owner_id),
    tier: r.tier,
    planned: Number(r.planned),
    ceiling: Number(r.ceiling),
    priority: Number(r.priority) === 1,
    code: r.code,
    name: r.name,
    createdAt: instantText(r.created_at),
  }));
}

/** True when a plan was generated for the month. */
export async function hasMonthPlan(db: Kysely<DB>, month: string): Promise<boolean> {
  const r = await db
    .selectFrom('visit_plans')
    .select('id')
    .where('month', '=', month)
    .limit(1)
    .executeTakeFirst();
  return r !== undefined;
}

/** Visits made between two dates (inclusive), counted per customer. */
export async function visitCounts(
  db: Kysely<DB>,
  from: string,
  to: string,
  customerId?: number,
): Promise<Map<number, number>> {
  let q = db
    .selectFrom('visits')
    .select(['customer_id', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('visited_on', '>=', from)
    .where('visited_on', '<=', to);
  if (customerId !== undefined) q = q.where('customer_id', '=', customerId);
  const rows = await q.groupBy('customer_id').execute();
  return new Map(rows.map((r) => [Number(r.customer_id), Number(r.n)]));
}

/**
 * Hands plan lines from this month on to the customers' new owners, so an owner who leaves
 * does not keep their plans. Call inside the transaction that moves the customers.
 */
export async function moveOpenPlans(
  trx: Kysely<DB>,
  moves: readonly { customerId: number; toOwner: number | null }[],
  fromMonth: string,
): Promise<void> {
  const byTarget = new Map<number | null, number[]>();
  for (const m of moves)
    byTarget.set(m.toOwner, [...(byTarget.get(m.toOwner) ?? []), m.customerId]);
  for (const [to, ids] of byTarget) {
    for (let i = 0; i < ids.length; i += 1000) {
      await trx
        .updateTable('visit_plans')
        .set({ owner_id: to })
        .where('customer_id', 'in', ids.slice(i, i + 1000))
        .where('month', '>=', fromMonth)
        .execute();
    }
  }
}
