import type { EChartsCoreOption } from 'echarts/core';
import { useTranslation } from 'react-i18next';
import type { PyramidLevelKey, ValueView } from '../../../api/analytics-value';
import { formatMoney } from '../../../format';
import { currentLanguage } from '../../../i18n';
import { AnalyticsChart } from '../shared/analytics-chart';
import { LEVEL_COLORS, type ValueSelector } from './value-drill';
import { formatShare } from './value-format';

/**
 * The value pyramid: key customers at the tip, small ones at the base. The widths are fixed
 * steps (a pyramid, not a bar chart) and each label carries the level's customers and share of
 * value; beside it, one bar of customer shares over one of value shares shows how few bring
 * how much. Clicking a level opens its customers.
 */
export function PyramidChart({
  view,
  onDrill,
}: {
  view: ValueView;
  onDrill: (s: ValueSelector) => void;
}) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const metric = t(`analyticsValue.metric.${view.metric}`);
  const name = (key: PyramidLevelKey) => t(`analyticsValue.levels.${key}`);
  const funnel: EChartsCoreOption = {
    tooltip: {
      trigger: 'item',
      formatter: (p: { dataIndex: number }) => {
        const l = view.pyramid[p.dataIndex];
        if (!l) return '';
        return t('analyticsValue.pyramid.tooltip', {
          level: name(l.key),
          customers: l.customers,
          customerShare: formatShare(l.customerShare, lng),
          valueShare: formatShare(l.valueShare, lng),
          value: formatMoney(l.valueMinor, lng),
          min: formatMoney(l.minValueMinor, lng),
          metric,
        });
      },
    },
    series: [
      {
        type: 'funnel',
        sort: 'ascending',
        left: '5%',
        width: '90%',
        top: 8,
        bottom: 8,
        minSize: '25%',
        maxSize: '100%',
        gap: 2,
        label: {
          position: 'inside',
          formatter: (p: { dataIndex: number }) => {
            const l = view.pyramid[p.dataIndex];
            if (!l) return '';
            return `${name(l.key)}  ${l.customers} · ${formatShare(l.valueShare, lng)}`;
          },
        },
        data: view.pyramid.map((l, i) => ({
          name: name(l.key),
          value: i + 1,
          itemStyle: { color: LEVEL_COLORS[l.key] },
        })),
      },
    ],
  };
  const share: EChartsCoreOption = {
    tooltip: { trigger: 'item', valueFormatter: (v: number) => `${v.toFixed(1)}%` },
    legend: { bottom: 0 },
    grid: { left: 80, right: 16, top: 8, bottom: 52 },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: {
      type: 'category',
      data: [t('analyticsValue.pyramid.customersBar'), metric],
    },
    series: view.pyramid.map((l) => ({
      name: name(l.key),
      type: 'bar',
      stack: 'share',
      itemStyle: { color: LEVEL_COLORS[l.key] },
      data: [l.customerShare * 100, l.valueShare * 100],
    })),
  };
  const open = (index: number | undefined) => {
    const l = index === undefined ? undefined : view.pyramid[index];
    if (l && l.customers > 0) onDrill({ level: l.key });
  };
  return (
    <>
      <AnalyticsChart
        option={funnel}
        height={240}
        testId="value-pyramid"
        onClick={(e) => open(e.dataIndex)}
      />
      <AnalyticsChart
        option={share}
        height={160}
        testId="value-pyramid-shares"
        onClick={(e) => open(e.seriesIndex)}
      />
    </>
  );
}
