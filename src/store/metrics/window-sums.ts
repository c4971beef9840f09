import { type Kysely, sql } from 'kysely';
import type { Engine } from '../database';
import type { DB } from '../schema';
import { rollupSelect } from './rollups';

/** Per-customer sums over a month range: what windowed metrics are computed from. */
export interface WindowSums {
  customerId: number;
  orderCount: number;
  revenueMinor: number;
  costedRevenueMinor: number;
  costMinor: number;
  quantity: number;
  invoicesDue: number;
  invoicesOnTime: number;
  invoicesLate: number;
  invoicesUnpaid: number;
  amountDueMinor: number;
  amountPaidMinor: number;
  daysLateSum: number;
  complaints: number;
  feedback: number;
  surveys: number;
  surveyScoreSum: number;
  referrals: number;
  visits: number;
}

const SUMS = `customer_id,
  sum(order_count) as order_count, sum(revenue_minor) as revenue_minor,
  sum(costed_revenue_minor) as costed_revenue_minor, sum(cost_minor) as cost_minor,
  sum(quantity) as quantity, sum(invoices_due) as invoices_due,
  sum(invoices_on_time) as invoices_on_time, sum(invoices_late) as invoices_late,
  sum(invoices_unpaid) as invoices_unpaid, sum(amount_due_minor) as amount_due_minor,
  sum(amount_paid_minor) as amount_paid_minor, sum(days_late_sum) as days_late_sum,
  sum(complaints) as complaints, sum(feedback) as feedback, sum(surveys) as surveys,
  sum(survey_score_sum) as survey_score_sum, sum(referrals) as referrals, sum(visits) as visits`;

type Row = Record<string, number | string | null>;

function toSums(r: Row): WindowSums {
  const n = (k: string) => Number(r[k] ?? 0);
  return {
    customerId: n('customer_id'),
    orderCount: n('order_count'),
    revenueMinor: n('revenue_minor'),
    costedRevenueMinor: n('costed_revenue_minor'),
    costMinor: n('cost_minor'),
    quantity: n('quantity'),
    invoicesDue: n('invoices_due'),
    invoicesOnTime: n('invoices_on_time'),
    invoicesLate: n('invoices_late'),
    invoicesUnpaid: n('invoices_unpaid'),
    amountDueMinor: n('amount_due_minor'),
    amountPaidMinor: n('amount_paid_minor'),
    daysLateSum: n('days_late_sum'),
    complaints: n('complaints'),
    feedback: n('feedback'),
    surveys: n('surveys'),
    surveyScoreSum: n('survey_score_sum'),
    referrals: n('referrals'),
    visits: n('visits'),
  };
}

/** Sums of the monthly rollups of every customer over [fromMonth, toMonth]. */
export async function windowSumsFromRollups(
  db: Kysely<DB>,
  fromMonth: string,
  toMonth: string,
): Promise<WindowSums[]> {
  const r = await sql<Row>`select ${sql.raw(SUMS)} from customer_month_rollups
    where month >= ${fromMonth} and month <= ${toMonth}
    group by customer_id order by customer_id`.execute(db);
  return r.rows.map(toSums);
}

/**
 * The same sums computed from the raw facts, without the rollups. Slow on big data; it exists to
 * prove that the rollups and a rescan agree (see test/store/metrics.test.ts).
 */
export async function windowSumsFromFacts(
  db: Kysely<DB>,
  engine: Engine,
  fromMonth: string,
  toMonth: string,
): Promise<WindowSums[]> {
  const r = await sql<Row>`select ${sql.raw(SUMS)} from (${sql.raw(
    rollupSelect(engine, () => '1 = 1'),
  )}) raw
    where month >= ${fromMonth} and month <= ${toMonth}
    group by customer_id order by customer_id`.execute(db);
  return r.rows.map(toSums);
}

/** First and last order date of every customer that ever ordered (read at the as-of date). */
export async function orderSpans(db: Kysely<DB>, toMonth: string) {
  const r = await sql<{ customer_id: number; first: string; last: string }>`
    select customer_id, min(first_order_on) as first, max(last_order_on) as last
    from customer_month_rollups where month <= ${toMonth} and order_count > 0
    group by customer_id`.execute(db);
  return r.rows;
}

/** Days the oldest unpaid invoice is overdue at the as-of date, per customer with one. */
export async function daysOverdue(db: Kysely<DB>, engine: Engine, asOf: string) {
  const days =
    engine === 'postgres'
      ? sql`max(cast(${asOf} as date) - due_on)`
      : sql`max(cast(julianday(${asOf}) - julianday(due_on) as integer))`;
  const r = await sql<{ customer_id: number; days: number }>`
    select customer_id, ${days} as days from payments
    where paid_on is null and due_on < ${asOf}
    group by customer_id`.execute(db);
  return r.rows.map((x) => ({ customerId: Number(x.customer_id), days: Number(x.days) }));
}

/** The latest inventory-stagnation value reported on or before the as-of date, per customer. */
export async function latestStagnation(db: Kysely<DB>, asOf: string) {
  const r = await sql<{ customer_id: number; value: number }>`
    select s.customer_id, sum(s.stagnant_value_minor) as value
    from inventory_stagnation s
    join (select customer_id, max(reported_on) as latest from inventory_stagnation
          where reported_on <= ${asOf} group by customer_id) l
      on l.customer_id = s.customer_id and l.latest = s.reported_on
    group by s.customer_id`.execute(db);
  return r.rows.map((x) => ({ customerId: Number(x.customer_id), valueMinor: Number(x.value) }));
}
