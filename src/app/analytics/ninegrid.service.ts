import type { Readable } from 'node:stream';
import { z } from 'zod';
import { dayNumber } from '../../domain/analytics/lifecycle';
import {
  type AxisSplit,
  movementMatrix,
  NINE_GRID_CELLS,
  type NineGridCell,
  nineGrid,
} from '../../domain/analytics/ninegrid';
import { monthEnd, type Period, previousPeriod } from '../../domain/analytics/period';
import { validationError } from '../../domain/errors';
import { loadClvAxes, newestFinishedClvModel } from '../../store/analytics/clv-axes.repository';
import { businessToday } from '../business-today';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { type ExportFormat, writeTable } from '../export/table-writer';
import { requirePermission } from '../guard';
import { parseInput } from '../parse';
import { analyticsFilterShape, type CustomerScope } from './analytics-filters';
import { optionalQueryValue, queryNumber, scopeOfFilters } from './analytics-query';
import { type CustomerColumns, customerColumns, periodOf, scopeOf } from './customer-columns';
import { type DrillPage, drillExport, drillPage, drillPageShape, type Lang } from './drill';
import {
  alignColumns,
  CLV_METRICS,
  COLUMN_METRICS,
  METRIC_LABELS,
  type MetricSource,
  MONEY_METRICS,
  metricValues,
  NINE_GRID_METRICS,
  type NineGridMetric,
} from './ninegrid-metrics';

const metric = (field: string) =>
  z
    .enum(NINE_GRID_METRICS, { error: `${field} must be one of ${NINE_GRID_METRICS.join(', ')}` })
    .default(field === 'x' ? 'revenue' : 'growth');

/** Query of the nine-grid: filters, the two axis metrics and, per axis, optional thresholds. */
export const ninegridQueryShape = {
  ...analyticsFilterShape,
  x: metric('x'),
  y: metric('y'),
  xLow: optionalQueryValue(queryNumber('xLow')),
  xHigh: optionalQueryValue(queryNumber('xHigh')),
  yLow: optionalQueryValue(queryNumber('yLow')),
  yHigh: optionalQueryValue(queryNumber('yHigh')),
};

type AxisQuery = {
  x: NineGridMetric;
  y: NineGridMetric;
  xLow?: number | undefined;
  xHigh?: number | undefined;
  yLow?: number | undefined;
  yHigh?: number | undefined;
};

/** Two distinct axes; per axis both thresholds or neither, the low one not above the high one. */
function checkAxes(q: AxisQuery, ctx: z.RefinementCtx): void {
  if (q.x === q.y) ctx.addIssue({ code: 'custom', path: ['y'], message: 'must differ from x' });
  for (const axis of ['x', 'y'] as const) {
    const low = q[`${axis}Low`];
    const high = q[`${axis}High`];
    if (low === undefined && high !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: [`${axis}Low`],
        message: `is needed with ${axis}High`,
      });
    } else if (high === undefined && low !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: [`${axis}High`],
        message: `is needed with ${axis}Low`,
      });
    } else if (low !== undefined && high !== undefined && low > high) {
      ctx.addIssue({
        code: 'custom',
        path: [`${axis}Low`],
        message: `must not be above ${axis}High`,
      });
    }
  }
}

const ninegridSchema = z.object(ninegridQueryShape).superRefine(checkAxes);
export type NinegridQuery = z.output<typeof ninegridSchema>;

const MOVE_FROM = [...NINE_GRID_CELLS, 'entered'] as const;
const MOVE_TO = [...NINE_GRID_CELLS, 'left'] as const;
const cellEnum = z.enum(NINE_GRID_CELLS, {
  error: `cell must be one of ${NINE_GRID_CELLS.join(', ')}`,
});

