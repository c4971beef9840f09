import type { Kysely } from 'kysely';
import { dateText, dateTextOrNull } from '../row-values';
import type { DB } from '../schema';

/** A visit made to the customer. */
export interface VisitRow {
  id: number;
  visitedOn: string;
  userId: number | null;
  userName: string | null;
  purpose: string | null;
}

/** The customer's newest visits (up to `toDate`), newest first. */
export async function recentVisits(
  db: Kysely<DB>,
  customerId: number,
  toDate: string,
  limit: number,
): Promise<VisitRow[]> {
  const rows = await db
    .selectFrom('visits as v')
    .leftJoin('users as u', 'u.id', 'v.user_id')
    .select(['v.id', 'v.visited_on', 'v.user_id', 'u.display_name', 'v.purpose'])
    .where('v.customer_id', '=', customerId)
    .where('v.visited_on', '<=', toDate)
    .orderBy('v.visited_on', 'desc')
    .orderBy('v.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    visitedOn: dateText(r.visited_on),
    userId: r.user_id === null ? null : Number(r.user_id),
    userName: r.display_name ?? null,
    purpose: r.purpose,
  }));
}

/** Visits made from `fromDate` to `toDate` (inclusive). */
export async function visitCount(
  db: Kysely<DB>,
  customerId: number,
  fromDate: string,
  toDate: string,
): Promise<number> {
  const r = await db
    .selectFrom('visits')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('customer_id', '=', customerId)
    .where('visited_on', '>=', fromDate)
    .where('visited_on', '<=', toDate)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** One month of the customer's visit plan. */
export interface PlanMonthRow {
  month: string;
  planned: number;
  ownerId: number | null;
  ownerName: string | null;
}

/** The customer's visit-plan lines from `fromMonth` on, earliest first (a few at most). */
export async function planMonths(
  db: Kysely<DB>,
  customerId: number,
  fromMonth: string,
  limit: number,
): Promise<PlanMonthRow[]> {
  const rows = await db
    .selectFrom('visit_plans as p')
    .leftJoin('users as u', 'u.id', 'p.owner_id')
    .select(['p.month', 'p.planned', 'p.owner_id', 'u.display_name'])
    .where('p.customer_id', '=', customerId)
    .where('p.month', '>=', fromMonth)
    .where('p.planned', '>', 0)
    .orderBy('p.month')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    month: String(r.month),
    planned: Number(r.planned),
    ownerId: r.owner_id === null ? null : Number(r.owner_id),
    ownerName: r.display_name ?? null,
  }));
}

/** One month of the customer's rollup: sales and the parts of the profit. */
export interface RollupMonthRow {
  month: string;
  orders: number;
  revenueMinor: number;
  /** Revenue of the orders whose cost is known, minus that cost. */
  profitMinor: number;
}

/** The customer's monthly rollups from `fromMonth` to `toMonth` (inclusive), by month. */
export async function rollupMonths(
  db: Kysely<DB>,
  customerId: number,
  fromMonth: string,
  toMonth: string,
): Promise<RollupMonthRow[]> {
  const rows = await db
    .selectFrom('customer_month_rollups')
    .select(['month', 'order_count', 'revenue_minor', 'costed_revenue_minor', 'cost_minor'])
    .where('customer_id', '=', customerId)
    .where('month', '>=', fromMonth)
    .where('month', '<=', toMonth)
    .orderBy('month')
    .execute();
  // PostgreSQL returns bigint columns as text.
  return rows.map((r) => ({
    month: String(r.month),
    orders: Number(r.order_count),
    revenueMinor: Number(r.revenue_minor),
    profitMinor: Number(r.costed_revenue_minor) - Number(r.cost_minor),
  }));
}

/** The customer's first and last order date up to the end of `toMonth`, from the rollups. */
export async function orderSpan(
  db: Kysely<DB>,
  customerId: number,
  toMonth: string,
): Promise<{ firstOrderOn: string | null; lastOrderOn: string | null; orders: number }> {
  const r = await db
    .selectFrom('customer_month_rollups')
    .select((eb) => [
      eb.fn.min('first_order_on').as('first'),
      eb.fn.max('last_order_on').as('last'),
      eb.fn.sum<string | number | null>('order_count').as('orders'),
    ])
    .where('customer_id', '=', customerId)
    .where('month', '<=', toMonth)
    .where('order_count', '>', 0)
    .executeTakeFirstOrThrow();
  return {
    firstOrderOn: dateTextOrNull(r.first),
    lastOrderOn: dateTextOrNull(r.last),
    orders: Number(r.orders ?? 0),
  };
}
