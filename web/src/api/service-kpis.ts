import { api, withQuery } from './client';

export type KpiGroupBy = 'tier' | 'level' | 'category' | 'team' | 'month';
export const KPI_GROUP_BY: KpiGroupBy[] = ['tier', 'level', 'category', 'team', 'month'];

/** One group's KPIs; times are wall-clock minutes, rates fractions 0–1 (null: nothing to count). */
export interface KpiRow {
  group: string;
  tickets: number;
  firstReplyMedianMinutes: number | null;
  firstReplyP90Minutes: number | null;
  resolutionMedianMinutes: number | null;
  resolutionP90Minutes: number | null;
  slaAttainment: number | null;
  slaDecided: number;
  resolutionRate: number | null;
  reopenRate: number | null;
  complaintShare: number | null;
  satisfaction: number | null;
  surveys: number;
}

export interface ServiceKpis {
  from: string;
  to: string;
  groupBy: KpiGroupBy;
  rows: KpiRow[];
  total: KpiRow | null;
}

export interface KpiQuery {
  from: string;
  to: string;
  groupBy: KpiGroupBy;
}

/** The KPI table of tickets opened in a period, grouped. */
export function serviceKpis(q: KpiQuery): Promise<ServiceKpis> {
  return api.get<ServiceKpis>('/api/service/kpis', { ...q });
}

/** The address of the same table as an XLSX workbook (headers in `lang`). */
export function serviceKpisXlsxUrl(q: KpiQuery, lang: string): string {
  return withQuery('/api/service/kpis/export.xlsx', { ...q, lang });
}
