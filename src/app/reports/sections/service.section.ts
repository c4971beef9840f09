import type { KpiRow } from '../../../domain/service-kpis';
import { serviceKpis } from '../../service-kpis/service-kpis.service';
import { col, label } from '../report-content';
import type { ReportSection } from '../report-section';

const round = (v: number | null, digits = 1) =>
  v === null ? null : Math.round(v * 10 ** digits) / 10 ** digits;

const row = (r: KpiRow, group: string | ReturnType<typeof label>) => ({
  group,
  tickets: r.tickets,
  firstReplyMedian: round(r.firstReplyMedianMinutes),
  resolutionMedian: round(r.resolutionMedianMinutes),
  slaAttainment: r.slaAttainment,
  resolutionRate: r.resolutionRate,
  complaintShare: r.complaintShare,
  satisfaction: round(r.satisfaction, 2),
});

/**
 * Service KPIs by tier for the report's days (src/app/service-kpis/service-kpis.service.ts):
 * tickets opened, reply and resolution medians, SLA attainment, resolution and complaint rates,
 * satisfaction. The KPIs cover every ticket of those days: the service desk groups by tier, not
 * by the report's customer filters.
 */
export const serviceSection: ReportSection = {
  key: 'service',
  title: label('各级服务指标', 'Service KPIs by tier'),
  async build({ deps, ctx, period }) {
    const k = await serviceKpis(deps, ctx, {
      from: period.days.from,
      to: period.days.to,
      groupBy: 'tier',
    });
    const rows = k.rows.map((r) => row(r, r.group));
    if (k.total) rows.push(row(k.total, label('合计', 'Total')));
    return {
      note: label(
        `${k.from} 至 ${k.to} 新开的全部工单（不受客户筛选影响），时长为自然时间分钟。`,
        `Every ticket opened ${k.from} – ${k.to} (the customer filters do not apply); times in wall-clock minutes.`,
      ),
      figures: [
        {
          key: 'tickets',
          label: label('工单数', 'Tickets'),
          kind: 'count',
          value: k.total?.tickets ?? 0,
        },
        {
          key: 'slaAttainment',
          label: label('SLA 达成率', 'SLA attainment'),
          kind: 'percent',
          value: k.total?.slaAttainment ?? null,
        },
      ],
      tables: [
        {
          key: 'kpis',
          title: label('按级别', 'By tier'),
          columns: [
            col('group', '级别', 'Tier', 'text'),
            col('tickets', '工单数', 'Tickets', 'count'),
            col('firstReplyMedian', '首次回复中位数(分钟)', 'First reply median (min)', 'number'),
            col('resolutionMedian', '解决中位数(分钟)', 'Resolution median (min)', 'number'),
            col('slaAttainment', 'SLA达成率', 'SLA attainment', 'percent'),
            col('resolutionRate', '解决率', 'Resolution rate', 'percent'),
            col('complaintShare', '投诉占比', 'Complaint share', 'percent'),
            col('satisfaction', '平均满意度', 'Average satisfaction', 'number'),
          ],
          rows,
        },
      ],
      charts: [],
    };
  },
};
