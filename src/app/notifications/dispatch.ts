import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../store/schema';
import type { Ctx } from '../context';
import { queueWebhookDeliveries } from '../webhooks/webhook-queue';
import { queueEmails } from './email-queue';
import { usersWhoSeeCustomer } from './notice-audience';

/** Something that happened which people (in-app) and other systems (webhooks, e-mail) hear of. */
export interface OutboundEvent {
  /** Stable dotted name, e.g. `automation.late_payments`; webhooks subscribe by it. */
  kind: string;
  entity: string;
  entityId: string | number | null;
  /** What the receiver needs to act, as JSON (no personal data beyond the customer's code and name). */
  payload: Record<string, unknown>;
  /** Users told in the in-app inbox (and by e-mail when SMTP is configured). */
  userIds: readonly number[];
  /**
   * The customer the event is about, when there is one: users whose row scope leaves the
   * customer out are not told (webhooks, configured by administrators, still are).
   */
  customerId?: number | null;
}

/**
 * Tells people and systems of an event. Call it inside the transaction that makes the change:
 * what it writes (inbox rows, queued webhook deliveries and e-mails with the jobs that send
 * them) commits or rolls back with the change, so nothing that must follow a change is lost or
 * sent for a change that did not happen. Returns the event id receivers see.
 */
export async function dispatchEvent(
  db: Kysely<DB>,
  ctx: Ctx,
  event: OutboundEvent,
): Promise<string> {
  const now = ctx.now().toISOString();
  const unique = [...new Set(event.userIds)];
  const users =
    event.customerId == null ? unique : await usersWhoSeeCustomer(db, unique, event.customerId);
  const entityId = event.entityId === null ? null : String(event.entityId);
  if (users.length > 0)
    await db
      .insertInto('notifications')
      .values(
        users.map((userId) => ({
          user_id: userId,
          kind: event.kind,
          payload: JSON.stringify(event.payload),
          entity: event.entity,
          entity_id: entityId,
          created_at: now,
          read_at: null,
        })),
      )
      .execute();
  const eventId = randomUUID();
  const common = { kind: event.kind, entity: event.entity, entityId, payload: event.payload };
  await queueWebhookDeliveries(db, { eventId, ...common, occurredAt: now }, now);
  await queueEmails(db, { eventId, ...common }, users, now);
  return eventId;
}
