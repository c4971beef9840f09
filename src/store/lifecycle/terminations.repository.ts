import type { Kysely } from 'kysely';
import type { CustomerFilter } from '../../domain/auth/customer-scope';
import { scopeCondition } from '../customer-scope';
import { dateTextOrNull, instantTextOrNull } from '../row-values';
import type { CustomerTerminationsTable, DB } from '../schema';

export interface TerminationRow {
  id: number;
  customerId: number;
  customerCode: string;
  customerName: string;
  status: 'requested' | 'approved' | 'rejected' | 'completed' | 'cancelled';
  reason: string;
  requestedBy: number | null;
  requestedAt: string;
  decidedBy: number | null;
  decidedAt: string | null;
  decisionNote: string | null;
  noticeSentOn: string | null;
  noticeChannel: string | null;
  noticeNote: string | null;
  ordersClosedBy: number | null;
  ordersClosedAt: string | null;
  settledBy: number | null;
  settledAt: string | null;
  settlementNote: string | null;
  completedBy: number | null;
  completedAt: string | null;
  version: number;
}

function base(db: Kysely<DB>) {
  return db
    .selectFrom('customer_terminations as t')
    .innerJoin('customers as c', 'c.id', 't.customer_id')
    .selectAll('t')
    .select(['c.code', 'c.name']);
}

function toRow(r: Record<string, unknown>): TerminationRow {
  const n = (v: unknown) => (v == null ? null : Number(v));
  return {
    id: Number(r.id),
    customerId: Number(r.customer_id),
    customerCode: String(r.code),
    customerName: String(r.name),
    status: r.status as TerminationRow['status'],
    reason: String(r.reason),
    requestedBy: n(r.requested_by),
    requestedAt: instantTextOrNull(r.requested_at)!,
    decidedBy: n(r.decided_by),
    decidedAt: instantTextOrNull(r.decided_at),
    decisionNote: (r.decision_note as string | null) ?? null,
    noticeSentOn: dateTextOrNull(r.notice_sent_on),
    noticeChannel: (r.notice_channel as string | null) ?? null,
    noticeNote: (r.notice_note as string | null) ?? null,
    ordersClosedBy: n(r.orders_closed_by),
    ordersClosedAt: instantTextOrNull(r.orders_closed_at),
    settledBy: n(r.settled_by),
    settledAt: instantTextOrNull(r.settled_at),
    settlementNote: (r.settlement_note as string | null) ?? null,
    completedBy: n(r.completed_by),
    completedAt: instantTextOrNull(r.completed_at),
    version: Number(r.version),
  };
}

/** One termination. */
export async function findTermination(db: Kysely<DB>, id: number) {
  const r = await base(db).where('t.id', '=', id).executeTakeFirst();
  return r && toRow(r);
}

/** The customer's termination in progress (requested or approved), if any. */
export async function openTerminationOf(db: Kysely<DB>, customerId: number) {
  const r = await base(db)
    .where('t.customer_id', '=', customerId)
    .where('t.status', 'in', ['requested', 'approved'])
    .executeTakeFirst();
  return r && toRow(r);
}

/** Terminations, newest first, by status or customer. */
export async function listTerminations(
  db: Kysely<DB>,
  f: { status?: string | undefined; customerId?: number | undefined; rows?: CustomerFilter },
) {
  let q = base(db);
  const inScope = f.rows ? scopeCondition(f.rows, 'c') : undefined;
  if (inScope) q = q.where(inScope);
  if (f.status) q = q.where('t.status', '=', f.status);
  if (f.customerId) q = q.where('t.customer_id', '=', f.customerId);
  return (await q.orderBy('t.id', 'desc').limit(500).execute()).map(toRow);
}

/** Inserts a requested termination; returns its id. */
export async function insertTermination(
  db: Kysely<DB>,
  t: { customerId: number; reason: string; requestedBy: number | null },
  now: string,
): Promise<number> {
  const r = await db
    .insertInto('customer_terminations')
    .values({
      customer_id: t.customerId,
      status: 'requested',
      reason: t.reason,
      requested_by: t.requestedBy,
      requested_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(r.id);
}

/** Saves a change if the termination is still at `version`; false when someone saved first. */
export async function updateTermination(
  db: Kysely<DB>,
  id: number,
  version: number,
  set: Partial<Omit<CustomerTerminationsTable, 'id' | 'customer_id' | 'version'>>,
): Promise<boolean> {
  const r = await db
    .updateTable('customer_terminations')
    .set((eb) => ({ ...set, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Sets a customer's relationship stage. */
export async function setLifecycleStage(
  db: Kysely<DB>,
  customerId: number,
  stage: string,
  now: string,
): Promise<void> {
  await db
    .updateTable('customers')
    .set({ lifecycle_stage: stage, updated_at: now })
    .where('id', '=', customerId)
    .execute();
}

/** Contracts of a customer still running on a date (no end, or ending on or after it). */
export async function runningContracts(db: Kysely<DB>, customerId: number, date: string) {
  return db
    .selectFrom('contracts')
    .select(['contract_no', 'end_on'])
    .where('customer_id', '=', customerId)
    .where((eb) => eb.or([eb('end_on', 'is', null), eb('end_on', '>=', date)]))
    .execute();
}

/** Unpaid invoices of a customer: count and amount in minor units. */
export async function unpaidInvoices(db: Kysely<DB>, customerId: number) {
  const r = await db
    .selectFrom('payments')
    .select((eb) => [
      eb.fn.countAll<string | number>().as('n'),
      eb.fn.sum<string | number | null>('amount_minor').as('amount'),
    ])
    .where('customer_id', '=', customerId)
    .where('paid_on', 'is', null)
    .executeTakeFirstOrThrow();
  return { count: Number(r.n), amountMinor: Number(r.amount ?? 0) };
}