const drillSchema = z
  .object({
    ...ninegridQueryShape,
    ...drillPageShape,
    cell: cellEnum.optional(),
    fromCell: z.enum(MOVE_FROM, { error: 'fromCell must be a cell (A1…C3) or entered' }).optional(),
    toCell: z.enum(MOVE_TO, { error: 'toCell must be a cell (A1…C3) or left' }).optional(),
  })
  .superRefine(checkAxes)
  .superRefine((q, ctx) => {
    const moved = q.fromCell !== undefined || q.toCell !== undefined;
    if (q.cell === undefined && !moved) {
      ctx.addIssue({
        code: 'custom',
        path: ['cell'],
        message: 'name a cell, or fromCell and toCell',
      });
    } else if (q.cell !== undefined && moved) {
      ctx.addIssue({
        code: 'custom',
        path: ['cell'],
        message: 'give a cell or fromCell/toCell, not both',
      });
    } else if (moved && (q.fromCell === undefined || q.toCell === undefined)) {
      const missing = q.fromCell === undefined ? 'fromCell' : 'toCell';
      ctx.addIssue({ code: 'custom', path: [missing], message: 'is needed for a movement cell' });
    } else if (q.fromCell === 'entered' && q.toCell === 'left') {
      ctx.addIssue({
        code: 'custom',
        path: ['toCell'],
        message: 'entered customers cannot have left',
      });
    }
  });

/** One axis as the grid used it: the metric, how it was split and the bars that split it. */
export interface NinegridAxis {
  metric: NineGridMetric;
  split: 'thresholds' | 'tertiles';
  /**
   * Values ≥ low are middle or high, ≥ high are high. For tertiles these are the smallest values
   * of the middle-or-high and of the high customers; null when that level is empty.
   */
  low: number | null;
  high: number | null;
}

export interface NinegridCellRow {
  cell: NineGridCell;
  customers: number;
  /** Σ of the axis values (money metrics in minor units). */
  xSum: number;
  ySum: number;
  /** Revenue of the cell's customers in the period, minor units. */
  revenueMinor: number;
}

/** How customers moved from the previous period's cells to this period's. */
export interface NinegridMovement {
  previousPeriod: Period;
  /** counts[from][to]: customers in cell `from` then and `to` now (cells in A1…C3 order). */
  counts: number[][];
  /** Customers per cell in the previous period (including those who left). */
  previousCells: number[];
  /** Customers per cell now who were not in the previous period. */
  entered: number[];
  /** Customers per previous cell who are not in this period. */
  left: number[];
}

export interface Ninegrid {
  period: Period;
  /** The day recency is counted to. */
  asOf: string;
  x: NinegridAxis;
  y: NinegridAxis;
  customers: number;
  revenueMinor: number;
  cells: NinegridCellRow[];
  movement: NinegridMovement;
  /** Metrics an axis can use now (CLV and P(alive) only once a lifetime-value model is fitted). */
  metrics: NineGridMetric[];
  /** The lifetime-value model the CLV axes read, when one is used. */
  clvModel: { id: number; asOf: string } | null;
}

/** Everything the figure, its drill-down and its exports are computed from. */
interface GridState {
  period: Period;
  previous: Period;
  asOf: string;
  cols: CustomerColumns;
  /** Cell index per position of `cols` now and in the previous period; −1 when not counted. */
  cell: Int8Array;
  previousCell: Int8Array;
  /** Axis values per position of `cols` (NaN for customers not counted now). */
  xValues: Float64Array;
  yValues: Float64Array;
  x: NinegridAxis;
  y: NinegridAxis;
  metrics: NineGridMetric[];
  clvModel: { id: number; asOf: string } | null;
}

const dayText = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

/** The day a period's recency is counted to: its last day, or today when that is earlier. */
function asOfDayOf(p: Period, today: number): number {
  const end = dayNumber(monthEnd(p.to));
  return Math.min(end, today);
}

/** Positions of `cols` whose customers ordered in its period: who a period's grid counts. */
function orderingPositions(cols: CustomerColumns): Int32Array {
  const out: number[] = [];
  for (let i = 0; i < cols.n; i++) if (cols.orders[i]! > 0) out.push(i);
  return Int32Array.from(out);
}

