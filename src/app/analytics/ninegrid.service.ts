import type { Readable } from 'node:stream';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import type { ExportFormat } from '../export/table-writer';
import { requirePermission } from '../guard';
import { parseInput } from '../parse';
import type { Lang } from './drill';
import { ninegridDrill } from './ninegrid-drill';
import { writeNinegrid } from './ninegrid-export';
import { type Ninegrid, ninegridFigure } from './ninegrid-figure';
import { ninegridSchema } from './ninegrid-query';
import { gridState } from './ninegrid-state';
import type { DrillExportHandler, DrillPageHandler } from './view-drill';

export type { NinegridAxis } from './ninegrid-cells';
export type { NinegridExportRow } from './ninegrid-export';
export type { Ninegrid, NinegridCellRow, NinegridMovement } from './ninegrid-figure';
export { type NinegridQuery, ninegridQueryShape } from './ninegrid-query';

/**
 * The nine-grid of the customers who ordered in the period (two metrics × three levels, by
 * the given thresholds or by tertiles), with each cell's customers, axis sums and revenue, and
 * how customers moved from the previous period of the same length — that period's values put
 * through the same bars; customers who ordered in one of the two periods only have entered or
 * left. Needs 'analytics.read'.
 */
export async function ninegridView(deps: Deps, ctx: Ctx, input: unknown): Promise<Ninegrid> {
  requirePermission(ctx, 'analytics.read');
  const q = parseInput(ninegridSchema, input, 'The nine-grid query is not valid');
  return ninegridFigure(await gridState(deps, ctx, q));
}

/**
 * The customers behind one cell of the grid (`cell=B2`) or of the movement matrix
 * (`fromCell=A1&toCell=B2`; `fromCell=entered` or `toCell=left` for customers in one period
 * only — `from`/`to` stay the period's months), as the shared drill-down page with
 * {x, y, cell, previousCell} per customer. Needs 'analytics.read'.
 */
export const ninegridCustomers: DrillPageHandler = ninegridDrill.page;

/**
 * The customers behind a cell or movement cell as CSV or XLSX, with the axis values (money in
 * major units) and both cells. Needs 'analytics.read' and 'customers.export'.
 */
export const exportNinegridCustomers: DrillExportHandler = ninegridDrill.export;

/**
 * The nine-grid as CSV or XLSX: per cell its customers, axis sums and revenue (major units),
 * its customers in the previous period and where they went (one column per cell, then "left");
 * a last row gives the customers who entered each cell. Needs 'analytics.read'.
 */
export async function exportNinegrid(
  deps: Deps,
  ctx: Ctx,
  input: unknown,
  format: ExportFormat,
  lang: Lang,
): Promise<Readable> {
  return writeNinegrid(await ninegridView(deps, ctx, input), format, lang);
}
