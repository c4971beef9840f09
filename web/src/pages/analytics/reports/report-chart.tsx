import type { EChartsCoreOption } from 'echarts/core';
import type { ReportChart as Chart, ReportTable } from '../../../api/reports';
import { AnalyticsChart } from '../shared/analytics-chart';
import { formatCell, pick } from './report-format';

/** The ECharts option of a stored chart, drawn from its table (no animation on paper). */
export function chartOption(
  chart: Chart,
  table: ReportTable,
  lng: string,
  still: boolean,
): EChartsCoreOption {
  const names = table.rows.map((r) => formatCell(r[chart.label] ?? null, 'text', lng));
  const series = chart.values.map((key) => ({
    name: pick(table.columns.find((c) => c.key === key)?.label ?? { zh: key, en: key }, lng),
    data: table.rows.map((r) => {
      const v = r[key];
      return typeof v === 'number' ? v : 0;
    }),
  }));
  if (chart.kind === 'pie') {
    return {
      animation: !still,
      tooltip: { trigger: 'item' },
      legend: { bottom: 0, type: 'scroll' },
      series: [
        {
          type: 'pie',
          radius: ['35%', '65%'],
          center: ['50%', '45%'],
          data: names
            .map((name, i) => ({ name, value: series[0]?.data[i] ?? 0 }))
            .filter((d) => d.value > 0),
        },
      ],
    };
  }
  return {
    animation: !still,
    tooltip: { trigger: 'axis' },
    grid: { left: 48, right: 16, top: 24, bottom: 72 },
    xAxis: {
      type: 'category',
      data: names,
      axisLabel: { interval: 0, rotate: names.length > 5 ? 30 : 0 },
    },
    yAxis: { type: 'value' },
    series: series.map((s) => ({ type: 'bar', name: s.name, data: s.data })),
  };
}

/** A stored chart with its title. */
export function ReportChartView({
  chart,
  table,
  lng,
  still,
  testId,
}: {
  chart: Chart;
  table: ReportTable;
  lng: string;
  still: boolean;
  testId: string;
}) {
  return (
    <div>
      <div style={{ fontWeight: 600 }}>{pick(chart.title, lng)}</div>
      <AnalyticsChart option={chartOption(chart, table, lng, still)} height={260} testId={testId} />
    </div>
  );
}
