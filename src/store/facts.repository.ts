import type { Kysely } from 'kysely';
import type { CustomerFilter } from '../domain/auth/customer-scope';
import type { FactKind, ParsedFact } from '../domain/facts/fact-kinds';
import { scopeCondition } from './customer-scope';
import type { DB } from './schema';

type AnyRow = Record<string, unknown> & { id: number };

interface FactTable<K extends FactKind> {
  table: keyof DB;
  /** Column that links the fact to its customer. */
  customerColumn: string;
  /** Column that dates the fact on the timeline. */
  dateColumn: string;
  toRow(p: ParsedFact<K>, customerId: number, now: string): Record<string, unknown>;
  fromRow(r: AnyRow): Record<string, unknown>;
  title(r: AnyRow): string;
  amount(r: AnyRow): number | null;
}

type Tables = { [K in FactKind]: FactTable<K> };

const n = (v: unknown) => (v == null ? null : Number(v));
const s = (v: unknown) => (v == null ? null : String(v));

/** How each kind of fact maps to its table; the one place that knows the column names. */
export const FACT_TABLES: Tables = {
  orders: {
    table: 'orders',
    customerColumn: 'customer_id',
    dateColumn: 'ordered_on',
    toRow: (p, customerId, now) => ({
      customer_id: customerId,
      order_no: p.orderNo,
      ordered_on: p.orderedOn,
      amount_minor: p.amount,
      cost_minor: p.cost ?? null,
      currency: p.currency,
      product: p.product ?? null,
      category: p.category ?? null,
      channel: p.channel ?? null,
      quantity: p.quantity ?? null,
      rush: p.rush ? 1 : 0,
      created_at: now,
    }),
    fromRow: (r) => ({
      id: r.id,
      orderNo: r.order_no,
      orderedOn: r.ordered_on,
      amountMinor: n(r.amount_minor),
      costMinor: n(r.cost_minor),
      currency: r.currency,
      product: s(r.product),
      category: s(r.category),
      channel: s(r.channel),
      quantity: n(r.quantity),
      rush: r.rush === 1,
    }),
    title: (r) => `${r.order_no}${r.product ? ` ${r.product}` : ''}`,
    amount: (r) => n(r.amount_minor),
  },
  payments: {
    table: 'payments',
    customerColumn: 'customer_id',
    dateColumn: 'due_on',
    toRow: (p, customerId, now) => ({
      customer_id: customerId,
      invoice_no: p.invoiceNo,
      amount_minor: p.amount,
      due_on: p.dueOn,
      paid_on: p.paidOn ?? null,
      created_at: now,
    }),
    fromRow: (r) => ({
      id: r.id,
      invoiceNo: r.invoice_no,
      amountMinor: n(r.amount_minor),
      dueOn: r.due_on,
      paidOn: s(r.paid_on),
      daysLate: daysLate(s(r.due_on), s(r.paid_on)),
    }),
    title: (r) => String(r.invoice_no),
    amount: (r) => n(r.amount_minor),
  },
  contracts: {
    table: 'contracts',
    customerColumn: 'customer_id',
    dateColumn: 'start_on',
    toRow: (p, customerId, now) => ({
      customer_id: customerId,
      contract_no: p.contractNo,
      kind: p.kind,
      title: p.title ?? null,
      signed_on: p.signedOn ?? null,
      start_on: p.startOn,
      end_on: p.endOn ?? null,
      amount_minor: p.amount ?? null,
      created_at: now,
    }),
    fromRow: (r) => ({
      id: r.id,
      contractNo: r.contract_no,
      kind: r.kind,
      title: s(r.title),
      signedOn: s(r.signed_on),
      startOn: r.start_on,
      endOn: s(r.end_on),
      amountMinor: n(r.amount_minor),
    }),
    title: (r) => `${r.contract_no}${r.title ? ` ${r.title}` : ''}`,
    amount: (r) => n(r.amount_minor),
  },
  feedback: {
    table: 'feedback',
    customerColumn: 'customer_id',
    dateColumn: 'received_on',
    toRow: (p, customerId, now) => ({
      customer_id: customerId,
      kind: p.kind,
      category: p.category ?? null,
      content: p.content,
      received_on: p.receivedOn,
      status: p.status,
      created_at: now,
    }),
    fromRow: (r) => ({
      id: r.id,
      kind: r.kind,
      category: s(r.category),
      content: r.content,
      receivedOn: r.received_on,
      status: r.status,
    }),
    title: (r) => String(r.content).slice(0, 80),
    amount: () => null,
  },
  surveys: {
    table: 'survey_responses',
    customerColumn: 'customer_id',
    dateColumn: 'answered_on',
    toRow: (p, customerId, now) => ({
      customer_id: customerId,
      answered_on: p.answeredOn,
      score: p.score,
      comment: p.comment ?? null,
      created_at: now,
    }),
    fromRow: (r) => ({
      id: r.id,
      answeredOn: r.answered_on,
      score: n(r.score),
      comment: s(r.comment),
    }),
    title: (r) => `${r.score}/5${r.comment ? ` ${r.comment}` : ''}`,
    amount: () => null,
  },
  visits: {
    table: 'visits',
    customerColumn: 'customer_id',
    dateColumn: 'visited_on',
    toRow: (p, customerId, now) => ({
      customer_id: customerId,
      user_id: p.userId ?? null,
      visited_on: p.visitedOn,
      purpose: p.purpose ?? null,
      notes: p.notes ?? null,
      created_at: now,
    }),
    fromRow: (r) => ({
      id: r.id,
      visitedOn: r.visited_on,
      userId: n(r.user_id),
      purpose: s(r.purpose),
      notes: s(r.notes),
    }),
    title: (r) => String(r.purpose ?? ''),
    amount: () => null,
  },
  referrals: {
    table: 'referrals',
    customerColumn: 'referrer_id',
    dateColumn: 'referred_on',
    toRow: (p, customerId, now) => ({
      referrer_id: customerId,
      referred_id: p.referredCustomerId,
      referred_on: p.referredOn,
      created_at: now,
    }),
    fromRow: (r) => ({
      id: r.id,
      referredCustomerId: n(r.referred_id),
      referredOn: r.referred_on,
    }),
    title: (r) => `#${r.referred_id}`,
    amount: () => null,
  },
  competitors: {
    table: 'competitor_usage',
    customerColumn: 'customer_id',
    dateColumn: 'noted_on',
    toRow: (p, customerId, now) => ({
      customer_id: customerId,
      competitor: p.competitor,
      product: p.product ?? null,
      noted_on: p.notedOn,
      notes: p.notes ?? null,
      created_at: now,
    }),
    fromRow: (r) => ({
      id: r.id,
      competitor: r.competitor,
      product: s(r.product),
      notedOn: r.noted_on,
      notes: s(r.notes),
    }),
    title: (r) => `${r.competitor}${r.product ? ` ${r.product}` : ''}`,
    amount: () => null,
  },
  stagnation: {
    table: 'inventory_stagnation',
    customerColumn: 'customer_id',
    dateColumn: 'reported_on',
    toRow: (p, customerId, now) => ({
      customer_id: customerId,
      reported_on: p.reportedOn,
      product: p.product ?? null,
      stagnant_quantity: p.stagnantQuantity ?? null,
      stagnant_value_minor: p.stagnantValue,
      days_stagnant: p.daysStagnant ?? null,
      created_at: now,
    }),
    fromRow: (r) => ({
      id: r.id,
      reportedOn: r.reported_on,
      product: s(r.product),
      stagnantQuantity: n(r.stagnant_quantity),
      stagnantValueMinor: n(r.stagnant_value_minor),
      daysStagnant: n(r.days_stagnant),
    }),
    title: (r) => String(r.product ?? ''),
    amount: (r) => n(r.stagnant_value_minor),
  },
};

