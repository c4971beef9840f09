import {
  movementMatrix,
  NINE_GRID_CELLS,
  type NineGridCell,
} from '../../domain/analytics/ninegrid';
import type { Period } from '../../domain/analytics/period';
import type { NinegridAxis } from './ninegrid-cells';
import type { NineGridMetric } from './ninegrid-metrics';
import type { GridState } from './ninegrid-state';

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

/** The figure of a placed grid: per cell its customers, axis sums and revenue, and the moves. */
export function ninegridFigure(s: GridState): Ninegrid {
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
