import type { Generated } from 'kysely';

/**
 * One produced analytics report (migration 0022): what it covered, for whom it was meant and the
 * figures it showed, frozen when it ran. The XLSX and the printable page are rendered from
 * `content`, so a report reads the same however the data changes afterwards.
 */
export interface AnalyticsReportsTable {
  id: Generated<number>;
  /** The schedule (job_schedules, kind analytics.report) that produced it; null when made on demand. */
  schedule_id: number | null;
  /** The job that produced it, so an attempt that runs again finds it instead of making another. */
  job_id: number | null;
  /** 'weekly' | 'monthly' | 'adhoc'. */
  cadence: string;
  title: string;
  /** First and last day covered (YYYY-MM-DD): a week Monday–Sunday, a month, or the months asked. */
  period_from: string;
  period_to: string;
  /** JSON: the analytics filters (scope, and months for reports made on demand). */
  filters: string;
  /** JSON: the report's sections and figures (see app/reports/report-content.ts). */
  content: string;
  /** Language of the report's title and of the workbook sent by e-mail: 'zh-CN' | 'en'. */
  lang: string;
  /** JSON { userIds, emails }: who it was meant for. */
  recipients: string;
  /** JSON { notifiedUserIds, emailed, emailEnabled }: what was delivered when it was stored. */
  delivery: string;
  /** The notification event that announced it; the e-mails of that event carry its workbook. */
  event_id: string | null;
  created_by: number | null;
  created_at: string;
}

/** Tables of scheduled analytics reports (migration 0022). */
export interface ReportTables {
  analytics_reports: AnalyticsReportsTable;
}
