import { z } from 'zod';
import { DomainError, notFound } from '../../domain/errors';
import * as deliveries from '../../store/webhooks/deliveries.repository';
import { findEndpoint } from '../../store/webhooks/endpoints.repository';
import { writeAudit } from '../audit';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { requirePermission } from '../guard';
import { parseInput } from '../parse';
import { enqueueDelivery } from './webhook-queue';

export const deliveriesQuery = z.strictObject({
  status: z
    .enum(['queued', 'delivering', 'delivered', 'failed'], {
      error: 'status must be queued, delivering, delivered or failed',
    })
    .optional(),
  page: z.coerce.number().int().min(1, 'page must be 1 or more').default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

/** The delivery log of one endpoint, newest first (needs policies.manage). */
export async function listDeliveries(deps: Deps, ctx: Ctx, endpointId: number, raw: unknown) {
  requirePermission(ctx, 'policies.manage');
  const q = parseInput(deliveriesQuery, raw ?? {}, 'Invalid delivery query');
  if (!(await findEndpoint(deps.store.db, endpointId)))
    throw notFound('Webhook endpoint', endpointId);
  const { items, total } = await deliveries.listDeliveries(deps.store.db, {
    endpointId,
    status: q.status,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return { items, total, page: q.page, pageSize: q.pageSize };
}

/** One delivery with every attempt made. */
export async function getDelivery(deps: Deps, ctx: Ctx, id: number) {
  requirePermission(ctx, 'policies.manage');
  const d = await deliveries.findDelivery(deps.store.db, id);
  if (!d) throw notFound('Webhook delivery', id);
  return { ...d, attemptLog: await deliveries.listAttempts(deps.store.db, id) };
}

/**
 * Sends a finished delivery (delivered or failed) once more: same event id, so a receiver that
 * already has it can tell; one attempt, recorded in the log like the others.
 */
export async function redeliver(deps: Deps, ctx: Ctx, id: number) {
  requirePermission(ctx, 'policies.manage');
  const d = await deliveries.findDelivery(deps.store.db, id);
  if (!d) throw notFound('Webhook delivery', id);
  const now = ctx.now().toISOString();
  await deps.store.db.transaction().execute(async (trx) => {
    if (!(await deliveries.requeueDelivery(trx, id, now)))
      throw new DomainError(
        'INVALID_STATE',
        `Delivery ${id} is ${d.status}: only a delivered or failed delivery can be sent again`,
        { status: d.status },
      );
    // A fresh key: earlier jobs of this delivery are done, and each redelivery is its own job.
    await enqueueDelivery(trx, id, `webhook:${id}:manual:${now}`, now, now, true);
    await writeAudit(trx, ctx, {
      action: 'webhook.redeliver',
      entity: 'webhook_delivery',
      entityId: id,
      before: { status: d.status, attempts: d.attempts },
      after: { eventId: d.eventId, endpointId: d.endpointId },
    });
  });
  return getDelivery(deps, ctx, id);
}
