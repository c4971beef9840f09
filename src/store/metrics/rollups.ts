import { type Kysely, sql } from 'kysely';
import type { Engine } from '../database';
import type { DB } from '../schema';

/** Above this many customers a refresh rebuilds the whole table instead of listing ids. */
const FULL_REFRESH_OVER = 5000;

function dialect(engine: Engine) {
  return engine === 'postgres'
    ? {
        month: (col: string) => `to_char(${col}, 'YYYY-MM')`,
        daysBetween: (later: string, earlier: string) => `(${later} - ${earlier})`,
      }
    : {
        month: (col: string) => `substr(${col}, 1, 7)`,
        daysBetween: (later: string, earlier: string) =>
          `cast(julianday(${later}) - julianday(${earlier}) as integer)`,
      };
}

/**
 * The SELECT that computes rollup rows from the raw facts. Each source is grouped by customer
 * and month first, so the union that follows is small; `filter(col)` restricts every source to
 * some customers.
 */
export function rollupSelect(engine: Engine, filter: (col: string) => string): string {
  const d = dialect(engine);
  const zeros = (n: number) => Array.from({ length: n }, () => '0').join(', ');
  return `
select customer_id, month,
  sum(order_count) as order_count, sum(revenue_minor) as revenue_minor,
  sum(costed_revenue_minor) as costed_revenue_minor, sum(cost_minor) as cost_minor,
  sum(quantity) as quantity, min(first_order_on) as first_order_on,
  max(last_order_on) as last_order_on, sum(invoices_due) as invoices_due,
  sum(invoices_on_time) as invoices_on_time, sum(invoices_late) as invoices_late,
  sum(invoices_unpaid) as invoices_unpaid, sum(amount_due_minor) as amount_due_minor,
  sum(amount_paid_minor) as amount_paid_minor, sum(days_late_sum) as days_late_sum,
  sum(complaints) as complaints, sum(feedback) as feedback, sum(surveys) as surveys,
  sum(survey_score_sum) as survey_score_sum, sum(referrals) as referrals, sum(visits) as visits
from (
  select customer_id, ${d.month('ordered_on')} as month,
    count(*) as order_count, sum(amount_minor) as revenue_minor,
    sum(case when cost_minor is not null then amount_minor else 0 end) as costed_revenue_minor,
    sum(coalesce(cost_minor, 0)) as cost_minor, sum(coalesce(quantity, 0)) as quantity,
    min(ordered_on) as first_order_on, max(ordered_on) as last_order_on,
    0 as invoices_due, 0 as invoices_on_time, 0 as invoices_late, 0 as invoices_unpaid,
    0 as amount_due_minor, 0 as amount_paid_minor, 0 as days_late_sum,
    0 as complaints, 0 as feedback, 0 as surveys, 0 as survey_score_sum, 0 as referrals,
    0 as visits
  from orders where ${filter('customer_id')} group by customer_id, ${d.month('ordered_on')}
  union all
  select customer_id, ${d.month('due_on')}, ${zeros(5)}, null, null,
    count(*),
    sum(case when paid_on is not null and paid_on <= due_on then 1 else 0 end),
    sum(case when paid_on is not null and paid_on > due_on then 1 else 0 end),
    sum(case when paid_on is null then 1 else 0 end),
    sum(amount_minor),
    sum(case when paid_on is not null then amount_minor else 0 end),
    sum(case when paid_on > due_on then ${d.daysBetween('paid_on', 'due_on')} else 0 end),
    ${zeros(6)}
  from payments where ${filter('customer_id')} group by customer_id, ${d.month('due_on')}
  union all
  select customer_id, ${d.month('received_on')}, ${zeros(5)}, null, null, ${zeros(7)},
    sum(case when kind = 'complaint' then 1 else 0 end), count(*), 0, 0, 0, 0
  from feedback where ${filter('customer_id')} group by customer_id, ${d.month('received_on')}
  union all
  select customer_id, ${d.month('answered_on')}, ${zeros(5)}, null, null, ${zeros(7)},
    0, 0, count(*), sum(score), 0, 0
  from survey_responses where ${filter('customer_id')} group by customer_id, ${d.month('answered_on')}
  union all
  select referrer_id, ${d.month('referred_on')}, ${zeros(5)}, null, null, ${zeros(7)},
    0, 0, 0, 0, count(*), 0
  from referrals where ${filter('referrer_id')} group by referrer_id, ${d.month('referred_on')}
  union all
  select customer_id, ${d.month('visited_on')}, ${zeros(5)}, null, null, ${zeros(7)},
    0, 0, 0, 0, 0, count(*)
  from visits where ${filter('customer_id')} group by customer_id, ${d.month('visited_on')}
) f
group by customer_id, month`;
}

const COLUMNS = `customer_id, month, order_count, revenue_minor, costed_revenue_minor, cost_minor,
  quantity, first_order_on, last_order_on, invoices_due, invoices_on_time, invoices_late,
  invoices_unpaid, amount_due_minor, amount_paid_minor, days_late_sum, complaints, feedback,
  surveys, survey_score_sum, referrals, visits`;

/**
 * Recomputes the monthly rollups of some customers (or all) from their facts. Call it in the
 * transaction that changed the facts, so rollups and facts never disagree. Recomputing a
 * customer is cheap (its facts are indexed by customer), and cheaper to get right than deltas.
 */
export async function refreshRollups(
  db: Kysely<DB>,
  engine: Engine,
  customerIds?: readonly number[],
): Promise<void> {
  const ids = customerIds ? [...new Set(customerIds)] : undefined;
  if (ids && ids.length === 0) return;
  if (!ids || ids.length > FULL_REFRESH_OVER) {
    await sql.raw('delete from customer_month_rollups').execute(db);
    await sql
      .raw(`insert into customer_month_rollups (${COLUMNS}) ${rollupSelect(engine, () => '1 = 1')}`)
      .execute(db);
    return;
  }
  const list = ids.map((id) => String(Math.trunc(id))).join(', ');
  await sql.raw(`delete from customer_month_rollups where customer_id in (${list})`).execute(db);
  await sql
    .raw(
      `insert into customer_month_rollups (${COLUMNS}) ${rollupSelect(engine, (col) => `${col} in (${list})`)}`,
    )
    .execute(db);
}
