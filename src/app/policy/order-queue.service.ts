import { z } from 'zod';
import type { CustomerFilter } from '../../domain/auth/customer-scope';
import { DomainError, notFound } from '../../domain/errors';
import { compareQueue } from '../../domain/policy/order-queue';
import { ORDER_STATUSES, type OrderStatus } from '../../domain/policy/order-status';
import { customerInScope } from '../../store/customer-scope';
import {
  findOrderRequest,
  insertOrderRequest,
  listOrderRequests,
  type OrderRequestRow,
  updateOrderStatus,
} from '../../store/orders/order-requests.repository';
import { writeAudit } from '../audit';
import type { Ctx } from '../context';
import { customerFilter } from '../customers/customer-scope';
import type { Deps } from '../deps';
import { requirePermission } from '../guard';
import { parseInput } from '../parse';
import { evaluateOrder, policySummary } from './order-check.service';

/** Where an order may go from each status; done and cancelled are final. */
const NEXT: Record<OrderStatus, readonly OrderStatus[]> = {
  queued: ['in_production', 'cancelled'],
  in_production: ['done', 'cancelled'],
  done: [],
  cancelled: [],
};

export const transitionInput = z.strictObject({
  status: z.enum(ORDER_STATUSES, {
    error: `status must be one of ${ORDER_STATUSES.join(', ')}`,
  }),
  version: z.number({ error: 'version is required' }).int().positive(),
});

/** A queued order as the queue shows it: strict-review tiers flagged. */
function view(o: OrderRequestRow, position: number | null = null) {
  return { ...o, strictReview: o.review === 'strict', position };
}
export type QueuedOrder = ReturnType<typeof view>;

/**
 * Submits an order to the queue (orders.check). It is checked again against the policy in
 * force; a refused order writes nothing and comes back with its reasons. An allowed one is
 * stored with the tier, score and queue priority it has now, and audited.
 */
export async function submitOrder(
  deps: Deps,
  ctx: Ctx,
  raw: unknown,
): Promise<
  | { ok: true; order: QueuedOrder }
  | { ok: false; check: Awaited<ReturnType<typeof evaluateOrder>>['result'] }
> {
  requirePermission(ctx, 'orders.check');
  const e = await evaluateOrder(deps, ctx, raw);
  if (!e.result.allowed || e.policy.tier === null) return { ok: false, check: e.result };
  const now = ctx.now().toISOString();
  const id = await deps.store.db.transaction().execute(async (trx) => {
    const newId = await insertOrderRequest(trx, {
      customerId: e.customer.id,
      schemeId: e.policy.schemeId,
      catalogVersion: e.policy.catalogVersion,
      lines: e.result.lines,
      internalTotalMinor: e.result.totals.internalMinor,
      requestedTotalMinor: e.result.totals.requestedMinor,
      floorTotalMinor: e.result.totals.priceFloorMinor,
      discountPct: e.order.requestedDiscountPct,
      paymentTerm: e.order.paymentTerm,
      deliveryDate: e.order.deliveryDate,
      rush: e.order.rush,
      tier: e.policy.tier as string,
      score: e.policy.score,
      priority: e.result.priority,
      review: e.result.review ?? 'standard',
      note: e.note,
      createdBy: ctx.actor.id,
      now,
    });
    await writeAudit(trx, ctx, {
      action: 'order.submit',
      entity: 'order_request',
      entityId: newId,
      after: {
        customerId: e.customer.id,
        order: e.order,
        tier: e.policy.tier,
        score: e.policy.score,
        priority: e.result.priority,
        policy: policySummary(e.policy),
      },
    });
    return newId;
  });
  const stored = await findOrderRequest(deps.store.db, id);
  if (!stored) throw notFound('Order request', id);
  return { ok: true, order: view(stored) };
}

/**
 * The order queue in the order work is taken: tier (best first), rush as the tier allows, higher
 * score, earlier submission. Without a status: the open orders (queued and in production).
 */
export async function listQueue(
  deps: Deps,
  ctx: Ctx,
  f: {
    status?: OrderStatus | undefined;
    customerId?: number | undefined;
    rows?: CustomerFilter | undefined;
  } = {},
) {
  requirePermission(ctx, 'orders.check');
  f = { ...f, rows: customerFilter(ctx) };
  const rows = f.status
    ? await listOrderRequests(deps.store.db, f)
    : [
        ...(await listOrderRequests(deps.store.db, { ...f, status: 'queued' })),
        ...(await listOrderRequests(deps.store.db, { ...f, status: 'in_production' })),
      ];
  return rows.sort(compareQueue).map((o, i) => view(o, i + 1));
}

/** One order of the queue. */
export async function getOrder(deps: Deps, ctx: Ctx, id: number) {
  requirePermission(ctx, 'orders.check');
  const o = await findOrderRequest(deps.store.db, id);
  if (!o || !(await customerInScope(deps.store.db, customerFilter(ctx), o.customerId)))
    throw notFound('Order request', id);
  return view(o);
}

/**
 * Moves an order along (queued → in production → done, or cancelled before it is done), with
 * an optimistic lock on its version; audited.
 */
export async function transitionOrder(deps: Deps, ctx: Ctx, id: number, raw: unknown) {
  requirePermission(ctx, 'orders.check');
  const input = parseInput(transitionInput, raw, 'Invalid order status change');
  const db = deps.store.db;
  const o = await findOrderRequest(db, id);
  if (!o) throw notFound('Order request', id);
  if (o.version !== input.version)
    throw new DomainError('STALE_VERSION', `Order ${id} was changed meanwhile; reload it`, {
      currentVersion: o.version,
    });
  if (!NEXT[o.status].includes(input.status))
    throw new DomainError(
      'INVALID_STATE',
      `Order ${id} is ${o.status}; it can go to ${NEXT[o.status].join(', ') || 'nothing'}`,
      { status: o.status },
    );
  await db.transaction().execute(async (trx) => {
    if (!(await updateOrderStatus(trx, id, input.version, input.status, ctx.now().toISOString())))
      throw new DomainError('STALE_VERSION', `Order ${id} was changed meanwhile; reload it`);
    await writeAudit(trx, ctx, {
      action: 'order.status',
      entity: 'order_request',
      entityId: id,
      before: { status: o.status, version: o.version },
      after: { status: input.status, version: o.version + 1 },
    });
  });
  return getOrder(deps, ctx, id);
}
