import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { CustomerFilter } from '../../domain/auth/customer-scope';
import { scopeCondition } from '../customer-scope';
import type { DB } from '../schema';

/** Who is counted (see app/analytics/analytics-filters.ts); tier needs a scheme id here. */
export interface ColumnScope {
  region?: string | undefined;
  industry?: string | undefined;
  type?: string | undefined;
  ownerId?: number | undefined;
  /** Published tier in a scheme (customer_tiers); both or neither. */
  tier?: { schemeId: number; tier: string } | undefined;
  /** Only these customers (a drill-down inside a figure), when given. */
  customerIds?: readonly number[] | undefined;
  /** The acting user's row scope (who may be counted at all); everyone when left out. */
  rows?: CustomerFilter | undefined;
}

/**
 * Active customers in scope as columns (position i is one customer everywhere), with their
 * period sums from the monthly rollups and their order span up to the period's end.
 * Money is in minor units; a customer without orders has 0 sums and NaN order days.
 */
export interface CustomerColumns {
  n: number;
  ids: Int32Array;
  codes: string[];
  names: string[];
  region: (string | null)[];
  industry: (string | null)[];
  type: string[];
  ownerId: (number | null)[];
  /** Revenue in the period. */
  revenue: Float64Array;
  /** Revenue minus cost of the orders whose cost is known, in the period. */
  profit: Float64Array;
  /** Orders in the period. */
  orders: Float64Array;
  /** Orders from the first up to the period's end. */
  lifetimeOrders: Float64Array;
  /** First and last order date up to the period's end ('YYYY-MM-DD'), null when none. */
  firstOrderOn: (string | null)[];
  lastOrderOn: (string | null)[];
}

/** The SQL conditions on `c` (customers) for a scope. */
export function scopeConditions(scope: ColumnScope): RawBuilder<unknown>[] {
  const where: RawBuilder<unknown>[] = [sql`c.status = 'active'`];
  const rows = scope.rows ? scopeCondition(scope.rows, 'c') : undefined;
  if (rows) where.push(rows);
  if (scope.region !== undefined) where.push(sql`c.region = ${scope.region}`);
  if (scope.industry !== undefined) where.push(sql`c.industry = ${scope.industry}`);
  if (scope.type !== undefined) where.push(sql`c.type = ${scope.type}`);
  if (scope.ownerId !== undefined) where.push(sql`c.owner_id = ${scope.ownerId}`);
  if (scope.tier !== undefined) {
    where.push(sql`exists (select 1 from customer_tiers ct where ct.customer_id = c.id
      and ct.scheme_id = ${scope.tier.schemeId} and ct.tier = ${scope.tier.tier})`);
  }
  if (scope.customerIds !== undefined) {
    where.push(
      scope.customerIds.length
        ? sql`c.id in (${sql.join(scope.customerIds.map((i) => sql`${i}`))})`
        : sql`1 = 0`,
    );
  }
  return where;
}

/**
 * Loads the customers in scope with their sums over months [from, to], in two statements: the
 * customers, then one grouped scan of their rollups (a join inside the grouped scan would sort
 * the customers' text columns along with the sums). Rows come back in id order.
 */
export async function loadCustomerColumns(
  db: Kysely<DB>,
  scope: ColumnScope,
  from: string,
  to: string,
): Promise<CustomerColumns> {
  const where = sql.join(scopeConditions(scope), sql` and `);
  const customers = await sql<{
    id: number;
    code: string;
    name: string;
    region: string | null;
    industry: string | null;
    type: string;
    owner_id: number | null;
  }>`select c.id, c.code, c.name, c.region, c.industry, c.type, c.owner_id
    from customers c where ${where} order by c.id`.execute(db);
  const n = customers.rows.length;
  const ids = new Int32Array(n);
  const at = new Map<number, number>();
  customers.rows.forEach((c, i) => {
    ids[i] = Number(c.id);
    at.set(Number(c.id), i);
  });
  const revenue = new Float64Array(n);
  const profit = new Float64Array(n);
  const orders = new Float64Array(n);
  const lifetimeOrders = new Float64Array(n);
  const firstOrderOn = new Array<string | null>(n).fill(null);
  const lastOrderOn = new Array<string | null>(n).fill(null);

  const sums = await sql<Record<string, unknown>>`select r.customer_id,
      sum(case when r.month >= ${from} and r.month <= ${to} then r.revenue_minor end) as revenue,
      sum(case when r.month >= ${from} and r.month <= ${to}
        then r.costed_revenue_minor - r.cost_minor end) as profit,
      sum(case when r.month >= ${from} and r.month <= ${to} then r.order_count end) as orders,
      sum(r.order_count) as lifetime_orders,
      min(case when r.order_count > 0 then r.first_order_on end) as first_order,
      max(case when r.order_count > 0 then r.last_order_on end) as last_order
    from customer_month_rollups r
    where r.month <= ${to} and r.customer_id in (select c.id from customers c where ${where})
    group by r.customer_id`.execute(db);
  for (const row of sums.rows) {
    const i = at.get(Number(row.customer_id));
    if (i === undefined) continue;
    // PostgreSQL returns bigint sums as strings; a window without rows sums to NULL.
    revenue[i] = Number(row.revenue ?? 0);
    profit[i] = Number(row.profit ?? 0);
    orders[i] = Number(row.orders ?? 0);
    lifetimeOrders[i] = Number(row.lifetime_orders ?? 0);
    if (row.first_order != null) firstOrderOn[i] = String(row.first_order).slice(0, 10);
    if (row.last_order != null) lastOrderOn[i] = String(row.last_order).slice(0, 10);
  }
  return {
    n,
    ids,
    codes: customers.rows.map((c) => c.code),
    names: customers.rows.map((c) => c.name),
    region: customers.rows.map((c) => c.region),
    industry: customers.rows.map((c) => c.industry),
    type: customers.rows.map((c) => c.type),
    ownerId: customers.rows.map((c) => (c.owner_id === null ? null : Number(c.owner_id))),
    revenue,
    profit,
    orders,
    lifetimeOrders,
    firstOrderOn,
    lastOrderOn,
  };
}
