import type { Kysely } from 'kysely';
import {
  findReportByEvent,
  type ReportDelivery,
  type ReportRecipients,
} from '../../store/analytics/reports.repository';
import { enqueueJob } from '../../store/jobs/jobs.repository';
import type { DB } from '../../store/schema';
import { insertEmail } from '../../store/webhooks/email-outbox.repository';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { dispatchEvent } from '../notifications/dispatch';
import { emailEnabled } from '../notifications/email-channel';
import {
  EMAIL_SEND,
  EMAIL_SEND_ATTEMPTS,
  ensureEmailJobHandler,
} from '../notifications/email-send.job';
import { renderEmail } from '../notifications/email-templates';
import type { MailAttachment } from '../notifications/email-transport';
import type { ReportContent, ReportLang } from './report-content';
import { listRecipientUsersOf } from './report-recipients';
import { reportWorkbook } from './report-workbook';

/** The event that announces a report (in-app, e-mail, webhooks subscribed to it). */
export const REPORT_EVENT = 'analytics.report';

/** The web page of a report (in-app links and e-mails point there). */
export const reportLink = (id: number) => `/analytics/reports/${id}`;

/** The file name of a report's workbook (ASCII, so every mail client and browser keeps it). */
export const reportFileName = (r: { id: number; periodFrom: string; periodTo: string }) =>
  `analytics-report-${r.id}-${r.periodFrom}-${r.periodTo}.xlsx`;

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Stored {
  id: number;
  content: ReportContent;
  lang: ReportLang;
  periodFrom: string;
  periodTo: string;
}

/**
 * Tells the recipients of a stored report, in the transaction that stores it: an inbox notice
 * with a link to each user who may still read analytics (the event also reaches webhooks
 * subscribed to `analytics.report`), and — when e-mail is configured — an e-mail to those users'
 * addresses (in their language) and to the plain addresses (in the report's language). The
 * workbook is attached when each e-mail is sent (see reportAttachments).
 */
export async function deliverReport(
  trx: Kysely<DB>,
  ctx: Ctx,
  report: Stored,
  recipients: ReportRecipients,
): Promise<{ delivery: ReportDelivery; eventId: string }> {
  // A scoped user opens only the reports they made themselves (reports.service.ts), so a report
  // of someone else's (or the scheduler's) wider scope is neither linked nor mailed to them.
  const readers = new Set(
    (await listRecipientUsersOf(trx))
      .filter((u) => u.readsAll || u.id === ctx.actor.id)
      .map((u) => u.id),
  );
  const userIds = recipients.userIds.filter((id) => readers.has(id));
  const event = {
    kind: REPORT_EVENT,
    entity: 'analytics_report',
    entityId: report.id,
    payload: {
      reportId: report.id,
      cadence: report.content.cadence,
      titleZh: report.content.title.zh,
      titleEn: report.content.title.en,
      periodFrom: report.periodFrom,
      periodTo: report.periodTo,
      link: reportLink(report.id),
    },
  };
  const eventId = await dispatchEvent(trx, ctx, { ...event, userIds });
  const on = emailEnabled();
  if (on && recipients.emails.length > 0) {
    ensureEmailJobHandler();
    const now = ctx.now().toISOString();
    const { subject, body } = renderEmail({ ...event, entityId: String(report.id) }, report.lang);
    for (const to of recipients.emails) {
      // A plain address that is also a recipient user's address gets one e-mail, not two.
      const id = await insertEmail(trx, { eventId, userId: null, to, subject, body }, now);
      if (id === undefined) continue;
      await enqueueJob(
        trx,
        {
          kind: EMAIL_SEND,
          payload: { emailId: id },
          runAt: now,
          maxAttempts: EMAIL_SEND_ATTEMPTS,
          dedupeKey: `email:${id}`,
        },
        now,
      );
    }
  }
  const emailed = await trx
    .selectFrom('email_outbox')
    .select('to_address')
    .where('event_id', '=', eventId)
    .orderBy('id')
    .execute();
  return {
    eventId,
    delivery: {
      notifiedUserIds: userIds,
      emailed: emailed.map((e) => e.to_address),
      emailEnabled: on,
    },
  };
}

/** The workbook an e-mail of a report's announcement carries; nothing for other e-mails. */
export async function reportAttachments(deps: Deps, eventId: string): Promise<MailAttachment[]> {
  const r = await findReportByEvent(deps.store.db, eventId);
  if (!r) return [];
  return [
    {
      filename: reportFileName(r),
      content: await reportWorkbook(r.content as ReportContent, r.lang),
      contentType: XLSX_TYPE,
    },
  ];
}