/** Split of an axis as asked: thresholds when both are given, tertiles otherwise. */
function splitOf(low: number | undefined, high: number | undefined): AxisSplit {
  return low !== undefined && high !== undefined
    ? { kind: 'thresholds', low, high }
    : { kind: 'tertiles' };
}

/** The bars that reproduce the levels a split gave (levels: 0 high, 1 middle, 2 low). */
function barsOf(
  split: AxisSplit,
  values: Float64Array,
  levels: (k: number) => number,
): { low: number | null; high: number | null } {
  if (split.kind === 'thresholds') return { low: split.low, high: split.high };
  let low = Number.POSITIVE_INFINITY;
  let high = Number.POSITIVE_INFINITY;
  for (let k = 0; k < values.length; k++) {
    const level = levels(k);
    const v = values[k]!;
    if (level <= 1 && v < low) low = v;
    if (level === 0 && v < high) high = v;
  }
  return {
    low: Number.isFinite(low) ? low : null,
    high: Number.isFinite(high) ? high : null,
  };
}

/**
 * Thresholds applying an axis's bars to another period; an empty level (a null bar) stays empty
 * by a bar no value reaches.
 */
function thresholdsOf(axis: NinegridAxis): AxisSplit {
  const high = axis.high ?? Number.MAX_VALUE;
  const low = axis.low ?? high;
  return { kind: 'thresholds', low, high };
}

function metricIssue(field: 'x' | 'y', m: NineGridMetric) {
  return validationError('No lifetime-value model has been fitted', [
    {
      field,
      value: m,
      message: 'needs a finished lifetime-value model',
      expected: COLUMN_METRICS.join(', '),
    },
  ]);
}

async function gridState(deps: Deps, ctx: Ctx, q: NinegridQuery): Promise<GridState> {
  const period = periodOf(deps, ctx, q);
  const previous = previousPeriod(period);
  const scope: CustomerScope = scopeOfFilters(q);
  const db = deps.store.db;
  const model = await newestFinishedClvModel(db);
  const metrics: NineGridMetric[] = model ? [...NINE_GRID_METRICS] : [...COLUMN_METRICS];
  const usesClv = (m: NineGridMetric) => (CLV_METRICS as readonly string[]).includes(m);
  if (!model && usesClv(q.x)) throw metricIssue('x', q.x);
  if (!model && usesClv(q.y)) throw metricIssue('y', q.y);
  const growth = q.x === 'growth' || q.y === 'growth';
  const [cols, prevCols, beforeCols, clv] = await Promise.all([
    customerColumns(deps, scope, period),
    customerColumns(deps, scope, previous),
    growth ? customerColumns(deps, scope, previousPeriod(previous)) : Promise.resolve(undefined),
    model && (usesClv(q.x) || usesClv(q.y))
      ? scopeOf(deps, scope).then((s) => loadClvAxes(db, model.id, s))
      : Promise.resolve(undefined),
  ]);
  const today = dayNumber(businessToday(deps, ctx));
  const now: MetricSource = {
    cols,
    before: growth ? { cols: prevCols, at: alignColumns(cols, prevCols) } : undefined,
    asOfDay: asOfDayOf(period, today),
    clv,
  };
  const then: MetricSource = {
    cols: prevCols,
    before: beforeCols ? { cols: beforeCols, at: alignColumns(prevCols, beforeCols) } : undefined,
    asOfDay: asOfDayOf(previous, today),
    clv,
  };

  const xSplit = splitOf(q.xLow, q.xHigh);
  const ySplit = splitOf(q.yLow, q.yHigh);
  const cur = orderingPositions(cols);
  const cell = new Int8Array(cols.n).fill(-1);
  const xValues = new Float64Array(cols.n).fill(Number.NaN);
  const yValues = new Float64Array(cols.n).fill(Number.NaN);
  const xv = metricValues(q.x, now, cur);
  const yv = metricValues(q.y, now, cur);
  let x: NinegridAxis = { metric: q.x, split: xSplit.kind, low: null, high: null };
  let y: NinegridAxis = { metric: q.y, split: ySplit.kind, low: null, high: null };
  if (xSplit.kind === 'thresholds') x = { ...x, low: xSplit.low, high: xSplit.high };
  if (ySplit.kind === 'thresholds') y = { ...y, low: ySplit.low, high: ySplit.high };
  if (cur.length > 0) {
    const grid = nineGrid({ x: xv, y: yv, xSplit, ySplit, xField: 'x', yField: 'y' });
    for (let k = 0; k < cur.length; k++) {
      const i = cur[k]!;
      cell[i] = grid.cell[k]!;
      xValues[i] = xv[k]!;
      yValues[i] = yv[k]!;
    }
    // Cell index = 3 · xLevel + yLevel.
    x = { ...x, ...barsOf(xSplit, xv, (k) => Math.floor(grid.cell[k]! / 3)) };
    y = { ...y, ...barsOf(ySplit, yv, (k) => grid.cell[k]! % 3) };
  }

  // The previous period through the same bars, so a move is a change of the customer's values.
  const previousCell = new Int8Array(cols.n).fill(-1);
  const prev = orderingPositions(prevCols);
  if (prev.length > 0) {
    const grid = nineGrid({
      x: metricValues(q.x, then, prev),
      y: metricValues(q.y, then, prev),
      xSplit: thresholdsOf(x),
      ySplit: thresholdsOf(y),
      xField: 'x',
      yField: 'y',
    });
    const cellOfPrev = new Int8Array(prevCols.n).fill(-1);
    for (let k = 0; k < prev.length; k++) cellOfPrev[prev[k]!] = grid.cell[k]!;
    const at = alignColumns(cols, prevCols);
    for (let i = 0; i < cols.n; i++) {
      const j = at[i]!;
      if (j >= 0) previousCell[i] = cellOfPrev[j]!;
    }
  }
  return {
    period,
    previous,
    asOf: dayText(now.asOfDay),
    cols,
    cell,
    previousCell,
    xValues,
    yValues,
    x,
    y,
    metrics,
    clvModel: model && (usesClv(q.x) || usesClv(q.y)) ? model : null,
  };
}

