import type { Readable } from 'node:stream';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import type { ExportFormat } from '../export/table-writer';
import { requirePermission } from '../guard';
import type { CustomerColumns } from './customer-columns';
import {
  type DrillExtra,
  type DrillExtraColumn,
  type DrillPage,
  type DrillPageOptions,
  drillExport,
  drillPage,
  type Lang,
} from './drill';

/** The customers a drill-down picks out of a view's columns, as the page and export list them. */
export interface DrillSelection {
  cols: CustomerColumns;
  /** Positions of the picked customers in `cols`. */
  positions: ArrayLike<number>;
  /** Paging and order as asked. */
  options: DrillPageOptions;
  /** The view's figures per customer on the page (keys and raw values). */
  extra: DrillExtra;
}

/** The extra columns of a drill export and their values, in the export's language. */
export interface DrillExportExtra {
  columns: readonly DrillExtraColumn[];
  values: DrillExtra;
}

/** A figure's drill-down page: `(deps, ctx, query)`. */
export type DrillPageHandler = (deps: Deps, ctx: Ctx, input: unknown) => Promise<DrillPage>;

/** A figure's drill-down export: `(deps, ctx, query, format, lang)`. */
export type DrillExportHandler = (
  deps: Deps,
  ctx: Ctx,
  input: unknown,
  format: ExportFormat,
  lang: Lang,
) => Promise<Readable>;

/**
 * The drill-down page and export of a figure from how it picks its customers (`select` parses
 * the query and loads what the figure is computed from) and what its export adds. Both check
 * 'analytics.read' before reading the query, the export 'customers.export' as well, so every
 * view refuses and lists its customers alike.
 */
export function viewDrill<S extends DrillSelection>(
  select: (deps: Deps, ctx: Ctx, input: unknown) => Promise<S>,
  exportExtra: (selection: S, lang: Lang) => DrillExportExtra,
): { page: DrillPageHandler; export: DrillExportHandler } {
  return {
    async page(deps, ctx, input) {
      requirePermission(ctx, 'analytics.read');
      const s = await select(deps, ctx, input);
      return drillPage(deps, s.cols, s.positions, s.options, s.extra);
    },
    async export(deps, ctx, input, format, lang) {
      requirePermission(ctx, 'analytics.read');
      requirePermission(ctx, 'customers.export');
      const s = await select(deps, ctx, input);
      return drillExport(deps, s.cols, s.positions, s.options, format, lang, exportExtra(s, lang));
    },
  };
}
