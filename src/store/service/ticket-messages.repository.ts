import type { Insertable, Kysely } from 'kysely';
import { instantText } from '../row-values';
import type { DB } from '../schema';
import type { TicketMessagesTable } from './service.tables';

/** One message of a ticket's conversation. */
export interface TicketMessage {
  id: number;
  ticketId: number;
  kind: 'reply' | 'note' | 'follow_up' | 'status' | 'created' | 'assignment';
  authorId: number | null;
  authorName: string;
  body: string;
  visibility: 'public' | 'internal';
  fromStatus: string | null;
  toStatus: string | null;
  createdAt: string;
}

/** Adds a message and returns its id. */
export async function insertMessage(
  db: Kysely<DB>,
  row: Insertable<TicketMessagesTable>,
): Promise<number> {
  const r = await db
    .insertInto('ticket_messages')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(r.id);
}

/** A ticket's messages, oldest first; internal ones only when asked for. */
export async function listMessages(
  db: Kysely<DB>,
  ticketId: number,
  includeInternal: boolean,
): Promise<TicketMessage[]> {
  let q = db.selectFrom('ticket_messages').selectAll().where('ticket_id', '=', ticketId);
  if (!includeInternal) q = q.where('visibility', '=', 'public');
  const rows = await q.orderBy('created_at').orderBy('id').execute();
  return rows.map((r) => ({
    id: Number(r.id),
    ticketId: Number(r.ticket_id),
    kind: r.kind as TicketMessage['kind'],
    authorId: r.author_id == null ? null : Number(r.author_id),
    authorName: r.author_name,
    body: r.body,
    visibility: r.visibility as TicketMessage['visibility'],
    fromStatus: r.from_status,
    toStatus: r.to_status,
    createdAt: instantText(r.created_at),
  }));
}
