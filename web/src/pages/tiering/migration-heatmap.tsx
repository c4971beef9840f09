import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Migration, SchemeDocument } from '../../api/tiering';
import { Chart } from './charts';
import { tierLabel } from './labels';

/**
 * A migration matrix as a heat map: rows are where customers were (`fromLabel`), columns where
 * they are now, the cells how many moved that way; the movement totals sit underneath.
 */
export function MigrationHeatmap({
  migration,
  doc,
  fromLabel,
  toLabel,
}: {
  migration: Migration;
  doc: SchemeDocument | undefined;
  fromLabel: string;
  toLabel: string;
}) {
  const { t, i18n } = useTranslation();
  const names = migration.labels.map((l) => tierLabel(t, doc, l, i18n.language));
  const data: [number, number, number][] = [];
  let max = 0;
  migration.counts.forEach((row, from) => {
    row.forEach((count, to) => {
      data.push([to, from, count]);
      max = Math.max(max, count);
    });
  });
  const option = {
    tooltip: { position: 'top' },
    grid: { left: 120, right: 24, bottom: 56, top: 32 },
    xAxis: {
      type: 'category',
      data: names,
      name: toLabel,
      nameLocation: 'middle',
      nameGap: 32,
      axisLabel: { interval: 0, width: 96, overflow: 'truncate' },
    },
    yAxis: {
      type: 'category',
      data: names,
      name: fromLabel,
      inverse: true,
      axisLabel: { width: 110, overflow: 'truncate' },
    },
    // The colour scale only shades the cells; the counts are printed in them.
    visualMap: {
      show: false,
      min: 0,
      max: Math.max(max, 1),
      inRange: { color: ['#f0f5ff', '#1d39c4'] },
    },
    series: [{ type: 'heatmap', data, label: { show: true } }],
  };
  return (
    <>
      <Chart option={option} height={Math.max(240, 48 * names.length + 100)} />
      <Flex wrap gap={16}>
        <Typography.Text>
          {t('tiering.migration.upgrades', { count: migration.upgrades })}
        </Typography.Text>
        <Typography.Text>
          {t('tiering.migration.downgrades', { count: migration.downgrades })}
        </Typography.Text>
        <Typography.Text>
          {t('tiering.migration.unchanged', { count: migration.unchanged })}
        </Typography.Text>
        <Typography.Text>
          {t('tiering.migration.entered', { count: migration.entered })}
        </Typography.Text>
        <Typography.Text>{t('tiering.migration.left', { count: migration.left })}</Typography.Text>
      </Flex>
    </>
  );
}
