import type { Insertable, Kysely } from 'kysely';
import { instantText } from '../row-values';
import type { DB } from '../schema';
import type { TicketAttachmentsTable } from './service.tables';

/** An attachment's description (the bytes are on disk by their sha256). */
export interface TicketAttachment {
  id: number;
  ticketId: number;
  messageId: number | null;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  createdAt: string;
}

function toAttachment(r: {
  id: unknown;
  ticket_id: unknown;
  message_id: unknown;
  file_name: string;
  content_type: string;
  size: unknown;
  sha256: string;
  created_at: unknown;
}): TicketAttachment {
  return {
    id: Number(r.id),
    ticketId: Number(r.ticket_id),
    messageId: r.message_id == null ? null : Number(r.message_id),
    fileName: r.file_name,
    contentType: r.content_type,
    size: Number(r.size),
    sha256: r.sha256,
    createdAt: instantText(r.created_at),
  };
}

/** Records an attachment and returns its id. */
export async function insertAttachment(
  db: Kysely<DB>,
  row: Insertable<TicketAttachmentsTable>,
): Promise<number> {
  const r = await db
    .insertInto('ticket_attachments')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(r.id);
}

/** A ticket's attachments, oldest first. */
export async function listAttachments(
  db: Kysely<DB>,
  ticketId: number,
): Promise<TicketAttachment[]> {
  const rows = await db
    .selectFrom('ticket_attachments')
    .selectAll()
    .where('ticket_id', '=', ticketId)
    .orderBy('id')
    .execute();
  return rows.map(toAttachment);
}

/** One attachment of a ticket, or undefined. */
export async function findAttachment(
  db: Kysely<DB>,
  ticketId: number,
  id: number,
): Promise<TicketAttachment | undefined> {
  const r = await db
    .selectFrom('ticket_attachments')
    .selectAll()
    .where('ticket_id', '=', ticketId)
    .where('id', '=', id)
    .executeTakeFirst();
  return r ? toAttachment(r) : undefined;
}
