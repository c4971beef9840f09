import type { Kysely } from 'kysely';
import type { DB } from '../../store/schema';
import type { Ctx } from '../context';

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
}

/**
 * Tells people and systems of an event. Call it inside the transaction that makes the change:
 * what it writes (inbox rows, queued deliveries) commits or rolls back with the change, so
 * nothing that must follow a change is lost or sent for a change that did not happen.
 */
export async function dispatchEvent(db: Kysely<DB>, ctx: Ctx, event: OutboundEvent): Promise<void> {
  const now = ctx.now().toISOString();
  const users = [...new Set(event.userIds)];
  if (users.length > 0)
    await db
      .insertInto('notifications')
      .values(
        users.map((userId) => ({
          user_id: userId,
          kind: event.kind,
          payload: JSON.stringify(event.payload),
          entity: event.entity,
          entity_id: event.entityId === null ? null : String(event.entityId),
          created_at: now,
          read_at: null,
        })),
      )
      .execute();
}
