import { type Kysely, sql } from 'kysely';
import type { DB } from '../schema';
import { type ColumnScope, scopeConditions } from './customer-columns.repository';

/**
 * Purchase months of the customers whose first order fell in [from, to], in the flat layout
 * the cohort table takes: customer k's months are months[offsets[k]] … months[offsets[k+1] − 1]
 * ('YYYY-MM', ascending), customers in ascending id order.
 */
export interface CohortPurchaseMonths {
  customerIds: Int32Array;
  offsets: Int32Array;
  months: string[];
}

/**
 * The months with at least one order, from `from` to `to`, of the customers in scope whose first
 * order is in that range: one statement over the monthly rollups (primary key customer, month),
 * a customer with an order before `from` excluded by a probe of its own earlier months.
 */
export async function loadCohortPurchaseMonths(
  db: Kysely<DB>,
  scope: ColumnScope,
  from: string,
  to: string,
): Promise<CohortPurchaseMonths> {
  const where = sql.join(scopeConditions(scope), sql` and `);
  const res = await sql<{ customer_id: number; month: string }>`select r.customer_id, r.month
    from customer_month_rollups r
    where r.order_count > 0 and r.month >= ${from} and r.month <= ${to}
      and r.customer_id in (select c.id from customers c where ${where})
      and not exists (select 1 from customer_month_rollups e where e.customer_id = r.customer_id
        and e.order_count > 0 and e.month < ${from})
    order by r.customer_id, r.month`.execute(db);
  const ids: number[] = [];
  const offsets: number[] = [0];
  const months: string[] = [];
  let last = -1;
  for (const row of res.rows) {
    const id = Number(row.customer_id);
    if (id !== last) {
      if (last !== -1) offsets.push(months.length);
      ids.push(id);
      last = id;
    }
    months.push(String(row.month));
  }
  if (last !== -1) offsets.push(months.length);
  return { customerIds: Int32Array.from(ids), offsets: Int32Array.from(offsets), months };
}
