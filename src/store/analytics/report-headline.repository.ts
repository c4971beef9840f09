import { type Kysely, sql } from 'kysely';
import type { DB } from '../schema';
import { type ColumnScope, scopeConditions } from './customer-columns.repository';

/** Sales of the customers in scope over a run of days, from the orders themselves. */
export interface SalesFigures {
  orders: number;
  /** Customers with an order in the days. */
  buyers: number;
  /** Of those, customers whose first order ever is in the days. */
  newBuyers: number;
  revenueMinor: number;
  /** Amount minus cost of the orders whose cost is known (as the monthly rollups count it). */
  profitMinor: number;
}

/**
 * Orders, buyers, first-time buyers, revenue and profit of the customers in scope with orders
 * dated `from` to `to` (YYYY-MM-DD, both included). Read from the orders rather than the monthly
 * rollups so a week, or part of a month, is exact; a first-time buyer is found through the
 * (customer, date) index by the absence of an earlier order.
 */
export async function salesBetween(
  db: Kysely<DB>,
  scope: ColumnScope,
  from: string,
  to: string,
): Promise<SalesFigures> {
  const where = sql.join(scopeConditions(scope), sql` and `);
  const r = await sql<Record<string, unknown>>`select count(*) as orders,
      count(distinct o.customer_id) as buyers,
      sum(o.amount_minor) as revenue,
      sum(case when o.cost_minor is not null then o.amount_minor - o.cost_minor end) as profit
    from orders o join customers c on c.id = o.customer_id
    where ${where} and o.ordered_on >= ${from} and o.ordered_on <= ${to}`.execute(db);
  const n = await sql<Record<string, unknown>>`select count(distinct o.customer_id) as n
    from orders o join customers c on c.id = o.customer_id
    where ${where} and o.ordered_on >= ${from} and o.ordered_on <= ${to}
      and not exists (select 1 from orders p
        where p.customer_id = o.customer_id and p.ordered_on < ${from})`.execute(db);
  const row = r.rows[0] ?? {};
  // PostgreSQL returns bigint counts and sums as strings; sums over no rows are NULL.
  return {
    orders: Number(row.orders ?? 0),
    buyers: Number(row.buyers ?? 0),
    newBuyers: Number(n.rows[0]?.n ?? 0),
    revenueMinor: Number(row.revenue ?? 0),
    profitMinor: Number(row.profit ?? 0),
  };
}

/** Service tickets of the customers in scope opened in [start, end) (ISO instants). */
export async function ticketsBetween(
  db: Kysely<DB>,
  scope: ColumnScope,
  start: string,
  end: string,
): Promise<{ tickets: number; complaints: number }> {
  const where = sql.join(scopeConditions(scope), sql` and `);
  const r = await sql<Record<string, unknown>>`select count(*) as tickets,
      sum(case when t.category = 'complaint' then 1 else 0 end) as complaints
    from tickets t join customers c on c.id = t.customer_id
    where ${where} and t.opened_at >= ${start} and t.opened_at < ${end}`.execute(db);
  const row = r.rows[0] ?? {};
  return { tickets: Number(row.tickets ?? 0), complaints: Number(row.complaints ?? 0) };
}

/** Active customers in scope now. */
export async function customersInScope(db: Kysely<DB>, scope: ColumnScope): Promise<number> {
  const where = sql.join(scopeConditions(scope), sql` and `);
  const r = await sql<{ n: unknown }>`select count(*) as n from customers c where ${where}`.execute(
    db,
  );
  return Number(r.rows[0]?.n ?? 0);
}
