import type { EChartsCoreOption } from 'echarts/core';
import { useTranslation } from 'react-i18next';
import type { RfmView } from '../../../api/analytics-value';
import { formatMoney, localized } from '../../../format';
import { currentLanguage } from '../../../i18n';
import { AnalyticsChart } from '../shared/analytics-chart';
import type { RfmSelector } from './value-drill';
import { formatShare } from './value-format';

/** Segment colours, best first (the order the view lists them). */
const SEGMENT_COLORS = [
  '#c41d7f',
  '#eb2f96',
  '#fa8c16',
  '#faad14',
  '#1677ff',
  '#69b1ff',
  '#722ed1',
  '#8c8c8c',
];

/** The segments as a treemap sized by customers; a tile opens the segment's customers. */
export function RfmTreemap({
  view,
  onDrill,
}: {
  view: RfmView;
  onDrill: (s: RfmSelector) => void;
}) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const shown = view.segments
    .map((s, i) => ({ s, color: SEGMENT_COLORS[i] }))
    .filter(({ s }) => s.customers > 0);
  const option: EChartsCoreOption = {
    tooltip: {
      formatter: (p: { dataIndex: number; data?: { key?: string } }) => {
        const s = view.segments.find((x) => x.key === p.data?.key);
        if (!s) return '';
        return t('analyticsValue.rfm.tileTooltip', {
          name: localized(s.zh, s.en, lng),
          customers: s.customers,
          share: formatShare(s.share, lng),
          revenue: formatMoney(s.revenueMinor, lng),
          revenueShare: formatShare(s.revenueShare, lng),
        });
      },
    },
    series: [
      {
        type: 'treemap',
        roam: false,
        nodeClick: false,
        breadcrumb: { show: false },
        top: 0,
        bottom: 0,
        left: 0,
        right: 0,
        label: { formatter: '{b}\n{c}' },
        data: shown.map(({ s, color }) => ({
          key: s.key,
          name: localized(s.zh, s.en, lng),
          value: s.customers,
          itemStyle: { color },
        })),
      },
    ],
  };
  return (
    <AnalyticsChart
      option={option}
      height={300}
      testId="rfm-treemap"
      onClick={(e) => {
        const key = (e.data as { key?: string } | undefined)?.key;
        if (key) onDrill({ segment: key });
      }}
    />
  );
}

/**
 * The recency × frequency score grid as a heat map: recency 5 (most recent) at the top,
 * frequency 5 (most orders) on the right. A cell opens its customers.
 */
export function RfmHeatmap({
  view,
  onDrill,
}: {
  view: RfmView;
  onDrill: (s: RfmSelector) => void;
}) {
  const { t } = useTranslation();
  const scores = ['1', '2', '3', '4', '5'];
  const max = Math.max(1, ...view.grid.map((c) => c.customers));
  const option: EChartsCoreOption = {
    tooltip: {
      formatter: (p: { value: [number, number, number] }) =>
        t('analyticsValue.rfm.cellTooltip', {
          r: p.value[1] + 1,
          f: p.value[0] + 1,
          customers: p.value[2],
        }),
    },
    grid: { left: 56, right: 72, top: 24, bottom: 48 },
    xAxis: {
      type: 'category',
      data: scores,
      name: t('analyticsValue.rfm.fAxis'),
      nameLocation: 'middle',
      nameGap: 28,
    },
    yAxis: { type: 'category', data: scores, name: t('analyticsValue.rfm.rAxis') },
    visualMap: {
      min: 0,
      max,
      calculable: true,
      orient: 'vertical',
      right: 0,
      top: 'middle',
      itemHeight: 140,
    },
    series: [
      {
        type: 'heatmap',
        label: { show: true },
        data: view.grid.map((c) => [c.f - 1, c.r - 1, c.customers]),
      },
    ],
  };
  return (
    <AnalyticsChart
      option={option}
      height={320}
      testId="rfm-heatmap"
      onClick={(e) => {
        const v = e.value as [number, number, number] | undefined;
        if (v && v[2] > 0) onDrill({ r: v[1] + 1, f: v[0] + 1 });
      }}
    />
  );
}

/** Customers per R, F and M score; a bar opens the customers with that score. */
export function RfmDistributions({
  view,
  onDrill,
}: {
  view: RfmView;
  onDrill: (s: RfmSelector) => void;
}) {
  const { t } = useTranslation();
  const letters = ['r', 'f', 'm'] as const;
  const option: EChartsCoreOption = {
    tooltip: { trigger: 'item' },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 32, bottom: 40 },
    xAxis: {
      type: 'category',
      data: ['1', '2', '3', '4', '5'],
      name: t('analyticsValue.rfm.score'),
      nameLocation: 'middle',
      nameGap: 24,
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: letters.map((l) => ({
      name: l.toUpperCase(),
      type: 'bar',
      data: view.distributions[l],
    })),
  };
  return (
    <AnalyticsChart
      option={option}
      height={260}
      testId="rfm-distributions"
      onClick={(e) => {
        const l = letters[e.seriesIndex ?? -1];
        if (l && Number(e.value) > 0) onDrill({ [l]: e.dataIndex + 1 });
      }}
    />
  );
}
