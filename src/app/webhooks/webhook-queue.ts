import type { Kysely } from 'kysely';
import { enqueueJob } from '../../store/jobs/jobs.repository';
import type { DB } from '../../store/schema';
import { insertDelivery } from '../../store/webhooks/deliveries.repository';
import { activeEndpoints, type EndpointRow } from '../../store/webhooks/endpoints.repository';
import { matchesEvent } from './event-patterns';

export const WEBHOOK_DELIVER = 'webhook.deliver';

/** Job attempts of one delivery call; only a crash mid-call uses more than one (see the job). */
export const DELIVER_JOB_ATTEMPTS = 3;

/** An event as endpoints receive it; `eventId` is the receivers' idempotency key. */
export interface WebhookEvent {
  eventId: string;
  kind: string;
  entity: string;
  entityId: string | null;
  occurredAt: string;
  payload: Record<string, unknown>;
}

/** Dedupe key of the job that makes a delivery's attempt `attempt` (first: `webhook:<id>`). */
export function deliverJobKey(deliveryId: number, attempt: number): string {
  return attempt <= 1 ? `webhook:${deliveryId}` : `webhook:${deliveryId}:${attempt}`;
}

/** Queues the job that sends a delivery at `runAt`, in the caller's transaction. */
export async function enqueueDelivery(
  db: Kysely<DB>,
  deliveryId: number,
  dedupeKey: string,
  runAt: string,
  now: string,
  manual = false,
): Promise<void> {
  await enqueueJob(
    db,
    {
      kind: WEBHOOK_DELIVER,
      payload: manual ? { deliveryId, manual: true } : { deliveryId },
      runAt,
      maxAttempts: DELIVER_JOB_ATTEMPTS,
      dedupeKey,
    },
    now,
  );
}

/**
 * Active endpoints as the transaction sees them. A sweep dispatches many events in one
 * transaction, so the list is read once per transaction (never cached outside one, where it
 * could go stale).
 */
const perTransaction = new WeakMap<Kysely<DB>, Promise<EndpointRow[]>>();
function endpointsFor(db: Kysely<DB>): Promise<EndpointRow[]> {
  if (!db.isTransaction) return activeEndpoints(db);
  let list = perTransaction.get(db);
  if (!list) {
    list = activeEndpoints(db);
    perTransaction.set(db, list);
  }
  return list;
}

/**
 * Queues one delivery, and the job that sends it, per active endpoint subscribed to the event's
 * kind (or only to `onlyEndpointId`, whatever it subscribes to, for a test event). Runs in the
 * caller's transaction: nothing is sent for a change that rolled back, nothing is lost after it
 * committed. Returns the ids of the deliveries queued.
 */
export async function queueWebhookDeliveries(
  db: Kysely<DB>,
  event: WebhookEvent,
  now: string,
  onlyEndpointId?: number,
): Promise<number[]> {
  const endpoints = (await endpointsFor(db)).filter((e) =>
    onlyEndpointId === undefined ? matchesEvent(e.events, event.kind) : e.id === onlyEndpointId,
  );
  const ids: number[] = [];
  for (const e of endpoints) {
    const id = await insertDelivery(db, { endpointId: e.id, ...event }, now);
    if (id === undefined) continue; // already queued for this endpoint: never twice
    await enqueueDelivery(db, id, deliverJobKey(id, 1), now, now);
    ids.push(id);
  }
  return ids;
}
