import type { Insertable, Kysely } from 'kysely';
import { DomainError } from '../../domain/errors';
import { topLevelOf } from '../../domain/service/taxonomy';
import { ticketReference } from '../../domain/service/ticket.schema';
import type { DB, TicketsTable } from '../../store/schema';
import { insertMessage } from '../../store/service/ticket-messages.repository';
import * as repo from '../../store/service/tickets.repository';
import { writeAudit } from '../audit';
import type { Ctx } from '../context';
import { computeTicketClock } from '../sla/ticket-sla-clock';
import { ticketEvent } from './ticket-events';

/** Everything a new ticket row needs besides what the caller said. */
export interface NewTicket {
  customerId: number;
  subject: string;
  categoryPath: string;
  level: number;
  channel: string;
  source: 'staff' | 'public_form' | 'api';
  verified: boolean;
  description: string | null;
  contactId: number | null;
  contactName: string | null;
  contactPhoneEnc: string | null;
  assigneeId: number | null;
  externalRef: string | null;
  idempotencyKey: string | null;
}

/**
 * Writes a ticket, its first history line, the audit and the 'ticket.created' event in the
 * caller's transaction; returns the new id.
 */
export async function insertNewTicket(trx: Kysely<DB>, ctx: Ctx, t: NewTicket): Promise<number> {
  const now = ctx.now().toISOString();
  const status = t.assigneeId ? 'assigned' : 'new';
  const row: Insertable<TicketsTable> = {
    customer_id: t.customerId,
    subject: t.subject,
    category: topLevelOf(t.categoryPath),
    category_path: t.categoryPath,
    level: t.level,
    status,
    opened_at: now,
    closed_at: null,
    created_at: now,
    updated_at: now,
    channel: t.channel,
    source: t.source,
    verified: t.verified ? 1 : 0,
    description: t.description,
    contact_id: t.contactId,
    contact_name: t.contactName,
    contact_phone_enc: t.contactPhoneEnc,
    assignee_id: t.assigneeId,
    external_ref: t.externalRef,
    idempotency_key: t.idempotencyKey,
    created_by: ctx.actor.id,
  };
  const id = await repo.insertTicket(trx, row);
  // The SLA clocks start with the ticket (a calendar gap leaves them null, never a failure).
  await computeTicketClock(trx, ctx, id, 'opened');
  await insertMessage(trx, {
    ticket_id: id,
    kind: 'created',
    author_id: ctx.actor.id,
    author_name: ctx.actor.name,
    // The channel code; the UI words it in the reader's language.
    body: t.channel,
    visibility: 'public',
    from_status: null,
    to_status: status,
    created_at: now,
  });
  const saved = await repo.findTicket(trx, id);
  if (!saved) throw new DomainError('INTERNAL', `Ticket ${id} vanished while being created`);
  const reference = ticketReference(id, now);
  // The audit keeps no phone number: the log is readable by auditors.
  await writeAudit(trx, ctx, {
    action: 'ticket.create',
    entity: 'ticket',
    entityId: id,
    after: { ...row, contact_phone_enc: row.contact_phone_enc ? '(set)' : null, reference },
  });
  await ticketEvent(trx, ctx, 'ticket.created', saved, reference);
  if (t.assigneeId) await ticketEvent(trx, ctx, 'ticket.assigned', saved, reference);
  return id;
}
