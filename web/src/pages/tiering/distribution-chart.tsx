import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Distribution, SchemeDocument } from '../../api/tiering';
import { Chart } from './charts';
import { percent, tierLabel } from './labels';

/**
 * Customers per tier as bars on the left axis, with each tier's share of revenue and profit on
 * the right axis; the counts are repeated as tags so they can be read without the chart.
 */
export function DistributionChart({
  distribution,
  doc,
  testId = 'distribution',
}: {
  distribution: Distribution;
  doc: SchemeDocument | undefined;
  testId?: string;
}) {
  const { t, i18n } = useTranslation();
  const names = distribution.tiers.map((x) => tierLabel(t, doc, x.tier, i18n.language));
  const pct = (v: number) => Math.round(v * 1000) / 10;
  const option = {
    tooltip: { trigger: 'axis' },
    legend: {
      bottom: 0,
      data: [
        t('tiering.chart.customers'),
        t('tiering.chart.revenueShare'),
        t('tiering.chart.profitShare'),
      ],
    },
    grid: { left: 48, right: 48, bottom: 64, top: 40 },
    xAxis: {
      type: 'category',
      data: names,
      axisLabel: { interval: 0, width: 96, overflow: 'truncate' },
    },
    yAxis: [
      { type: 'value', name: t('tiering.chart.customers'), minInterval: 1 },
      { type: 'value', name: '%', max: 100, axisLabel: { formatter: '{value}%' } },
    ],
    series: [
      {
        name: t('tiering.chart.customers'),
        type: 'bar',
        data: distribution.tiers.map((x) => x.count),
        label: { show: true, position: 'top' },
      },
      {
        name: t('tiering.chart.revenueShare'),
        type: 'bar',
        yAxisIndex: 1,
        data: distribution.tiers.map((x) => pct(x.revenueShare)),
      },
      {
        name: t('tiering.chart.profitShare'),
        type: 'bar',
        yAxisIndex: 1,
        data: distribution.tiers.map((x) => pct(x.profitShare)),
      },
    ],
  };
  return (
    <>
      <Chart option={option} />
      <Flex wrap gap={8} data-testid={testId}>
        {distribution.tiers.map((x, i) => (
          <Tag key={x.tier} data-testid={`${testId}-${x.tier}`}>
            {names[i]}: {x.count} ({percent(x.share)})
          </Tag>
        ))}
        {distribution.unassigned > 0 && (
          <Typography.Text type="secondary">
            {t('tiering.chart.unassigned', { count: distribution.unassigned })}
          </Typography.Text>
        )}
      </Flex>
    </>
  );
}
