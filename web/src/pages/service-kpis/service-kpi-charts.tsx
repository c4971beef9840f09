import type { EChartsCoreOption } from 'echarts/core';
import { useTranslation } from 'react-i18next';
import type { KpiGroupBy, KpiRow } from '../../api/service-kpis';
import { Chart } from '../tiering/charts';
import { groupLabel } from './service-kpi-format';

const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);

/** Two bar charts per group: medians of first reply / resolution, and the rates in percent. */
export function ServiceKpiCharts({ rows, groupBy }: { rows: KpiRow[]; groupBy: KpiGroupBy }) {
  const { t } = useTranslation();
  const groups = rows.map((r) => groupLabel(r, groupBy, t('serviceKpi.unknown')));
  const base = (series: { name: string; data: (number | null)[] }[]): EChartsCoreOption => ({
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: groups },
    yAxis: { type: 'value' },
    series: series.map((s) => ({ ...s, type: 'bar' })),
  });
  return (
    <>
      <Chart
        testId="service-kpi-minutes-chart"
        option={base([
          {
            name: t('serviceKpi.col.firstReplyMedian'),
            data: rows.map((r) => r.firstReplyMedianMinutes),
          },
          {
            name: t('serviceKpi.col.resolutionMedian'),
            data: rows.map((r) => r.resolutionMedianMinutes),
          },
        ])}
      />
      <Chart
        testId="service-kpi-rates-chart"
        option={base([
          { name: t('serviceKpi.col.slaAttainment'), data: rows.map((r) => pct(r.slaAttainment)) },
          {
            name: t('serviceKpi.col.resolutionRate'),
            data: rows.map((r) => pct(r.resolutionRate)),
          },
          { name: t('serviceKpi.col.reopenRate'), data: rows.map((r) => pct(r.reopenRate)) },
          {
            name: t('serviceKpi.col.complaintShare'),
            data: rows.map((r) => pct(r.complaintShare)),
          },
        ])}
      />
    </>
  );
}
