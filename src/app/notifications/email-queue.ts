import type { Kysely } from 'kysely';
import { enqueueJob } from '../../store/jobs/jobs.repository';
import type { DB } from '../../store/schema';
import { insertEmail } from '../../store/webhooks/email-outbox.repository';
import { emailEnabled } from './email-channel';
import { EMAIL_SEND, EMAIL_SEND_ATTEMPTS, ensureEmailJobHandler } from './email-send.job';
import { type EmailEvent, renderEmail } from './email-templates';

/**
 * Queues one e-mail per recipient who has an address (active users only), written in their
 * language, with the job that sends it — in the caller's transaction, like webhook deliveries.
 * Does nothing while SMTP is not configured. Returns the ids queued.
 */
export async function queueEmails(
  db: Kysely<DB>,
  event: EmailEvent & { eventId: string },
  userIds: readonly number[],
  now: string,
): Promise<number[]> {
  if (!emailEnabled() || userIds.length === 0) return [];
  ensureEmailJobHandler();
  const users = await db
    .selectFrom('users')
    .select(['id', 'email', 'locale'])
    .where('id', 'in', [...userIds])
    .where('active', '=', 1)
    .where('email', 'is not', null)
    .orderBy('id')
    .execute();
  const ids: number[] = [];
  for (const u of users) {
    const to = u.email?.trim();
    if (!to) continue;
    const { subject, body } = renderEmail(event, u.locale);
    const id = await insertEmail(
      db,
      { eventId: event.eventId, userId: Number(u.id), to, subject, body },
      now,
    );
    if (id === undefined) continue;
    await enqueueJob(
      db,
      {
        kind: EMAIL_SEND,
        payload: { emailId: id },
        runAt: now,
        maxAttempts: EMAIL_SEND_ATTEMPTS,
        dedupeKey: `email:${id}`,
      },
      now,
    );
    ids.push(id);
  }
  return ids;
}
