import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import { dateText, dateTextOrNull } from '../row-values';
import type { DB } from '../schema';

/** Which customers a query covers: an id range of a sweep batch, or the customers of an event. */
export type CustomerScope = { fromId: number; toId: number } | { ids: readonly number[] };

// biome-ignore lint/suspicious/noExplicitAny: the scope applies to any table's customer column.
function inScope(eb: ExpressionBuilder<any, any>, column: string, s: CustomerScope) {
  if ('ids' in s) return eb(column, 'in', s.ids.length ? [...s.ids] : [-1]);
  return eb.and([eb(column, '>=', s.fromId), eb(column, '<', s.toId)]);
}

/** The id range of all customers (a sweep walks it in batches). */
export async function customerIdRange(db: Kysely<DB>): Promise<{ min: number; max: number }> {
  const r = await db
    .selectFrom('customers')
    .select((eb) => [eb.fn.min('id').as('lo'), eb.fn.max('id').as('hi')])
    .executeTakeFirst();
  return { min: Number(r?.lo ?? 0), max: Number(r?.hi ?? -1) };
}

export interface RuleCustomer {
  id: number;
  code: string;
  name: string;
  ownerId: number | null;
}

/** Customers the rules look at: active records that are not leaving. */
export async function ruleCustomers(db: Kysely<DB>, s: CustomerScope): Promise<RuleCustomer[]> {
  const rows = await db
    .selectFrom('customers')
    .select(['id', 'code', 'name', 'owner_id'])
    .where((eb) => inScope(eb, 'id', s))
    .where('status', '=', 'active')
    .where('lifecycle_stage', 'in', ['prospect', 'active'])
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    code: r.code,
    name: r.name,
    ownerId: r.owner_id === null ? null : Number(r.owner_id),
  }));
}

export interface LateInvoiceRow {
  customerId: number;
  invoiceNo: string;
  amountMinor: number;
  dueOn: string;
  paidOn: string | null;
}

/**
 * Invoices due from `fromDate` to `today` that are late: paid after the due date, or unpaid with
 * the due date passed. Only late ones leave the database, so a sweep reads few rows.
 */
export async function lateInvoices(
  db: Kysely<DB>,
  s: CustomerScope,
  fromDate: string,
  today: string,
): Promise<LateInvoiceRow[]> {
  const rows = await db
    .selectFrom('payments')
    .select(['customer_id', 'invoice_no', 'amount_minor', 'due_on', 'paid_on'])
    .where((eb) => inScope(eb, 'customer_id', s))
    .where('due_on', '>=', fromDate)
    .where('due_on', '<=', today)
    .where((eb) =>
      eb.or([
        eb.and([eb('paid_on', 'is not', null), eb('paid_on', '>', eb.ref('due_on'))]),
        eb.and([eb('paid_on', 'is', null), eb('due_on', '<', today)]),
      ]),
    )
    .execute();
  return rows.map((r) => ({
    customerId: Number(r.customer_id),
    invoiceNo: r.invoice_no,
    amountMinor: Number(r.amount_minor),
    dueOn: dateText(r.due_on),
    paidOn: dateTextOrNull(r.paid_on),
  }));
}

export interface RollupFacts {
  customerId: number;
  orderCount: number;
  firstOrderOn: string | null;
  lastOrderOn: string | null;
  surveys: number;
  surveyScoreSum: number;
  previousSurveys: number;
  previousSurveyScoreSum: number;
}

/**
 * One grouped pass over the monthly rollups of the scope: order count, first and last order over
 * all time, and survey counts and score sums of the current and previous satisfaction windows
 * (months `YYYY-MM`, inclusive).
 */
export async function rollupFacts(
  db: Kysely<DB>,
  s: CustomerScope,
  windows: { current: { from: string; to: string }; previous: { from: string; to: string } },
): Promise<RollupFacts[]> {
  const { current: c, previous: p } = windows;
  const inCur = sql`month >= ${c.from} and month <= ${c.to}`;
  const inPrev = sql`month >= ${p.from} and month <= ${p.to}`;
  const rows = await db
    .selectFrom('customer_month_rollups')
    .select([
      'customer_id',
      sql<string | number>`sum(order_count)`.as('orders'),
      sql<unknown>`min(first_order_on)`.as('first_on'),
      sql<unknown>`max(last_order_on)`.as('last_on'),
      sql<string | number>`sum(case when ${inCur} then surveys else 0 end)`.as('cur_n'),
      sql<string | number>`sum(case when ${inCur} then survey_score_sum else 0 end)`.as('cur_s'),
      sql<string | number>`sum(case when ${inPrev} then surveys else 0 end)`.as('prev_n'),
      sql<string | number>`sum(case when ${inPrev} then survey_score_sum else 0 end)`.as('prev_s'),
    ])
    .where((eb) => inScope(eb, 'customer_id', s))
    .groupBy('customer_id')
    .execute();
  return rows.map((r) => ({
    customerId: Number(r.customer_id),
    orderCount: Number(r.orders ?? 0),
    firstOrderOn: dateTextOrNull(r.first_on),
    lastOrderOn: dateTextOrNull(r.last_on),
    surveys: Number(r.cur_n ?? 0),
    surveyScoreSum: Number(r.cur_s ?? 0),
    previousSurveys: Number(r.prev_n ?? 0),
    previousSurveyScoreSum: Number(r.prev_s ?? 0),
  }));
}

