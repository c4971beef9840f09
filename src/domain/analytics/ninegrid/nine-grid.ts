import { checkColumns } from '../pareto/check-columns';
import { type AxisSplit, axisLevels } from './axis-levels';

/** Cells in index order: letter = x level (A high … C low), digit = y level (1 high … 3 low). */
export const NINE_GRID_CELLS = ['A1', 'A2', 'A3', 'B1', 'B2', 'B3', 'C1', 'C2', 'C3'] as const;
export type NineGridCell = (typeof NINE_GRID_CELLS)[number];

export interface NineGridInput {
  /** Metric on the letter axis (e.g. potential); `xField` names it in errors. */
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  xSplit: AxisSplit;
  ySplit: AxisSplit;
  xField?: string;
  yField?: string;
}

export interface NineGridCellSummary {
  cell: NineGridCell;
  customers: number;
  /** Σ x and Σ y of the cell's customers. */
  xSum: number;
  ySum: number;
}

export interface NineGrid {
  /** Cell index 0…8 (into NINE_GRID_CELLS) per customer. */
  cell: Uint8Array;
  cells: NineGridCellSummary[];
}

/**
 * The nine-grid (九宫格, seed 004): two metric columns, each split into three levels, give
 * each customer exactly one cell A1…C3 (index = 3 · xLevel + yLevel). Negative values are
 * allowed (a growth rate can be), NaN is not. Throws a VALIDATION DomainError naming the field
 * for empty or mismatched columns, NaN, or bad thresholds.
 */
export function nineGrid(input: NineGridInput): NineGrid {
  const xField = input.xField ?? 'x';
  const yField = input.yField ?? 'y';
  const n = checkColumns('nineGrid', [
    { field: xField, values: input.x, rule: { allowNegative: true } },
    { field: yField, values: input.y, rule: { allowNegative: true } },
  ]);
  const xl = axisLevels(xField, input.x, input.xSplit);
  const yl = axisLevels(yField, input.y, input.ySplit);
  const cell = new Uint8Array(n);
  const counts = new Float64Array(9);
  const xSum = new Float64Array(9);
  const ySum = new Float64Array(9);
  for (let i = 0; i < n; i++) {
    const c = 3 * xl[i]! + yl[i]!;
    cell[i] = c;
    counts[c]!++;
    xSum[c]! += input.x[i]!;
    ySum[c]! += input.y[i]!;
  }
  return {
    cell,
    cells: NINE_GRID_CELLS.map((name, c) => ({
      cell: name,
      customers: counts[c]!,
      xSum: xSum[c]!,
      ySum: ySum[c]!,
    })),
  };
}
