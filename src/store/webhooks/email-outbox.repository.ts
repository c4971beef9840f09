import type { Kysely } from 'kysely';
import { instantText, instantTextOrNull } from '../row-values';
import type { DB } from '../schema';

export type EmailStatus = 'queued' | 'sent' | 'failed';

/** An e-mail waiting to be sent, or sent. */
export interface EmailRow {
  id: number;
  eventId: string;
  userId: number | null;
  to: string;
  subject: string;
  body: string;
  status: EmailStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

/** Queues an e-mail; a second one for the same event and address is a no-op (undefined). */
export async function insertEmail(
  db: Kysely<DB>,
  e: { eventId: string; userId: number | null; to: string; subject: string; body: string },
  now: string,
): Promise<number | undefined> {
  const r = await db
    .insertInto('email_outbox')
    .values({
      event_id: e.eventId,
      user_id: e.userId,
      to_address: e.to,
      subject: e.subject,
      body: e.body,
      status: 'queued',
      attempts: 0,
      created_at: now,
    })
    .onConflict((oc) => oc.columns(['event_id', 'to_address']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return r ? Number(r.id) : undefined;
}

/** One e-mail by id. */
export async function findEmail(db: Kysely<DB>, id: number): Promise<EmailRow | undefined> {
  const r = await db.selectFrom('email_outbox').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) return undefined;
  return {
    id: Number(r.id),
    eventId: r.event_id,
    userId: r.user_id === null ? null : Number(r.user_id),
    to: r.to_address,
    subject: r.subject,
    body: r.body,
    status: r.status as EmailStatus,
    attempts: Number(r.attempts),
    lastError: r.last_error,
    createdAt: instantText(r.created_at),
    sentAt: instantTextOrNull(r.sent_at),
  };
}

/** Records one sending attempt: sent, or the error and whether it is final. */
export async function recordEmailAttempt(
  db: Kysely<DB>,
  id: number,
  o: { attempt: number; status: EmailStatus; error: string | null; at: string },
): Promise<void> {
  await db
    .updateTable('email_outbox')
    .set({
      status: o.status,
      attempts: o.attempt,
      last_error: o.error,
      ...(o.status === 'sent' ? { sent_at: o.at } : {}),
    })
    .where('id', '=', id)
    .execute();
}