export interface ComplaintRow {
  customerId: number;
  complaints: number;
  lastComplaintOn: string;
}

/**
 * Complaints received from `fromDate` on: feedback of kind complaint plus service tickets of the
 * complaint category, per customer, with the latest date.
 */
export async function complaintCounts(
  db: Kysely<DB>,
  s: CustomerScope,
  fromDate: string,
): Promise<ComplaintRow[]> {
  const [fb, tk] = await Promise.all([
    db
      .selectFrom('feedback')
      .select([
        'customer_id',
        (eb) => eb.fn.countAll<string | number>().as('n'),
        (eb) => eb.fn.max('received_on').as('last_on'),
      ])
      .where((eb) => inScope(eb, 'customer_id', s))
      .where('kind', '=', 'complaint')
      .where('received_on', '>=', fromDate)
      .groupBy('customer_id')
      .execute(),
    db
      .selectFrom('tickets')
      .select([
        'customer_id',
        (eb) => eb.fn.countAll<string | number>().as('n'),
        (eb) => eb.fn.max('opened_at').as('last_on'),
      ])
      .where((eb) => inScope(eb, 'customer_id', s))
      .where('category', '=', 'complaint')
      .where('opened_at', '>=', `${fromDate}T00:00:00.000Z`)
      .groupBy('customer_id')
      .execute(),
  ]);
  const out = new Map<number, ComplaintRow>();
  for (const r of [...fb, ...tk]) {
    const id = Number(r.customer_id);
    const last = dateText(r.last_on).slice(0, 10);
    const prev = out.get(id);
    out.set(id, {
      customerId: id,
      complaints: (prev?.complaints ?? 0) + Number(r.n),
      lastComplaintOn: prev && prev.lastComplaintOn > last ? prev.lastComplaintOn : last,
    });
  }
  return [...out.values()];
}

/** Customers of the scope that carry a tag. */
export async function customersTagged(
  db: Kysely<DB>,
  s: CustomerScope,
  tag: string,
): Promise<Set<number>> {
  const rows = await db
    .selectFrom('customer_tags')
    .select('customer_id')
    .where((eb) => inScope(eb, 'customer_id', s))
    .where('tag', '=', tag)
    .execute();
  return new Set(rows.map((r) => Number(r.customer_id)));
}

export interface PublishedTierRow {
  customerId: number;
  tier: string;
  since: string;
  runId: number | null;
  provisional: boolean;
}

/** Published tiers in a scheme, with whether the run that placed them flagged them provisional. */
export async function publishedTiers(
  db: Kysely<DB>,
  s: CustomerScope,
  schemeId: number,
): Promise<PublishedTierRow[]> {
  const rows = await db
    .selectFrom('customer_tiers as ct')
    .leftJoin('tier_results as r', (j) =>
      j.onRef('r.run_id', '=', 'ct.run_id').onRef('r.customer_id', '=', 'ct.customer_id'),
    )
    .select(['ct.customer_id', 'ct.tier', 'ct.effective_from', 'ct.run_id', 'r.flags'])
    .where('ct.scheme_id', '=', schemeId)
    .where((eb) => inScope(eb, 'ct.customer_id', s))
    .execute();
  return rows.map((r) => ({
    customerId: Number(r.customer_id),
    tier: r.tier,
    since: dateText(r.effective_from),
    runId: r.run_id === null ? null : Number(r.run_id),
    provisional: (Number(r.flags ?? 0) & 1) !== 0,
  }));
}

/** Active users of the finance role (told of late payments alongside the owner). */
export async function financeUserIds(db: Kysely<DB>): Promise<number[]> {
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('role_id', '=', 'finance')
    .where('active', '=', 1)
    .execute();
  return rows.map((r) => Number(r.id));
}
