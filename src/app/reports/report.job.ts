import { z } from 'zod';
import { businessDate } from '../../domain/business-date';
import { DomainError, type FieldIssue, validationError } from '../../domain/errors';
import { findReportByJob } from '../../store/analytics/reports.repository';
import { scopeOfFilters } from '../analytics/analytics-query';
import { scopeOf } from '../analytics/customer-columns';
import { systemCtx } from '../context';
import { isTimeZone } from '../jobs/cron';
import { type JobHandler, jobHandler, registerJobHandler } from '../jobs/registry';
import { registerEmailAttacher } from '../notifications/email-send.job';
import { reportAttachments } from './report-delivery';
import { checkRecipients, recipientsSchema } from './report-recipients';
import { langSchema, produceReport, scopeFiltersSchema } from './reports.service';

export const ANALYTICS_REPORT = 'analytics.report';

/** What a report schedule stores: the cadence, who is counted, who receives it, its language. */
export const reportSchedulePayload = z.strictObject({
  cadence: z
    .enum(['weekly', 'monthly'], { error: 'cadence must be weekly or monthly' })
    .default('weekly'),
  filters: scopeFiltersSchema.default({}),
  recipients: recipientsSchema,
  lang: langSchema,
});
export type ReportSchedulePayload = z.output<typeof reportSchedulePayload>;

/** The stored job payload: the schedule's payload plus the occurrence the scheduler added. */
const jobPayload = reportSchedulePayload.extend({
  scheduleId: z.number().int().optional(),
  scheduledFor: z.iso.datetime({ offset: true }).optional(),
  timeZone: z.string().refine(isTimeZone, 'timeZone must be an IANA time zone').optional(),
});

/**
 * Makes the report of one scheduled occurrence, as the system actor. The period is read from the
 * occurrence's date in the schedule's time zone (Monday 08:00 → the week before), so a run that
 * waited or was retried still reports the week it was meant for. Idempotent: a report this job
 * already stored is returned instead of making a second one (storing and announcing it are one
 * transaction).
 */
export const reportJob: JobHandler<z.output<typeof jobPayload>> = {
  payload: jobPayload,
  manage: 'analytics.manage',
  maxAttempts: 3,
  async check(deps, p) {
    await checkRecipients(deps, p.recipients, 'payload.recipients.', null);
    // A tier filter needs a scheme: refuse the schedule now rather than every Monday.
    try {
      await scopeOf(deps, systemCtx(), scopeOfFilters(p.filters));
    } catch (e) {
      if (!(e instanceof DomainError) || !Array.isArray(e.details.issues)) throw e;
      const issues = e.details.issues as FieldIssue[];
      throw validationError(
        e.message,
        issues.map((i) => ({ ...i, field: `payload.filters.${i.field}` })),
      );
    }
  },
  async run(p, { deps, ctx, job, progress }) {
    const done = await findReportByJob(deps.store.db, job.id);
    if (done) return { reportId: done.id, title: done.title, reused: true };
    const tz = p.timeZone ?? deps.config.timeZone;
    const asOf = businessDate(new Date(p.scheduledFor ?? job.runAt), tz);
    const report = await produceReport(
      deps,
      ctx,
      {
        cadence: p.cadence,
        filters: p.filters,
        recipients: p.recipients,
        lang: p.lang,
        asOf,
        scheduleId: p.scheduleId ?? null,
        jobId: job.id,
      },
      (doneSections, total, key) => progress({ step: 'section', key, done: doneSections, total }),
    );
    return {
      reportId: report.id,
      title: report.title,
      periodFrom: report.periodFrom,
      periodTo: report.periodTo,
      notified: report.delivery.notifiedUserIds.length,
      emailed: report.delivery.emailed.length,
    };
  },
};

/**
 * Registers the report job kind and the source of the report e-mails' attachments (the runner
 * that sends e-mail must know how to attach a report's workbook). Registering twice is harmless.
 */
export function ensureReportJobHandlers(): void {
  if (!jobHandler(ANALYTICS_REPORT)) registerJobHandler(ANALYTICS_REPORT, reportJob);
  registerEmailAttacher(reportAttachments);
}