function figure(s: GridState): Ninegrid {
  const cells: NinegridCellRow[] = NINE_GRID_CELLS.map((c) => ({
    cell: c,
    customers: 0,
    xSum: 0,
    ySum: 0,
    revenueMinor: 0,
  }));
  const entered = new Array<number>(9).fill(0);
  const left = new Array<number>(9).fill(0);
  const previousCells = new Array<number>(9).fill(0);
  const from: number[] = [];
  const to: number[] = [];
  let customers = 0;
  let revenueMinor = 0;
  for (let i = 0; i < s.cols.n; i++) {
    const c = s.cell[i]!;
    const p = s.previousCell[i]!;
    if (c >= 0) {
      const row = cells[c]!;
      row.customers++;
      row.xSum += s.xValues[i]!;
      row.ySum += s.yValues[i]!;
      row.revenueMinor += s.cols.revenue[i]!;
      customers++;
      revenueMinor += s.cols.revenue[i]!;
    }
    if (p >= 0) previousCells[p]!++;
    if (c >= 0 && p >= 0) {
      from.push(p);
      to.push(c);
    } else if (c >= 0) entered[c]!++;
    else if (p >= 0) left[p]!++;
  }
  // movementMatrix refuses empty columns: nobody in both periods is an all-zero matrix.
  const flat = from.length ? movementMatrix(from, to) : new Int32Array(81);
  const counts = NINE_GRID_CELLS.map((_, a) => Array.from(flat.subarray(9 * a, 9 * a + 9)));
  return {
    period: s.period,
    asOf: s.asOf,
    x: s.x,
    y: s.y,
    customers,
    revenueMinor,
    cells,
    movement: { previousPeriod: s.previous, counts, previousCells, entered, left },
    metrics: s.metrics,
    clvModel: s.clvModel,
  };
}

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
  return figure(await gridState(deps, ctx, q));
}

