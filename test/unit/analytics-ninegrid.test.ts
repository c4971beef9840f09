import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AxisSplit,
  movementMatrix,
  NINE_GRID_CELLS,
  nineGrid,
} from '../../src/domain/analytics/ninegrid/index';
import { issuesOf } from '../support/domain-errors';

const tertiles: AxisSplit = { kind: 'tertiles' };

describe('nineGrid', () => {
  it('assigns cells by thresholds on one axis and tertiles on the other', () => {
    const grid = nineGrid({
      x: [10, 50, 100, 5, 60],
      y: [1, 2, 3, 4, 5],
      xSplit: { kind: 'thresholds', low: 20, high: 80 },
      ySplit: tertiles,
    });
    // x: ≥ 80 → A, ≥ 20 → B, else C. y tertile 1 + ⌊3·below/5⌋: 1, 2 → low (3); 3, 4 → 2; 5 → 1.
    expect(Array.from(grid.cell, (c) => NINE_GRID_CELLS[c])).toEqual([
      'C3',
      'B3',
      'A2',
      'C2',
      'B1',
    ]);
    const byCell = Object.fromEntries(grid.cells.map((c) => [c.cell, c]));
    expect(byCell.B3).toEqual({ cell: 'B3', customers: 1, xSum: 50, ySum: 2 });
    expect(byCell.A1).toEqual({ cell: 'A1', customers: 0, xSum: 0, ySum: 0 });
    expect(grid.cells.map((c) => c.customers)).toEqual([0, 1, 0, 1, 0, 1, 0, 1, 1]);
  });

  it('keeps equal values on one level and counts the threshold itself as reached', () => {
    const grid = nineGrid({
      x: [5, 5, 5, 5, 5, 5],
      y: [0, 1, 2, 2, 3, 4],
      xSplit: tertiles,
      ySplit: { kind: 'thresholds', low: 2, high: 4 },
    });
    expect(Array.from(grid.cell, (c) => NINE_GRID_CELLS[c])).toEqual([
      'C3',
      'C3',
      'C2',
      'C2',
      'C2',
      'C1',
    ]);
  });

  it('names the field of bad input', () => {
    const xSplit = tertiles;
    const ySplit = tertiles;
    expect(issuesOf(() => nineGrid({ x: [], y: [], xSplit, ySplit }))).toMatchObject([
      { field: 'x' },
      { field: 'y' },
    ]);
    expect(issuesOf(() => nineGrid({ x: [1, 2], y: [1], xSplit, ySplit }))).toMatchObject([
      { field: 'y' },
    ]);
    expect(
      issuesOf(() =>
        nineGrid({ x: [1, Number.NaN], y: [1, 2], xSplit, ySplit, xField: 'potential' }),
      ),
    ).toMatchObject([{ field: 'potential', row: 1 }]);
    expect(
      issuesOf(() =>
        nineGrid({
          x: [1],
          y: [1],
          xSplit: { kind: 'thresholds', low: 5, high: 1 },
          ySplit,
          xField: 'potential',
        }),
      ),
    ).toMatchObject([{ field: 'potential.split' }]);
  });

  it('puts every customer in exactly one cell whose levels match its values', () => {
    const split: fc.Arbitrary<AxisSplit> = fc.oneof(
      fc.constant(tertiles),
      fc
        .tuple(fc.integer({ min: -50, max: 50 }), fc.integer({ min: 0, max: 50 }))
        .map(([low, width]): AxisSplit => ({ kind: 'thresholds', low, high: low + width })),
    );
    const value = fc.integer({ min: -100, max: 100 });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(value, value), { minLength: 1, maxLength: 100 }),
        split,
        split,
        (points, xSplit, ySplit) => {
          const x = points.map((p) => p[0]);
          const y = points.map((p) => p[1]);
          const grid = nineGrid({ x, y, xSplit, ySplit });
          expect(grid.cells.reduce((s, c) => s + c.customers, 0)).toBe(points.length);
          expect(grid.cells.reduce((s, c) => s + c.xSum, 0)).toBe(x.reduce((a, b) => a + b, 0));
          for (let i = 0; i < points.length; i++) {
            const c = grid.cell[i]!;
            expect(c).toBeLessThan(9);
            for (let k = 0; k < points.length; k++) {
              const d = grid.cell[k]!;
              // A larger x never sits on a lower x level (a later letter), likewise for y.
              if (x[i]! > x[k]!) expect(Math.floor(c / 3)).toBeLessThanOrEqual(Math.floor(d / 3));
              if (y[i]! === y[k]!) expect(c % 3).toBe(d % 3);
            }
          }
        },
      ),
    );
  });
});

describe('movementMatrix', () => {
  it('counts moves from one cell to another', () => {
    const m = movementMatrix([0, 0, 1, 8], [0, 1, 1, 8]);
    const moves = Array.from(m.entries()).filter(([, v]) => v > 0);
    expect(moves).toEqual([
      [0, 1],
      [1, 1],
      [10, 1],
      [80, 1],
    ]);
  });

  it('names the field of a bad cell', () => {
    expect(issuesOf(() => movementMatrix([0, 1], [0, 9]))).toMatchObject([{ field: 'to', row: 1 }]);
    expect(issuesOf(() => movementMatrix([0, -1], [0, 1]))).toMatchObject([
      { field: 'from', row: 1 },
    ]);
    expect(issuesOf(() => movementMatrix([0, 1], [0]))).toMatchObject([{ field: 'to' }]);
    expect(issuesOf(() => movementMatrix([0.5], [0]))).toMatchObject([{ field: 'from', row: 0 }]);
  });

  it('has row sums equal to the first period’s counts and column sums to the second’s', () => {
    const cells = fc.integer({ min: 0, max: 8 });
    fc.assert(
      fc.property(fc.array(fc.tuple(cells, cells), { minLength: 1, maxLength: 200 }), (pairs) => {
        const m = movementMatrix(
          pairs.map((p) => p[0]),
          pairs.map((p) => p[1]),
        );
        for (let c = 0; c < 9; c++) {
          let row = 0;
          let column = 0;
          for (let k = 0; k < 9; k++) {
            row += m[9 * c + k]!;
            column += m[9 * k + c]!;
          }
          expect(row).toBe(pairs.filter((p) => p[0] === c).length);
          expect(column).toBe(pairs.filter((p) => p[1] === c).length);
        }
      }),
    );
  });

  it('chains with nineGrid across two periods', () => {
    const split: AxisSplit = { kind: 'thresholds', low: 10, high: 20 };
    const before = nineGrid({ x: [5, 15, 25], y: [25, 15, 5], xSplit: split, ySplit: split });
    const after = nineGrid({ x: [25, 15, 5], y: [25, 15, 5], xSplit: split, ySplit: split });
    const m = movementMatrix(before.cell, after.cell);
    // C1 → A1, B2 stays, A3 → C3.
    expect(m[9 * 6 + 0]).toBe(1);
    expect(m[9 * 4 + 4]).toBe(1);
    expect(m[9 * 2 + 8]).toBe(1);
  });
});
