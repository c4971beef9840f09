import { BarChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useTranslation } from 'react-i18next';
import type { Coverage } from '../../api/accounts';

echarts.use([BarChart, GridComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

const RED = '#cf1322';
const GREEN = '#389e0d';

/** Coverage % per owner as bars, red below the target, with the target as a dashed line. */
export function CoverageChart({ coverage }: { coverage: Coverage }) {
  const { t } = useTranslation();
  const target = Math.round(coverage.target * 100);
  const owners = coverage.owners.filter((o) => o.priority > 0);
  const option = {
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: number) => `${v}%`,
    },
    grid: { left: 48, right: 24, bottom: 24, top: 32, containLabel: true },
    xAxis: {
      type: 'category',
      data: owners.map((o) => o.ownerName ?? t('accounts.coverage.noOwner')),
      axisLabel: { interval: 0, rotate: owners.length > 6 ? 35 : 0 },
    },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      {
        name: t('accounts.coverage.share'),
        type: 'bar',
        // A 0% owner still shows a sliver of red.
        barMinHeight: 3,
        data: owners.map((o) => ({
          value: Math.round((o.share ?? 0) * 1000) / 10,
          itemStyle: { color: o.meetsTarget ? GREEN : RED },
        })),
        label: { show: owners.length <= 16, position: 'top', formatter: '{c}%' },
        markLine: {
          symbol: 'none',
          lineStyle: { type: 'dashed', color: RED },
          label: {
            position: 'insideEndTop',
            formatter: t('accounts.coverage.targetLine', { target: `${target}%` }),
          },
          data: [{ yAxis: target }],
        },
      },
    ],
  };
  return (
    <div data-testid="coverage-chart">
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        notMerge
        style={{ height: 320, width: '100%' }}
      />
    </div>
  );
}
