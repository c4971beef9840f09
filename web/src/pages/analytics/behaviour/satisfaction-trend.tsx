import { useTranslation } from 'react-i18next';
import type { ServiceByTier } from '../../../api/analytics-behaviour';
import { AnalyticsChart } from '../shared/analytics-chart';
import { tierLabel } from './service-tier-table';

/**
 * Average satisfaction by month, one line per tier (gaps where nobody answered); a point opens
 * the tier's customers with tickets that month.
 */
export function SatisfactionTrend({
  view,
  onPoint,
}: {
  view: ServiceByTier;
  onPoint: (group: string, month: string) => void;
}) {
  const { t } = useTranslation();
  const none = t('analyticsBehaviour.service.noTier');
  const option = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 20, top: 36, bottom: 32 },
    xAxis: { type: 'category', data: view.months },
    yAxis: { type: 'value', min: 0, max: 5, name: t('analyticsBehaviour.service.satisfaction') },
    series: view.trends.map((tr) => ({
      type: 'line',
      name: tierLabel(tr.tier, none),
      connectNulls: false,
      symbolSize: 8,
      data: tr.points.map((p) =>
        p.satisfaction === null ? null : Math.round(p.satisfaction * 100) / 100,
      ),
    })),
  };
  return (
    <AnalyticsChart
      option={option}
      height={320}
      testId="service-satisfaction-trend"
      onClick={(e) => {
        const tr = view.trends[e.seriesIndex ?? -1];
        const month = view.months[e.dataIndex];
        if (tr && month) onPoint(tr.tier, month);
      }}
    />
  );
}
