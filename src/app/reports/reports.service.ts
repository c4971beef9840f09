import { z } from 'zod';
import { notFound } from '../../domain/errors';
import type { ReportCadence, ReportRecipients } from '../../store/analytics/reports.repository';
import * as repo from '../../store/analytics/reports.repository';
import { analyticsFilterShape } from '../analytics/analytics-filters';
import { scopeOfFilters } from '../analytics/analytics-query';
import { writeAudit } from '../audit';
import { businessToday } from '../business-today';
import type { Ctx } from '../context';
import { customerFilter } from '../customers/customer-scope';
import type { Deps } from '../deps';
import { requirePermission } from '../guard';
import { parseInput } from '../parse';
import { computeReport, dropUndefined, type SectionProgress } from './report-compute';
import { type ReportContent, type ReportLang, say } from './report-content';
import { deliverReport, reportFileName } from './report-delivery';
import { reportPeriod } from './report-period';
import { checkRecipients, recipientsSchema } from './report-recipients';
import { reportWorkbook } from './report-workbook';

/** A report as the app reads it: the stored row with its figures typed. */
export type Report = Omit<repo.ReportRow, 'content'> & { content: ReportContent };

/** Reads a report with its figures. */
async function findReport(deps: Deps, id: number): Promise<Report> {
  const r = await repo.findReport(deps.store.db, id);
  if (!r) throw notFound('Report', id);
  return r as Report;
}

/**
 * Whose stored reports the actor may read: undefined for everyone's, a user id for only that
 * user's, null for none. A report's figures are computed within the row scope of whoever made
 * it, so one made by someone with a wider scope (or by the scheduler, as the system) would show
 * a scoped actor customers outside their scope; a scoped actor therefore reads only the reports
 * they made themselves (computed within their own scope), and one without a user id none.
 */
function reportsReadableBy(ctx: Ctx): number | null | undefined {
  const filter = customerFilter(ctx);
  if (filter.kind === 'all') return undefined;
  if (filter.kind === 'none') return null;
  return filter.userId;
}

export const REPORT_LANGS = ['zh-CN', 'en'] as const;
export const langSchema = z
  .enum(REPORT_LANGS, { error: 'lang must be zh-CN or en' })
  .default('zh-CN');

/** Who a scheduled report counts: the analytics filters without the months (the cadence sets them). */
export const scopeFiltersSchema = z.strictObject({
  region: analyticsFilterShape.region,
  industry: analyticsFilterShape.industry,
  type: analyticsFilterShape.type,
  ownerId: analyticsFilterShape.ownerId,
  schemeId: analyticsFilterShape.schemeId,
  tier: analyticsFilterShape.tier,
});

/** A report made now: weekly or monthly as a schedule would, or adhoc over the months asked. */
export const generateReportInput = z
  .strictObject({
    cadence: z
      .enum(['weekly', 'monthly', 'adhoc'], { error: 'cadence must be weekly, monthly or adhoc' })
      .default('adhoc'),
    filters: z.strictObject(analyticsFilterShape).default({}),
    recipients: recipientsSchema,
    lang: langSchema,
  })
  .superRefine((v, ctx) => {
    // A weekly or monthly report's period comes from the day it is made; months are for adhoc.
    for (const k of ['from', 'to'] as const)
      if (v.cadence !== 'adhoc' && v.filters[k] !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['filters', k],
          message: `${k} applies to adhoc reports only: a ${v.cadence} report covers the last full ${v.cadence === 'weekly' ? 'week' : 'month'}`,
        });
  });
export type GenerateReportInput = z.input<typeof generateReportInput>;

/** What producing a report needs, whoever asks (a person, a schedule, the CLI). */
export interface ProduceOptions {
  cadence: ReportCadence;
  filters: z.output<typeof generateReportInput>['filters'];
  recipients: ReportRecipients;
  lang: ReportLang;
  /** The business date the report is made for: its period is read from it. */
  asOf: string;
  scheduleId: number | null;
  jobId: number | null;
}

/**
 * Computes, stores and delivers a report: the sections' figures are read first, then one
 * transaction stores the report with its audit entry and its notices and queued e-mails, so a
 * report is never announced without being stored, nor stored twice by one job.
 */