function daysLate(due: string | null, paid: string | null): number | null {
  if (!due || !paid) return null;
  return Math.max(0, Math.round((Date.parse(paid) - Date.parse(due)) / 86_400_000));
}

// Kysely cannot type a table chosen at run time; the mapping above keeps columns consistent,
// so the dynamic calls below go through this one untyped handle.
// biome-ignore lint/suspicious/noExplicitAny: dynamic table names, see above
type Loose = Kysely<any>;

/** Inserts one fact and returns its id. */
export async function insertFact<K extends FactKind>(
  db: Kysely<DB>,
  kind: K,
  customerId: number,
  parsed: ParsedFact<K>,
  now: string,
): Promise<number> {
  const t = FACT_TABLES[kind] as FactTable<K>;
  const row = await (db as Loose)
    .insertInto(t.table)
    .values(t.toRow(parsed, customerId, now))
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** Lists a customer's facts of one kind, newest first. */
export async function listFacts(
  db: Kysely<DB>,
  kind: FactKind,
  customerId: number,
  limit: number,
  offset: number,
): Promise<{ items: Record<string, unknown>[]; total: number }> {
  const t = FACT_TABLES[kind];
  const base = (db as Loose).selectFrom(t.table).where(t.customerColumn, '=', customerId);
  const total = await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  const rows = (await base
    .selectAll()
    .orderBy(t.dateColumn, 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute()) as AnyRow[];
  return { items: rows.map((r) => t.fromRow(r)), total: Number(total.n) };
}

/** One fact row by id with its customer id, or undefined. */
export async function findFact(
  db: Kysely<DB>,
  kind: FactKind,
  id: number,
): Promise<{ customerId: number; data: Record<string, unknown> } | undefined> {
  const t = FACT_TABLES[kind];
  const row = (await (db as Loose)
    .selectFrom(t.table)
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst()) as AnyRow | undefined;
  if (!row) return undefined;
  return { customerId: Number(row[t.customerColumn]), data: t.fromRow(row) };
}

/** Deletes one fact; true when it existed. */
export async function deleteFact(db: Kysely<DB>, kind: FactKind, id: number): Promise<boolean> {
  const t = FACT_TABLES[kind];
  const r = await (db as Loose).deleteFrom(t.table).where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** The newest `limit` facts of every kind for a customer, merged by date. */
export async function timeline(
  db: Kysely<DB>,
  customerId: number,
  limit: number,
  kinds?: readonly FactKind[],
  before?: string,
) {
  const entries: {
    kind: FactKind;
    id: number;
    date: string;
    title: string;
    amountMinor: number | null;
    data: Record<string, unknown>;
  }[] = [];
  for (const [kind, t] of Object.entries(FACT_TABLES) as [FactKind, FactTable<FactKind>][]) {
    if (kinds?.length && !kinds.includes(kind)) continue;
    let q = (db as Loose)
      .selectFrom(t.table)
      .selectAll()
      .where(t.customerColumn, '=', customerId)
      .orderBy(t.dateColumn, 'desc')
      .limit(limit);
    if (before) q = q.where(t.dateColumn, '<', before);
    const rows = (await q.execute()) as AnyRow[];
    for (const r of rows) {
      entries.push({
        kind,
        id: r.id,
        date: String(r[t.dateColumn]),
        title: t.title(r),
        amountMinor: t.amount(r),
        data: t.fromRow(r),
      });
    }
  }
  entries.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : b.id - a.id));
  return entries.slice(0, limit);
}

/**
 * Every fact of a kind (optionally of one customer) with its customer's code, in id order,
 * limited to the customers in `scope`.
 */
export async function* iterateFacts(
  db: Kysely<DB>,
  kind: FactKind,
  customerId: number | undefined,
  batch = 2000,
  scope: CustomerFilter = { kind: 'all' },
): AsyncGenerator<Record<string, unknown> & { customerCode: string }> {
  const t = FACT_TABLES[kind];
  const inScope = scopeCondition(scope, 'c');
  let after = 0;
  for (;;) {
    let q = (db as Loose)
      .selectFrom(`${t.table} as f`)
      .innerJoin('customers as c', 'c.id', `f.${t.customerColumn}`)
      .selectAll('f')
      .select('c.code as customer_code')
      .where('f.id', '>', after)
      .orderBy('f.id')
      .limit(batch);
    if (customerId !== undefined) q = q.where(`f.${t.customerColumn}`, '=', customerId);
    if (inScope) q = q.where(inScope);
    const rows = (await q.execute()) as (AnyRow & { customer_code: string })[];
    if (rows.length === 0) return;
    for (const r of rows) yield { customerCode: r.customer_code, ...t.fromRow(r) };
    after = Number(rows[rows.length - 1]!.id);
  }
}

/** The lines of an order, in line order. */
export async function orderLines(db: Kysely<DB>, orderId: number) {
  const rows = await db
    .selectFrom('order_lines')
    .selectAll()
    .where('order_id', '=', orderId)
    .orderBy('line_no')
    .execute();
  return rows.map((r) => ({
    lineNo: r.line_no,
    product: r.product,
    quantity: r.quantity,
    unitPriceMinor: Number(r.unit_price_minor),
    amountMinor: Number(r.amount_minor),
  }));
}
