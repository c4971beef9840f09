import type { Kysely } from 'kysely';
import type { CustomerFilter } from '../../domain/auth/customer-scope';
import type { OrderStatus } from '../../domain/policy/order-status';
import { scopeCondition } from '../customer-scope';
import { dateText, instantText } from '../row-values';
import type { DB } from '../schema';

export type { OrderStatus };

export interface OrderRequestRow {
  id: number;
  customerId: number;
  customerCode: string;
  customerName: string;
  schemeId: number | null;
  catalogVersion: number | null;
  lines: unknown[];
  lineCount: number;
  internalTotalMinor: number;
  requestedTotalMinor: number;
  floorTotalMinor: number;
  discountPct: number;
  paymentTerm: string;
  deliveryDate: string;
  rush: boolean;
  tier: string;
  score: number | null;
  priority: number;
  review: string;
  status: OrderStatus;
  note: string | null;
  createdBy: number | null;
  createdByName: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface NewOrderRequest {
  customerId: number;
  schemeId: number | null;
  catalogVersion: number | null;
  lines: unknown[];
  internalTotalMinor: number;
  requestedTotalMinor: number;
  floorTotalMinor: number;
  discountPct: number;
  paymentTerm: string;
  deliveryDate: string;
  rush: boolean;
  tier: string;
  score: number | null;
  priority: number;
  review: string;
  note: string | null;
  createdBy: number | null;
  now: string;
}

/** Stores a checked order as queued; returns its id. */
export async function insertOrderRequest(db: Kysely<DB>, o: NewOrderRequest): Promise<number> {
  const r = await db
    .insertInto('order_requests')
    .values({
      customer_id: o.customerId,
      scheme_id: o.schemeId,
      catalog_version: o.catalogVersion,
      lines: JSON.stringify(o.lines),
      line_count: o.lines.length,
      internal_total_minor: o.internalTotalMinor,
      requested_total_minor: o.requestedTotalMinor,
      floor_total_minor: o.floorTotalMinor,
      discount_pct: o.discountPct,
      payment_term: o.paymentTerm,
      delivery_date: o.deliveryDate,
      rush: o.rush ? 1 : 0,
      tier: o.tier,
      score: o.score,
      priority: o.priority,
      review: o.review,
      status: 'queued',
      note: o.note,
      created_by: o.createdBy,
      created_at: o.now,
      updated_at: o.now,
      version: 1,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(r.id);
}

/**
 * Orders with their customer, optionally by status or id, in submission order (at most 2000;
 * the caller sorts them into queue order).
 */
export async function listOrderRequests(
  db: Kysely<DB>,
  f: {
    id?: number;
    status?: OrderStatus | undefined;
    customerId?: number | undefined;
    /** The reader's row scope: only orders of these customers. */
    rows?: CustomerFilter | undefined;
  } = {},
): Promise<OrderRequestRow[]> {
  const inScope = f.rows ? scopeCondition(f.rows, 'c') : undefined;
  let q = db
    .selectFrom('order_requests as o')
    .innerJoin('customers as c', 'c.id', 'o.customer_id')
    .leftJoin('users as u', 'u.id', 'o.created_by')
    .selectAll('o')
    .select(['c.code', 'c.name', 'u.display_name']);
  if (f.id !== undefined) q = q.where('o.id', '=', f.id);
  if (f.status) q = q.where('o.status', '=', f.status);
  if (f.customerId !== undefined) q = q.where('o.customer_id', '=', f.customerId);
  if (inScope) q = q.where(inScope);
  const rows = await q.orderBy('o.id').limit(2000).execute();
  const n = (v: unknown) => (v == null ? null : Number(v));
  return rows.map((r) => ({
    id: Number(r.id),
    customerId: Number(r.customer_id),
    customerCode: r.code,
    customerName: r.name,
    schemeId: n(r.scheme_id),
    catalogVersion: n(r.catalog_version),
    lines: JSON.parse(r.lines) as unknown[],
    lineCount: Number(r.line_count),
    internalTotalMinor: Number(r.internal_total_minor),
    requestedTotalMinor: Number(r.requested_total_minor),
    floorTotalMinor: Number(r.floor_total_minor),
    discountPct: Number(r.discount_pct),
    paymentTerm: r.payment_term,
    deliveryDate: dateText(r.delivery_date),
    rush: Number(r.rush) === 1,
    tier: r.tier,
    score: n(r.score),
    priority: Number(r.priority),
    review: r.review,
    status: r.status as OrderStatus,
    note: r.note,
    createdBy: n(r.created_by),
    createdByName: r.display_name ?? null,
    createdAt: instantText(r.created_at),
    updatedAt: instantText(r.updated_at),
    version: Number(r.version),
  }));
}

/** One order, or undefined. */
export async function findOrderRequest(
  db: Kysely<DB>,
  id: number,
): Promise<OrderRequestRow | undefined> {
  return (await listOrderRequests(db, { id }))[0];
}

/**
 * Moves an order to a status when it is still at `version` (optimistic lock); false when
 * someone changed it meanwhile.
 */
export async function updateOrderStatus(
  db: Kysely<DB>,
  id: number,
  version: number,
  status: OrderStatus,
  now: string,
): Promise<boolean> {
  const r = await db
    .updateTable('order_requests')
    .set({ status, updated_at: now, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
