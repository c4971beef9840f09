import type { EChartsCoreOption } from 'echarts/core';
import { useTranslation } from 'react-i18next';
import type { ValueView } from '../../../api/analytics-value';
import { currentLanguage } from '../../../i18n';
import { AnalyticsChart } from '../shared/analytics-chart';
import type { ValueSelector } from './value-drill';
import { formatShare } from './value-format';

/**
 * The Lorenz curve (customers poorest first against the share of value they bring) over the
 * diagonal of perfect equality; the further it sags, the larger the Gini coefficient. Clicking
 * a point opens the customers to its right: the top ones by value.
 */
export function LorenzChart({
  view,
  onDrill,
}: {
  view: ValueView;
  onDrill: (s: ValueSelector) => void;
}) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const points = view.lorenz.map((p) => [p.customerShare * 100, p.valueShare * 100]);
  const option: EChartsCoreOption = {
    grid: { left: 48, right: 24, top: 36, bottom: 48 },
    legend: { top: 0 },
    tooltip: {
      trigger: 'item',
      formatter: (p: { seriesIndex: number; value: [number, number] }) => {
        const [x, y] = p.value;
        if (p.seriesIndex !== 0) return t('analyticsValue.lorenz.equality');
        return t('analyticsValue.lorenz.tooltip', {
          bottom: formatShare(x / 100, lng),
          bottomShare: formatShare(y / 100, lng),
          top: formatShare(1 - x / 100, lng),
          topShare: formatShare(1 - y / 100, lng),
        });
      },
    },
    xAxis: {
      type: 'value',
      min: 0,
      max: 100,
      name: t('analyticsValue.lorenz.x'),
      nameLocation: 'middle',
      nameGap: 28,
      axisLabel: { formatter: '{value}%' },
    },
    yAxis: {
      type: 'value',
      min: 0,
      max: 100,
      name: t('analyticsValue.lorenz.y', { metric: t(`analyticsValue.metric.${view.metric}`) }),
      axisLabel: { formatter: '{value}%' },
    },
    series: [
      {
        name: t('analyticsValue.lorenz.curve'),
        type: 'line',
        data: points,
        // Every point keeps a (small) symbol: a click on a point opens the customers to its right.
        symbolSize: points.length <= 60 ? 6 : 3,
        areaStyle: { opacity: 0.15 },
        lineStyle: { width: 2 },
        triggerLineEvent: true,
      },
      {
        name: t('analyticsValue.lorenz.equality'),
        type: 'line',
        data: [
          [0, 0],
          [100, 100],
        ],
        showSymbol: false,
        lineStyle: { type: 'dashed', color: '#999' },
        silent: true,
      },
    ],
  };
  return (
    <AnalyticsChart
      option={option}
      height={340}
      testId="value-lorenz"
      onClick={(e) => {
        if (e.seriesIndex !== 0) return;
        const point = view.lorenz[e.dataIndex];
        if (!point) return;
        const top = 1 - point.customerShare;
        if (top > 0) onDrill({ top });
      }}
    />
  );
}
