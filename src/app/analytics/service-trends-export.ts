import type { Readable } from 'node:stream';
import type { KpiRow } from '../../domain/service-kpis';
import type { ExportFormat } from '../export/table-writer';
import type { Lang } from './drill';
import { writeFigureTable } from './figure-table';
import type { ServiceByTier, ServiceTierTrend } from './service-trends-figure';

const round = (v: number | null, digits: number) =>
  v === null ? null : Math.round(v * 10 ** digits) / 10 ** digits;
const pct = (v: number | null) => (v === null ? null : round(v * 100, 1));

/**
 * The view as CSV or XLSX: one row per tier (and a total) with its KPIs, then its average
 * satisfaction month by month.
 */
export function writeServiceByTier(v: ServiceByTier, format: ExportFormat, lang: Lang): Readable {
  const zh = lang === 'zh-CN';
  type Row = { row: KpiRow; trend: ServiceTierTrend | undefined };
  const rows: Row[] = v.tiers.map((row) => ({
    row,
    trend: v.trends.find((t) => t.tier === row.group),
  }));
  if (v.total) rows.push({ row: { ...v.total, group: zh ? '合计' : 'Total' }, trend: undefined });
  const columns = [
    { header: zh ? '层级' : 'Tier', value: (r: Row) => r.row.group, width: 14 },
    { header: zh ? '工单数' : 'Tickets', value: (r: Row) => r.row.tickets },
    {
      header: zh ? '首次回复中位数(分钟)' : 'First reply median (min)',
      value: (r: Row) => round(r.row.firstReplyMedianMinutes, 1),
    },
    {
      header: zh ? '解决中位数(分钟)' : 'Resolution median (min)',
      value: (r: Row) => round(r.row.resolutionMedianMinutes, 1),
    },
    { header: zh ? 'SLA达成率%' : 'SLA attainment %', value: (r: Row) => pct(r.row.slaAttainment) },
    { header: zh ? '解决率%' : 'Resolution rate %', value: (r: Row) => pct(r.row.resolutionRate) },
    {
      header: zh ? '平均满意度' : 'Average satisfaction',
      value: (r: Row) => round(r.row.satisfaction, 2),
    },
    { header: zh ? '问卷数' : 'Surveys', value: (r: Row) => r.row.surveys },
    ...v.months.map((month, k) => ({
      header: zh ? `${month} 满意度` : `${month} satisfaction`,
      value: (r: Row) => round(r.trend?.points[k]?.satisfaction ?? null, 2),
    })),
  ];
  return writeFigureTable(format, columns, rows, zh ? '分层服务' : 'Service by tier');
}
