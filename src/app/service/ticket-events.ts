import type { Kysely } from 'kysely';
import type { DB } from '../../store/schema';
import type { TicketRow } from '../../store/service/tickets.repository';
import type { Ctx } from '../context';
import { dispatchEvent } from '../notifications/dispatch';

/**
 * Tells the assignee and the customer's owner (account manager) of a ticket event, and any
 * webhook subscribers. Runs inside the transaction of the change. The payload carries the
 * customer's code and name only, no contact details.
 */
export async function ticketEvent(
  db: Kysely<DB>,
  ctx: Ctx,
  kind: 'ticket.created' | 'ticket.assigned',
  t: TicketRow,
  reference: string,
): Promise<void> {
  const users = [t.assigneeId, t.ownerId].filter(
    (u): u is number => u !== null && u !== ctx.actor.id,
  );
  await dispatchEvent(db, ctx, {
    kind,
    entity: 'ticket',
    entityId: t.id,
    payload: {
      ticketId: t.id,
      reference,
      customerId: t.customerId,
      customerCode: t.customerCode,
      customerName: t.customerName,
      subject: t.subject,
      category: t.categoryPath,
      level: t.level,
      assigneeId: t.assigneeId,
      assigneeName: t.assigneeName,
    },
    userIds: users,
    customerId: t.customerId,
  });
}
