import { useTranslation } from 'react-i18next';
import {
  NINE_GRID_CELLS,
  type NineGridCell,
  type Ninegrid,
} from '../../../api/analytics-behaviour';
import { AnalyticsChart } from '../shared/analytics-chart';
import type { NinegridSelector } from './behaviour-drill';

/**
 * The movement matrix as a heat map: rows are the previous period's cells (and "entered"),
 * columns this period's (and "left"); the number is the customers who moved so. A click on a
 * square with customers opens them.
 */
export function MovementHeatmap({
  grid,
  onDrill,
}: {
  grid: Ninegrid;
  onDrill: (s: Extract<NinegridSelector, { fromCell: unknown }>) => void;
}) {
  const { t } = useTranslation();
  const m = grid.movement;
  const cols = [...NINE_GRID_CELLS, t('analyticsBehaviour.ninegrid.left')];
  const rows = [...NINE_GRID_CELLS, t('analyticsBehaviour.ninegrid.entered')];
  const data: [number, number, number][] = [];
  let max = 1;
  NINE_GRID_CELLS.forEach((_, from) => {
    NINE_GRID_CELLS.forEach((__, to) => {
      const v = m.counts[from]?.[to] ?? 0;
      data.push([to, from, v]);
      max = Math.max(max, v);
    });
    data.push([9, from, m.left[from] ?? 0]);
    max = Math.max(max, m.left[from] ?? 0);
  });
  NINE_GRID_CELLS.forEach((_, to) => {
    data.push([to, 9, m.entered[to] ?? 0]);
    max = Math.max(max, m.entered[to] ?? 0);
  });
  const option = {
    tooltip: {
      formatter: (p: { value: [number, number, number] }) =>
        `${rows[p.value[1]]} → ${cols[p.value[0]]}: ${p.value[2]}`,
    },
    grid: { left: 80, right: 20, top: 30, bottom: 60 },
    xAxis: {
      type: 'category',
      data: cols,
      name: t('analyticsBehaviour.ninegrid.now'),
      nameLocation: 'middle',
      nameGap: 30,
      splitArea: { show: true },
    },
    yAxis: {
      type: 'category',
      data: rows,
      inverse: true,
      name: t('analyticsBehaviour.ninegrid.previous'),
      splitArea: { show: true },
    },
    visualMap: {
      min: 0,
      max,
      show: false,
      inRange: { color: ['#f5f9ff', '#1677ff'] },
    },
    series: [
      {
        type: 'heatmap',
        data: data.filter((d) => !(d[0] === 9 && d[1] === 9)),
        label: {
          show: true,
          formatter: (p: { value: number[] }) => (p.value[2] ? p.value[2] : ''),
        },
      },
    ],
  };
  return (
    <AnalyticsChart
      option={option}
      height={420}
      testId="ninegrid-movement"
      onClick={(e) => {
        const v = e.value as [number, number, number] | undefined;
        if (!v || v[2] <= 0) return;
        const fromCell: NineGridCell | 'entered' = v[1] < 9 ? NINE_GRID_CELLS[v[1]]! : 'entered';
        const toCell: NineGridCell | 'left' = v[0] < 9 ? NINE_GRID_CELLS[v[0]]! : 'left';
        onDrill({ fromCell, toCell });
      }}
    />
  );
}
