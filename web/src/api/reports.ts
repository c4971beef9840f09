import type { AnalyticsFilters } from './analytics';
import { api, withQuery } from './client';

/** A text in both languages, as a stored report keeps it. */
export interface ReportLabel {
  zh: string;
  en: string;
}

export type ReportValueKind =
  | 'text'
  | 'count'
  | 'money'
  | 'percent'
  | 'change'
  | 'number'
  | 'date'
  | 'auto';

export type ReportCell = string | number | null | ReportLabel;

export interface ReportTable {
  key: string;
  title: ReportLabel;
  columns: { key: string; label: ReportLabel; kind: ReportValueKind }[];
  rows: Record<string, ReportCell>[];
}

export interface ReportChart {
  kind: 'bar' | 'pie';
  title: ReportLabel;
  table: string;
  label: string;
  values: string[];
}

export interface ReportFigure {
  key: string;
  label: ReportLabel;
  kind: ReportValueKind;
  value: number | null;
  previous?: number | null;
  change?: number | null;
}

export interface ReportSection {
  key: string;
  title: ReportLabel;
  note?: ReportLabel;
  figures: ReportFigure[];
  tables: ReportTable[];
  charts: ReportChart[];
  unavailable?: ReportLabel;
}

export interface ReportDays {
  from: string;
  to: string;
  previousFrom: string;
  previousTo: string;
}

export type ReportCadence = 'weekly' | 'monthly' | 'adhoc';
export type ReportLang = 'zh-CN' | 'en';

/** The figures of a report as they were when it was made (money in fen, shares as fractions). */
export interface ReportContent {
  version: 1;
  title: ReportLabel;
  cadence: ReportCadence;
  generatedAt: string;
  asOf: string;
  days: ReportDays;
  monthToDate: ReportDays | null;
  window: { from: string; to: string; months: number };
  filters: Record<string, unknown>;
  scopeText: ReportLabel | null;
  sections: ReportSection[];
}

export interface ReportRecipients {
  userIds: number[];
  emails: string[];
}

export interface ReportSummary {
  id: number;
  scheduleId: number | null;
  jobId: number | null;
  cadence: ReportCadence;
  title: string;
  periodFrom: string;
  periodTo: string;
  filters: Record<string, unknown>;
  lang: ReportLang;
  recipients: ReportRecipients;
  delivery: { notifiedUserIds: number[]; emailed: string[]; emailEnabled: boolean };
  createdBy: number | null;
  createdByName: string | null;
  createdAt: string;
}

export interface Report extends ReportSummary {
  content: ReportContent;
}

export interface ReportPage {
  items: ReportSummary[];
  total: number;
  page: number;
  pageSize: number;
}

/** Reports made, newest first. */
export function listReports(page = 1, pageSize = 20): Promise<ReportPage> {
  return api.get<ReportPage>('/api/analytics/reports', { page, pageSize });
}

/** One report with its figures. */
export function getReport(id: number): Promise<Report> {
  return api.get<Report>(`/api/analytics/reports/${id}`);
}

export interface GenerateReportInput {
  cadence: ReportCadence;
  filters: AnalyticsFilters;
  recipients: ReportRecipients;
  lang: ReportLang;
}

/** Makes a report now (analytics.manage); it is stored and sent to the recipients. */
export function generateReport(body: GenerateReportInput): Promise<Report> {
  return api.post<Report>('/api/analytics/reports', body);
}

/** The address of a report's XLSX workbook in a language. */
export function reportXlsxUrl(id: number, lang?: ReportLang): string {
  return withQuery(`/api/analytics/reports/${id}/export.xlsx`, { lang });
}

/** A user a report can be sent to. */
export interface RecipientUser {
  id: number;
  displayName: string;
  username: string;
  hasEmail: boolean;
}

export async function listRecipientUsers(): Promise<RecipientUser[]> {
  return (await api.get<{ items: RecipientUser[] }>('/api/analytics/report-recipients')).items;
}

/** A report schedule: a cron line that makes a weekly or monthly report (job analytics.report). */
export interface ReportSchedule {
  id: number;
  name: string;
  kind: string;
  cron: string;
  timezone: string;
  payload: {
    cadence?: 'weekly' | 'monthly';
    filters?: AnalyticsFilters;
    recipients?: ReportRecipients;
    lang?: ReportLang;
  };
  enabled: boolean;
  nextRunAt: string | null;
  lastRunAt: string | null;
  createdAt: string;
}

export interface ReportScheduleInput {
  name: string;
  cron: string;
  payload: {
    cadence: 'weekly' | 'monthly';
    filters: AnalyticsFilters;
    recipients: ReportRecipients;
    lang: ReportLang;
  };
  enabled?: boolean;
}

export async function listReportSchedules(): Promise<ReportSchedule[]> {
  return (await api.get<{ items: ReportSchedule[] }>('/api/analytics/report-schedules')).items;
}

export function createReportSchedule(body: ReportScheduleInput): Promise<ReportSchedule> {
  return api.post('/api/analytics/report-schedules', body);
}

export function setReportScheduleEnabled(id: number, enabled: boolean): Promise<ReportSchedule> {
  return api.patch(`/api/analytics/report-schedules/${id}`, { enabled });
}

export function deleteReportSchedule(id: number): Promise<void> {
  return api.delete(`/api/analytics/report-schedules/${id}`);
}