type DrillQuery = z.output<typeof drillSchema>;

function selected(s: GridState, q: DrillQuery): number[] {
  const out: number[] = [];
  const index = (name: string | undefined) =>
    name === undefined ? -2 : (NINE_GRID_CELLS as readonly string[]).indexOf(name);
  if (q.cell !== undefined) {
    const c = index(q.cell);
    for (let i = 0; i < s.cols.n; i++) if (s.cell[i] === c) out.push(i);
    return out;
  }
  // −1 stands for "not in that period": entered (from) and left (to).
  const a = q.fromCell === 'entered' ? -1 : index(q.fromCell);
  const b = q.toCell === 'left' ? -1 : index(q.toCell);
  for (let i = 0; i < s.cols.n; i++) {
    if (s.previousCell[i] === a && s.cell[i] === b) out.push(i);
  }
  return out;
}

function extraOf(s: GridState) {
  const num = (v: number) => (Number.isNaN(v) ? null : v);
  return (i: number) => ({
    x: num(s.xValues[i]!),
    y: num(s.yValues[i]!),
    cell: s.cell[i]! >= 0 ? NINE_GRID_CELLS[s.cell[i]!]! : null,
    previousCell: s.previousCell[i]! >= 0 ? NINE_GRID_CELLS[s.previousCell[i]!]! : null,
  });
}

/**
 * The customers behind one cell of the grid (`cell=B2`) or of the movement matrix
 * (`fromCell=A1&toCell=B2`; `fromCell=entered` or `toCell=left` for customers in one period
 * only — `from`/`to` stay the period's months), as the shared drill-down page with
 * {x, y, cell, previousCell} per customer. Needs 'analytics.read'.
 */
export async function ninegridCustomers(deps: Deps, ctx: Ctx, input: unknown): Promise<DrillPage> {
  requirePermission(ctx, 'analytics.read');
  const q = parseInput(drillSchema, input, 'The nine-grid drill-down is not valid');
  const s = await gridState(deps, ctx, q);
  return drillPage(deps, s.cols, selected(s, q), q, extraOf(s));
}

const money = (m: NineGridMetric, v: number | null) =>
  v === null ? null : MONEY_METRICS.has(m) ? v / 100 : v;

/**
 * The customers behind a cell or movement cell as CSV or XLSX, with the axis values (money in
 * major units) and both cells. Needs 'analytics.read' and 'customers.export'.
 */
export async function exportNinegridCustomers(
  deps: Deps,
  ctx: Ctx,
  input: unknown,
  format: ExportFormat,
  lang: Lang,
): Promise<Readable> {
  requirePermission(ctx, 'analytics.read');
  requirePermission(ctx, 'customers.export');
  const q = parseInput(drillSchema, input, 'The nine-grid drill-down is not valid');
  const s = await gridState(deps, ctx, q);
  const extra = extraOf(s);
  return drillExport(deps, s.cols, selected(s, q), q, format, lang, {
    columns: [
      { key: 'x', header: METRIC_LABELS[s.x.metric] },
      { key: 'y', header: METRIC_LABELS[s.y.metric] },
      { key: 'cell', header: { 'zh-CN': '本期格', en: 'Cell' } },
      { key: 'previousCell', header: { 'zh-CN': '上期格', en: 'Previous cell' } },
    ],
    values: (i) => {
      const e = extra(i);
      return { ...e, x: money(s.x.metric, e.x), y: money(s.y.metric, e.y) };
    },
  });
}

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
  const g = await ninegridView(deps, ctx, input);
  const zh = lang === 'zh-CN';
  const rows: NinegridExportRow[] = g.cells.map((c, k) => ({
    cell: c.cell,
    customers: c.customers,
    xSum: money(g.x.metric, c.xSum),
    ySum: money(g.y.metric, c.ySum),
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
  async function* iterate() {
    yield* rows;
  }
  return writeTable(format, columns, iterate(), zh ? '九宫格' : 'Nine-grid');
}
