import { z } from 'zod';
import { findEmail, recordEmailAttempt } from '../../store/webhooks/email-outbox.repository';
import type { Deps } from '../deps';
import { type JobHandler, jobHandler, registerJobHandler } from '../jobs/registry';
import { type MailAttachment, sendMail } from './email-transport';

export const EMAIL_SEND = 'email.send';

/** Attempts of one e-mail (the runner's backoff: 30 s, 2 min, 8 min, 32 min). */
export const EMAIL_SEND_ATTEMPTS = 5;

/**
 * Finds the files an e-mail carries, from the event it belongs to (an analytics report's e-mails
 * carry its workbook). Files are made when the e-mail is sent rather than stored in the outbox.
 */
export type EmailAttacher = (deps: Deps, eventId: string) => Promise<MailAttachment[]>;

const attachers = new Set<EmailAttacher>();

/** Registers a source of attachments; registering the same function twice is harmless. */
export function registerEmailAttacher(attacher: EmailAttacher): void {
  attachers.add(attacher);
}

/**
 * Sends one queued e-mail. Failures are recorded on the outbox row and thrown, so the runner
 * retries with backoff; after the last attempt the e-mail is marked failed. One already sent is
 * never sent again (a job can run twice after a crash).
 */
export const emailSendJob: JobHandler<{ emailId: number }> = {
  payload: z.strictObject({ emailId: z.number().int().positive() }),
  manage: 'policies.manage',
  maxAttempts: EMAIL_SEND_ATTEMPTS,
  async run({ emailId }, { deps, ctx, job }) {
    const db = deps.store.db;
    const mail = await findEmail(db, emailId);
    if (!mail) return { skipped: 'gone' };
    if (mail.status !== 'queued') return { skipped: mail.status };
    const smtp = deps.config.smtp;
    const attempt = mail.attempts + 1;
    const at = () => ctx.now().toISOString();
    if (!smtp) {
      await recordEmailAttempt(db, emailId, {
        attempt: mail.attempts,
        status: 'failed',
        error: 'E-mail is not configured (TIERDESK_SMTP_URL is empty)',
        at: at(),
      });
      return { skipped: 'smtp off' };
    }
    try {
      const files: MailAttachment[] = [];
      for (const attach of attachers) files.push(...(await attach(deps, mail.eventId)));
      await sendMail(smtp, {
        to: mail.to,
        subject: mail.subject,
        text: mail.body,
        messageId: `<${mail.eventId}.${mail.id}@tierdesk>`,
        ...(files.length ? { attachments: files } : {}),
      });
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      const last = job.attempts >= job.maxAttempts;
      await recordEmailAttempt(db, emailId, {
        attempt,
        status: last ? 'failed' : 'queued',
        error,
        at: at(),
      });
      throw e;
    }
    await recordEmailAttempt(db, emailId, { attempt, status: 'sent', error: null, at: at() });
    return { sent: mail.to };
  },
};

/**
 * Registers the e-mail job kind. The built-in list (jobs/builtin.ts) does not know it yet, so
 * whatever queues or serves e-mail calls this first; registering twice is harmless.
 */
export function ensureEmailJobHandler(): void {
  if (!jobHandler(EMAIL_SEND)) registerJobHandler(EMAIL_SEND, emailSendJob);
}
