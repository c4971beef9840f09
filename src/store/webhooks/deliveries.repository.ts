import type { Kysely, Selectable } from 'kysely';
import { instantText, instantTextOrNull } from '../row-values';
import type { DB } from '../schema';
import type { WebhookDeliveriesTable } from './webhooks.tables';

export type DeliveryStatus = 'queued' | 'delivering' | 'delivered' | 'failed';

/** One event for one endpoint with the outcome of its last attempt. */
export interface DeliveryRow {
  id: number;
  endpointId: number;
  eventId: string;
  kind: string;
  entity: string;
  entityId: string | null;
  occurredAt: string;
  payload: Record<string, unknown>;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  lastDurationMs: number | null;
  createdAt: string;
  deliveredAt: string | null;
}

const numOrNull = (v: unknown): number | null => (v == null ? null : Number(v));

function toDelivery(r: Selectable<WebhookDeliveriesTable>): DeliveryRow {
  return {
    id: Number(r.id),
    endpointId: Number(r.endpoint_id),
    eventId: r.event_id,
    kind: r.kind,
    entity: r.entity,
    entityId: r.entity_id,
    occurredAt: instantText(r.occurred_at),
    payload: JSON.parse(r.payload) as Record<string, unknown>,
    status: r.status as DeliveryStatus,
    attempts: Number(r.attempts),
    nextAttemptAt: instantTextOrNull(r.next_attempt_at),
    lastStatusCode: numOrNull(r.last_status_code),
    lastError: r.last_error,
    lastDurationMs: numOrNull(r.last_duration_ms),
    createdAt: instantText(r.created_at),
    deliveredAt: instantTextOrNull(r.delivered_at),
  };
}

export interface NewDelivery {
  endpointId: number;
  eventId: string;
  kind: string;
  entity: string;
  entityId: string | null;
  occurredAt: string;
  payload: Record<string, unknown>;
}

/**
 * Queues a delivery; the unique (endpoint, event) pair makes a second queueing of the same event
 * a no-op. Returns the new id, or undefined when it was already queued.
 */
export async function insertDelivery(
  db: Kysely<DB>,
  d: NewDelivery,
  now: string,
): Promise<number | undefined> {
  const r = await db
    .insertInto('webhook_deliveries')
    .values({
      endpoint_id: d.endpointId,
      event_id: d.eventId,
      kind: d.kind,
      entity: d.entity,
      entity_id: d.entityId,
      occurred_at: d.occurredAt,
      payload: JSON.stringify(d.payload),
      status: 'queued',
      attempts: 0,
      next_attempt_at: now,
      created_at: now,
    })
    .onConflict((oc) => oc.columns(['endpoint_id', 'event_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return r ? Number(r.id) : undefined;
}

/** One delivery by id. */
export async function findDelivery(db: Kysely<DB>, id: number): Promise<DeliveryRow | undefined> {
  const r = await db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return r ? toDelivery(r) : undefined;
}

/**
 * Takes a delivery for an attempt: only one still queued or delivering (a crashed attempt) is
 * taken, so a delivered or failed one is never sent again by a job that runs twice.
 */
export async function startAttempt(db: Kysely<DB>, id: number): Promise<boolean> {
  const r = await db
    .updateTable('webhook_deliveries')
    .set({ status: 'delivering' })
    .where('id', '=', id)
    .where('status', 'in', ['queued', 'delivering'])
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export interface AttemptOutcome {
  attempt: number;
  at: string;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  /** The delivery's status after this attempt. */
  status: DeliveryStatus;
  nextAttemptAt: string | null;
}

/** Records one attempt in the log and its outcome on the delivery. */
export async function recordAttempt(db: Kysely<DB>, id: number, o: AttemptOutcome): Promise<void> {
  await db
    .insertInto('webhook_attempts')
    .values({
      delivery_id: id,
      attempt: o.attempt,
      at: o.at,
      status_code: o.statusCode,
      error: o.error,
      duration_ms: o.durationMs,
    })
    .execute();
  await db
    .updateTable('webhook_deliveries')
    .set({
      status: o.status,
      attempts: o.attempt,
      next_attempt_at: o.nextAttemptAt,
      last_status_code: o.statusCode,
      last_error: o.error,
      last_duration_ms: o.durationMs,
      ...(o.status === 'delivered' ? { delivered_at: o.at } : {}),
    })
    .where('id', '=', id)
    .execute();
}

/** Marks a delivery failed without an attempt (e.g. its endpoint was switched off). */
export async function failDelivery(db: Kysely<DB>, id: number, error: string): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set({ status: 'failed', last_error: error, next_attempt_at: null })
    .where('id', '=', id)
    .execute();
}

/**
 * Queues a finished delivery again (manual redeliver): same event id, attempts counted on.
 * False when it is not finished (queued or being delivered).
 */
export async function requeueDelivery(db: Kysely<DB>, id: number, now: string): Promise<boolean> {
  const r = await db
    .updateTable('webhook_deliveries')
    .set({ status: 'queued', next_attempt_at: now })
    .where('id', '=', id)
    .where('status', 'in', ['delivered', 'failed'])
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** An endpoint's deliveries, newest first, with the total of the filter. */
export async function listDeliveries(
  db: Kysely<DB>,
  f: { endpointId: number; status?: DeliveryStatus | undefined; limit: number; offset: number },
): Promise<{ items: DeliveryRow[]; total: number }> {
  const base = db
    .selectFrom('webhook_deliveries')
    .where('endpoint_id', '=', f.endpointId)
    .$if(f.status !== undefined, (q) => q.where('status', '=', f.status!));
  const rows = await base
    .selectAll()
    .orderBy('id', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  const n = await base
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow();
  return { items: rows.map(toDelivery), total: Number(n.n) };
}

/** Each endpoint's latest delivery status (for the endpoints table). */
export async function lastStatusByEndpoint(
  db: Kysely<DB>,
): Promise<Map<number, { status: DeliveryStatus; at: string }>> {
  const rows = await db
    .selectFrom('webhook_deliveries as d')
    .select(['d.endpoint_id', 'd.status', 'd.created_at'])
    .where('d.id', 'in', (eb) =>
      eb
        .selectFrom('webhook_deliveries')
        .select((x) => x.fn.max('id').as('id'))
        .groupBy('endpoint_id'),
    )
    .execute();
  return new Map(
    rows.map((r) => [
      Number(r.endpoint_id),
      { status: r.status as DeliveryStatus, at: instantText(r.created_at) },
    ]),
  );
}

/** The attempts of one delivery, oldest first. */
export async function listAttempts(db: Kysely<DB>, deliveryId: number) {
  const rows = await db
    .selectFrom('webhook_attempts')
    .selectAll()
    .where('delivery_id', '=', deliveryId)
    .orderBy('attempt')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    attempt: Number(r.attempt),
    at: instantText(r.at),
    statusCode: numOrNull(r.status_code),
    error: r.error,
    durationMs: Number(r.duration_ms),
  }));
}
