import { type AxisSplit, nineGrid } from '../../domain/analytics/ninegrid';
import type { CustomerColumns } from './customer-columns';
import {
  alignColumns,
  type MetricSource,
  metricValues,
  type NineGridMetric,
} from './ninegrid-metrics';
import type { NinegridQuery } from './ninegrid-query';

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

/** This period's cells and axis values per position of the columns, and the axes as used. */
export interface CurrentCells {
  /** Cell index per position; −1 for customers not counted. */
  cell: Int8Array;
  /** Axis values per position (NaN for customers not counted). */
  xValues: Float64Array;
  yValues: Float64Array;
  x: NinegridAxis;
  y: NinegridAxis;
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

/** The customers who ordered in the period in their cells, by the split asked for each axis. */
export function currentCells(q: NinegridQuery, now: MetricSource): CurrentCells {
  const { cols } = now;
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
  return { cell, xValues, yValues, x, y };
}

/**
 * The cells of the previous period per position of `cols` (−1 when not counted then), through
 * this period's bars, so a move is a change of the customer's values and not of the bars.
 */
export function previousCells(
  cols: CustomerColumns,
  then: MetricSource,
  axes: { x: NinegridAxis; y: NinegridAxis },
): Int8Array {
  const previousCell = new Int8Array(cols.n).fill(-1);
  const prevCols = then.cols;
  const prev = orderingPositions(prevCols);
  if (prev.length === 0) return previousCell;
  const grid = nineGrid({
    x: metricValues(axes.x.metric, then, prev),
    y: metricValues(axes.y.metric, then, prev),
    xSplit: thresholdsOf(axes.x),
    ySplit: thresholdsOf(axes.y),
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
  return previousCell;
}
