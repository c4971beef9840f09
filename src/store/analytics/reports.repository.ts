import type { Kysely, Selectable } from 'kysely';
import { dateText, instantText } from '../row-values';
import type { DB } from '../schema';
import type { AnalyticsReportsTable } from './reports.tables';

export type ReportCadence = 'weekly' | 'monthly' | 'adhoc';

/** Who a report was meant for. */
export interface ReportRecipients {
  userIds: number[];
  emails: string[];
}

/** What was delivered when the report was stored. */
export interface ReportDelivery {
  /** Users told in the in-app inbox. */
  notifiedUserIds: number[];
  /** Addresses an e-mail (with the workbook attached) was queued for. */
  emailed: string[];
  /** Whether e-mail was configured when the report was stored. */
  emailEnabled: boolean;
}

/** A report without its content, as lists show it. */
export interface ReportSummaryRow {
  id: number;
  scheduleId: number | null;
  jobId: number | null;
  cadence: ReportCadence;
  title: string;
  periodFrom: string;
  periodTo: string;
  filters: Record<string, unknown>;
  lang: 'zh-CN' | 'en';
  recipients: ReportRecipients;
  delivery: ReportDelivery;
  eventId: string | null;
  createdBy: number | null;
  createdByName: string | null;
  createdAt: string;
}

/** A report with its stored content (parsed JSON; its shape belongs to the app). */
export interface ReportRow extends ReportSummaryRow {
  content: unknown;
}

type Raw = Omit<Selectable<AnalyticsReportsTable>, 'content'> & {
  content?: string;
  created_by_name?: string | null;
};

function toSummary(r: Raw): ReportSummaryRow {
  return {
    id: Number(r.id),
    scheduleId: r.schedule_id == null ? null : Number(r.schedule_id),
    jobId: r.job_id == null ? null : Number(r.job_id),
    cadence: r.cadence as ReportCadence,
    title: r.title,
    periodFrom: dateText(r.period_from),
    periodTo: dateText(r.period_to),
    filters: JSON.parse(r.filters) as Record<string, unknown>,
    lang: r.lang === 'en' ? 'en' : 'zh-CN',
    recipients: JSON.parse(r.recipients) as ReportRecipients,
    delivery: JSON.parse(r.delivery) as ReportDelivery,
    eventId: r.event_id,
    createdBy: r.created_by == null ? null : Number(r.created_by),
    createdByName: r.created_by_name ?? null,
    createdAt: instantText(r.created_at),
  };
}

/** What a new report row holds. */
export interface NewReport {
  scheduleId: number | null;
  jobId: number | null;
  cadence: ReportCadence;
  title: string;
  periodFrom: string;
  periodTo: string;
  filters: Record<string, unknown>;
  content: unknown;
  lang: 'zh-CN' | 'en';
  recipients: ReportRecipients;
  createdBy: number | null;
  createdAt: string;
}

/** Stores a report (delivery is filled in afterwards, in the same transaction); returns its id. */
export async function insertReport(db: Kysely<DB>, r: NewReport): Promise<number> {
  const row = await db
    .insertInto('analytics_reports')
    .values({
      schedule_id: r.scheduleId,
      job_id: r.jobId,
      cadence: r.cadence,
      title: r.title,
      period_from: r.periodFrom,
      period_to: r.periodTo,
      filters: JSON.stringify(r.filters),
      content: JSON.stringify(r.content),
      lang: r.lang,
      recipients: JSON.stringify(r.recipients),
      delivery: JSON.stringify({ notifiedUserIds: [], emailed: [], emailEnabled: false }),
      event_id: null,
      created_by: r.createdBy,
      created_at: r.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** Records what was delivered and the event that announced the report. */
export async function setReportDelivery(
  db: Kysely<DB>,
  id: number,
  delivery: ReportDelivery,
  eventId: string | null,
): Promise<void> {
  await db
    .updateTable('analytics_reports')
    .set({ delivery: JSON.stringify(delivery), event_id: eventId })
    .where('id', '=', id)
    .execute();
}

const summaryColumns = [
  'r.id',
  'r.schedule_id',
  'r.job_id',
  'r.cadence',
  'r.title',
  'r.period_from',
  'r.period_to',
  'r.filters',
  'r.lang',
  'r.recipients',
  'r.delivery',
  'r.event_id',
  'r.created_by',
  'r.created_at',
  'u.display_name as created_by_name',
] as const;

/** One report with its content. */
export async function findReport(db: Kysely<DB>, id: number): Promise<ReportRow | undefined> {
  const r = await db
    .selectFrom('analytics_reports as r')
    .leftJoin('users as u', 'u.id', 'r.created_by')
    .select([...summaryColumns, 'r.content'])
    .where('r.id', '=', id)
    .executeTakeFirst();
  if (!r) return undefined;
  return { ...toSummary(r as Raw), content: JSON.parse(r.content) as unknown };
}

/** The report a job stored, if an earlier attempt of the job got that far. */
export async function findReportByJob(
  db: Kysely<DB>,
  jobId: number,
): Promise<ReportSummaryRow | undefined> {
  const r = await db
    .selectFrom('analytics_reports as r')
    .leftJoin('users as u', 'u.id', 'r.created_by')
    .select(summaryColumns)
    .where('r.job_id', '=', jobId)
    .executeTakeFirst();
  return r ? toSummary(r as Raw) : undefined;
}

/** The report an announcement event belongs to (its e-mails carry the report's workbook). */
export async function findReportByEvent(
  db: Kysely<DB>,
  eventId: string,
): Promise<ReportRow | undefined> {
  const r = await db
    .selectFrom('analytics_reports')
    .select('id')
    .where('event_id', '=', eventId)
    .executeTakeFirst();
  return r ? findReport(db, Number(r.id)) : undefined;
}

/**
 * Reports newest first, a page at a time, optionally of one cadence or one schedule, or only
 * those one user (`createdBy`) made.
 */
export async function listReports(
  db: Kysely<DB>,
  q: {
    cadence?: ReportCadence | undefined;
    scheduleId?: number | undefined;
    createdBy?: number | undefined;
  },
  page: { limit: number; offset: number },
): Promise<{ items: ReportSummaryRow[]; total: number }> {
  let base = db.selectFrom('analytics_reports as r');
  if (q.createdBy !== undefined) base = base.where('r.created_by', '=', q.createdBy);
  if (q.cadence !== undefined) base = base.where('r.cadence', '=', q.cadence);
  if (q.scheduleId !== undefined) base = base.where('r.schedule_id', '=', q.scheduleId);
  const [rows, count] = await Promise.all([
    base
      .leftJoin('users as u', 'u.id', 'r.created_by')
      .select(summaryColumns)
      .orderBy('r.id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map((r) => toSummary(r as Raw)), total: Number(count.n) };
}
