import type { Readable } from 'node:stream';
import { NINE_GRID_CELLS } from '../../domain/analytics/ninegrid';
import type { ExportFormat } from '../export/table-writer';
import type { Lang } from './drill';
import { writeFigureTable } from './figure-table';
import type { Ninegrid } from './ninegrid-figure';
import { exportValue, METRIC_LABELS } from './ninegrid-metrics';

/** The figure as a flat table: one row per cell (its row of the movement matrix) and "entered". */
export interface NinegridExportRow {
  cell: string;
  customers: number | null;
  xSum: number | null;
  ySum: number | null;
  revenue: number | null;
  previous: number | null;
  moves: number[];
  left: number | null;
}

function exportRows(g: Ninegrid, zh: boolean): NinegridExportRow[] {
  const rows: NinegridExportRow[] = g.cells.map((c, k) => ({
    cell: c.cell,
    customers: c.customers,
    xSum: exportValue(g.x.metric, c.xSum),
    ySum: exportValue(g.y.metric, c.ySum),
    revenue: c.revenueMinor / 100,
    previous: g.movement.previousCells[k]!,
    moves: g.movement.counts[k]!,
    left: g.movement.left[k]!,
  }));
  rows.push({
    cell: zh ? '新进入' : 'Entered',
    customers: null,
    xSum: null,
    ySum: null,
    revenue: null,
    previous: null,
    moves: g.movement.entered,
    left: null,
  });
  return rows;
}

/**
 * The nine-grid as CSV or XLSX: per cell its customers, axis sums and revenue (major units),
 * its customers in the previous period and where they went (one column per cell, then "left");
 * a last row gives the customers who entered each cell.
 */
export function writeNinegrid(g: Ninegrid, format: ExportFormat, lang: Lang): Readable {
  const zh = lang === 'zh-CN';
  const xl = METRIC_LABELS[g.x.metric][lang];
  const yl = METRIC_LABELS[g.y.metric][lang];
  const columns = [
    { header: zh ? '格' : 'Cell', value: (r: NinegridExportRow) => r.cell },
    { header: zh ? '客户数' : 'Customers', value: (r: NinegridExportRow) => r.customers },
    { header: `Σ ${xl}`, value: (r: NinegridExportRow) => r.xSum },
    { header: `Σ ${yl}`, value: (r: NinegridExportRow) => r.ySum },
    { header: zh ? '销售额' : 'Revenue', value: (r: NinegridExportRow) => r.revenue },
    {
      header: zh ? '上期客户数' : 'Customers (previous period)',
      value: (r: NinegridExportRow) => r.previous,
    },
    ...NINE_GRID_CELLS.map((c, k) => ({
      header: zh ? `→ ${c}` : `to ${c}`,
      value: (r: NinegridExportRow) => r.moves[k],
    })),
    { header: zh ? '流出' : 'Left', value: (r: NinegridExportRow) => r.left },
  ];
  return writeFigureTable(format, columns, exportRows(g, zh), zh ? '九宫格' : 'Nine-grid');
}
