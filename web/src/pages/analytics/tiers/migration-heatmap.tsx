import { useTranslation } from 'react-i18next';
import type { TierMigration } from '../../../api/analytics-tiers';
import { formatMoney } from '../../../format';
import { currentLanguage } from '../../../i18n';
import { AnalyticsChart } from '../shared/analytics-chart';
import type { MigrationSelector } from './tier-drill';
import { compactMoney, tierName, yuan } from './tier-format';
import type { TierMeasure } from './use-tier-params';

/**
 * The migration matrix as a heat map: rows are the tiers before (the last row the customers new
 * to the scheme), columns the tiers after (the last column those who left it); the number is the
 * customers or their revenue. A click on a square with customers opens them.
 */
export function MigrationHeatmap({
  data,
  measure,
  onDrill,
}: {
  data: TierMigration;
  measure: TierMeasure;
  onDrill: (s: MigrationSelector) => void;
}) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const k = data.labels.length - 1;
  const names = data.labels.map((id) => tierName(t, data.tiers, id, lng));
  const rows = [...names.slice(0, k), t('analyticsTiers.noneBefore')];
  const cols = [...names.slice(0, k), t('analyticsTiers.noneAfter')];
  const cells: [number, number, number][] = [];
  let max = 1;
  data.labels.forEach((_, r) => {
    data.labels.forEach((__, c) => {
      if (r === k && c === k) return;
      const v = measure === 'revenue' ? yuan(data.revenueMinor[r]![c]!) : data.counts[r]![c]!;
      cells.push([c, r, v]);
      max = Math.max(max, v);
    });
  });
  const option = {
    tooltip: {
      formatter: (p: { value: [number, number, number] }) => {
        const [c, r] = p.value;
        const n = data.counts[r]?.[c] ?? 0;
        const after = data.revenueMinor[r]?.[c] ?? 0;
        const before = data.revenueBeforeMinor[r]?.[c] ?? 0;
        return [
          `${rows[r]} → ${cols[c]}`,
          t('analyticsTiers.migration.tooltip', {
            count: n,
            revenue: formatMoney(after, lng),
            before: formatMoney(before, lng),
            change: formatMoney(after - before, lng),
          }),
        ].join('<br/>');
      },
    },
    grid: { left: 120, right: 16, top: 16, bottom: 40 },
    xAxis: {
      type: 'category',
      data: cols,
      splitArea: { show: true },
      axisLabel: { interval: 0, width: 96, overflow: 'truncate' },
    },
    yAxis: {
      type: 'category',
      data: rows,
      inverse: true,
      splitArea: { show: true },
      axisLabel: { width: 110, overflow: 'truncate' },
    },
    // The colour only shades the squares; the numbers are printed in them.
    visualMap: { min: 0, max, show: false, inRange: { color: ['#f5f9ff', '#1d39c4'] } },
    series: [
      {
        type: 'heatmap',
        data: cells,
        label: {
          show: true,
          formatter: (p: { value: number[] }) => {
            const [c, r] = p.value as [number, number];
            if (!(data.counts[r]?.[c] ?? 0)) return '';
            return measure === 'revenue'
              ? compactMoney(data.revenueMinor[r]![c]!, lng)
              : String(data.counts[r]![c]);
          },
        },
      },
    ],
  };
  return (
    <AnalyticsChart
      option={option}
      height={Math.max(260, 52 * rows.length + 90)}
      testId="tier-migration-heatmap"
      onClick={(e) => {
        const v = e.value as [number, number, number] | undefined;
        if (!v || !(data.counts[v[1]]?.[v[0]] ?? 0)) return;
        onDrill({ fromTier: data.labels[v[1]], toTier: data.labels[v[0]] });
      }}
    />
  );
}
