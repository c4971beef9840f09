import { z } from 'zod';
import {
  type DeliveryRow,
  failDelivery,
  findDelivery,
  recordAttempt,
  startAttempt,
} from '../../store/webhooks/deliveries.repository';
import { findEndpoint } from '../../store/webhooks/endpoints.repository';
import type { JobHandler } from '../jobs/registry';
import { WEBHOOK_MAX_ATTEMPTS, webhookRetryDelayMs } from './webhook-backoff';
import { postJson } from './webhook-http';
import {
  DELIVER_JOB_ATTEMPTS,
  deliverJobKey,
  enqueueDelivery,
  WEBHOOK_DELIVER,
} from './webhook-queue';
import { SECRET_CONTEXT } from './webhook-secret';
import { signWebhook } from './webhook-signature';

export { WEBHOOK_DELIVER };

/** The JSON body an endpoint receives. */
export function webhookBody(d: DeliveryRow): string {
  return JSON.stringify({
    id: d.eventId,
    kind: d.kind,
    entity: d.entity,
    entityId: d.entityId,
    occurredAt: d.occurredAt,
    payload: d.payload,
  });
}

/**
 * Makes one attempt of a delivery. The delivery keeps its own retry schedule (30 s … 6 h with
 * jitter, up to WEBHOOK_MAX_ATTEMPTS): a failed attempt is recorded and the next attempt queued
 * as a new job in the same transaction, and this job ends done. The job's own retries only cover
 * a crash mid-call: a delivery found still `delivering` is sent again (receivers dedupe on the
 * event id); one found delivered or failed is never sent again.
 */
export const webhookDeliverJob: JobHandler<{ deliveryId: number; manual?: boolean | undefined }> = {
  payload: z.strictObject({
    deliveryId: z.number().int().positive(),
    manual: z.boolean().optional(),
  }),
  manage: 'policies.manage',
  maxAttempts: DELIVER_JOB_ATTEMPTS,
  async run({ deliveryId, manual }, { deps, ctx }) {
    const db = deps.store.db;
    const d = await findDelivery(db, deliveryId);
    if (!d) return { skipped: 'delivery gone' };
    if (d.status === 'delivered' || d.status === 'failed') return { skipped: d.status };
    const endpoint = await findEndpoint(db, d.endpointId);
    if (!endpoint) return { skipped: 'endpoint gone' };
    if (!endpoint.active) {
      await failDelivery(db, d.id, 'The endpoint is switched off');
      return { skipped: 'endpoint inactive' };
    }
    if (!(await startAttempt(db, d.id))) return { skipped: 'taken' };

    const body = webhookBody(d);
    const timestamp = Math.floor(ctx.now().getTime() / 1000);
    const secret = deps.keyring.decrypt(endpoint.secretEnc, SECRET_CONTEXT);
    const result = await postJson(
      endpoint.url,
      body,
      {
        'content-type': 'application/json',
        'user-agent': 'Tierdesk-Webhooks/1',
        'x-tierdesk-event': d.kind,
        'x-tierdesk-delivery': d.eventId,
        'x-tierdesk-timestamp': String(timestamp),
        'x-tierdesk-signature': signWebhook(secret, timestamp, body),
      },
      deps.config.webhookTimeoutMs,
    );

    const attempt = d.attempts + 1;
    const at = ctx.now();
    const final = result.ok || manual === true || attempt >= WEBHOOK_MAX_ATTEMPTS;
    const nextAt = final
      ? null
      : new Date(at.getTime() + webhookRetryDelayMs(attempt, Math.random())).toISOString();
    const status = result.ok ? 'delivered' : final ? 'failed' : 'queued';
    await db.transaction().execute(async (trx) => {
      await recordAttempt(trx, d.id, {
        attempt,
        at: at.toISOString(),
        statusCode: result.statusCode,
        error: result.error,
        durationMs: result.durationMs,
        status,
        nextAttemptAt: nextAt,
      });
      if (nextAt)
        await enqueueDelivery(
          trx,
          d.id,
          deliverJobKey(d.id, attempt + 1),
          nextAt,
          at.toISOString(),
        );
    });
    return {
      attempt,
      status,
      statusCode: result.statusCode,
      error: result.error,
      nextAttemptAt: nextAt,
    };
  },
};