export async function produceReport(
  deps: Deps,
  ctx: Ctx,
  o: ProduceOptions,
  onProgress?: SectionProgress,
): Promise<Report> {
  const period = reportPeriod(o.cadence, o.asOf, o.filters);
  const scope = scopeOfFilters(o.filters);
  const content = await computeReport(deps, ctx, { period, scope, asOf: o.asOf }, onProgress);
  const filters = dropUndefined(
    o.cadence === 'adhoc' ? { ...scope, from: period.window.from, to: period.window.to } : scope,
  );
  const id = await deps.store.db.transaction().execute(async (trx) => {
    const values = {
      scheduleId: o.scheduleId,
      jobId: o.jobId,
      cadence: o.cadence,
      title: say(content.title, o.lang),
      periodFrom: period.days.from,
      periodTo: period.days.to,
      filters,
      content,
      lang: o.lang,
      recipients: o.recipients,
      createdBy: ctx.actor.id,
      createdAt: ctx.now().toISOString(),
    };
    const id = await repo.insertReport(trx, values);
    const { delivery, eventId } = await deliverReport(
      trx,
      ctx,
      { id, content, lang: o.lang, periodFrom: values.periodFrom, periodTo: values.periodTo },
      o.recipients,
    );
    await repo.setReportDelivery(trx, id, delivery, eventId);
    await writeAudit(trx, ctx, {
      action: 'analytics_report.create',
      entity: 'analytics_report',
      entityId: id,
      after: {
        cadence: o.cadence,
        title: values.title,
        periodFrom: values.periodFrom,
        periodTo: values.periodTo,
        filters,
        recipients: o.recipients,
        delivery,
        scheduleId: o.scheduleId,
        jobId: o.jobId,
      },
    });
    return id;
  });
  return findReport(deps, id);
}

/**
 * "Generate now": a report over today's period for the cadence (or the months asked, adhoc),
 * stored and sent to the recipients given. Needs analytics.manage.
 */
export async function generateReport(deps: Deps, ctx: Ctx, raw: unknown): Promise<Report> {
  requirePermission(ctx, 'analytics.manage');
  const input = parseInput(generateReportInput, raw ?? {}, 'Invalid report request');
  await checkRecipients(deps, input.recipients, 'recipients.', ctx.actor.id);
  return produceReport(deps, ctx, {
    ...input,
    asOf: businessToday(deps, ctx),
    scheduleId: null,
    jobId: null,
  });
}

export const listReportsQuery = z.strictObject({
  cadence: z
    .enum(['weekly', 'monthly', 'adhoc'], { error: 'cadence must be weekly, monthly or adhoc' })
    .optional(),
  scheduleId: z.coerce
    .number({ error: 'scheduleId must be a number' })
    .int()
    .positive('scheduleId must be a positive id')
    .optional(),
  page: z.coerce.number({ error: 'page must be a number' }).int().min(1).default(1),
  pageSize: z.coerce
    .number({ error: 'pageSize must be a number' })
    .int()
    .min(1)
    .max(100, 'pageSize must be at most 100')
    .default(20),
});

/**
 * Reports newest first, without their figures; a scoped actor lists only the reports they made.
 * Needs analytics.read.
 */
export async function listReports(deps: Deps, ctx: Ctx, raw: unknown = {}) {
  requirePermission(ctx, 'analytics.read');
  const q = parseInput(listReportsQuery, raw ?? {}, 'Invalid report list query');
  const readable = reportsReadableBy(ctx);
  if (readable === null) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  const { items, total } = await repo.listReports(
    deps.store.db,
    { cadence: q.cadence, scheduleId: q.scheduleId, createdBy: readable },
    { limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
  );
  return { items, total, page: q.page, pageSize: q.pageSize };
}

/**
 * One report with its stored figures. A report the actor may not read (see reportsReadableBy)
 * is NOT_FOUND, the same answer as an unknown id. Needs analytics.read.
 */
export async function getReport(deps: Deps, ctx: Ctx, id: number): Promise<Report> {
  requirePermission(ctx, 'analytics.read');
  const r = await findReport(deps, id);
  const readable = reportsReadableBy(ctx);
  if (readable !== undefined && r.createdBy !== readable) throw notFound('Report', id);
  return r;
}

/**
 * A report's XLSX workbook, rendered from its stored content (so it reads as it did when made),
 * in the language asked or the report's own; hidden from the actor as getReport hides it.
 * Needs analytics.read.
 */
export async function exportReport(
  deps: Deps,
  ctx: Ctx,
  id: number,
  lang?: ReportLang,
): Promise<{ fileName: string; body: Buffer }> {
  const r = await getReport(deps, ctx, id);
  return {
    fileName: reportFileName(r),
    body: await reportWorkbook(r.content, lang ?? r.lang),
  };
}
