import { useTranslation } from 'react-i18next';
import type { DistributionPoint, TierDistribution } from '../../../api/analytics-tiers';
import { formatMoney } from '../../../format';
import { currentLanguage } from '../../../i18n';
import { AnalyticsChart } from '../shared/analytics-chart';
import { pointAxisLabel } from './distribution-format';
import { percent, tierColor, tierName, yuan } from './tier-format';
import type { TierMeasure } from './use-tier-params';

/**
 * Customers (or their revenue) in each tier at each point as stacked bars, or each tier's share
 * as 100% bars. A click on a bar segment opens the customers of that tier at that point.
 */
export function DistributionChart({
  data,
  measure,
  share,
  onDrill,
}: {
  data: TierDistribution;
  measure: TierMeasure;
  share: boolean;
  onDrill: (point: DistributionPoint, tier: string) => void;
}) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const x = data.points.map((p) => pointAxisLabel(t, data.by, p));
  const value = (p: DistributionPoint, i: number) => {
    const s = p.tiers[i]!;
    if (share)
      return Math.round((measure === 'revenue' ? s.revenueShare : s.customerShare) * 1000) / 10;
    return measure === 'revenue' ? yuan(s.revenueMinor) : s.customers;
  };
  const option = {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (items: { dataIndex: number }[]) => {
        const p = data.points[items[0]?.dataIndex ?? 0];
        if (!p) return '';
        const lines = data.tiers.map((tier, i) => {
          const s = p.tiers[i]!;
          return `${tierName(t, data.tiers, tier.id, lng)}: ${s.customers} (${percent(
            s.customerShare,
          )}) · ${formatMoney(s.revenueMinor, lng)} (${percent(s.revenueShare)})`;
        });
        return [x[items[0]?.dataIndex ?? 0], ...lines].join('<br/>');
      },
    },
    legend: { top: 0 },
    grid: { left: 64, right: 16, top: 36, bottom: 32 },
    xAxis: { type: 'category', data: x },
    yAxis: {
      type: 'value',
      max: share ? 100 : undefined,
      axisLabel: { formatter: share ? '{value}%' : '{value}' },
    },
    series: data.tiers.map((tier, i) => ({
      type: 'bar',
      name: tierName(t, data.tiers, tier.id, lng),
      stack: 'tiers',
      barMaxWidth: 56,
      itemStyle: { color: tierColor(i) },
      emphasis: { focus: 'series' },
      // The draft point is paler: computed, not yet in force.
      data: data.points.map((p) => ({
        value: value(p, i),
        ...(p.draft ? { itemStyle: { opacity: 0.45 } } : {}),
      })),
    })),
  };
  return (
    <AnalyticsChart
      option={option}
      height={360}
      testId="tier-distribution-chart"
      onClick={(e) => {
        const p = data.points[e.dataIndex];
        const tier = data.tiers[e.seriesIndex ?? -1];
        if (p && tier) onDrill(p, tier.id);
      }}
    />
  );
}
