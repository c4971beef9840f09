import { NINE_GRID_CELLS } from '../../domain/analytics/ninegrid';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { parseInput } from '../parse';
import { exportValue, METRIC_LABELS } from './ninegrid-metrics';
import { type NinegridDrillQuery, ninegridDrillSchema } from './ninegrid-query';
import { type GridState, gridState } from './ninegrid-state';
import { type DrillSelection, viewDrill } from './view-drill';

interface NinegridSelection extends DrillSelection {
  state: GridState;
}

/** Positions of the customers in a grid cell, or in a movement cell. */
function selected(s: GridState, q: NinegridDrillQuery): number[] {
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

/** Each listed customer's axis values and cells now and in the previous period. */
function extraOf(s: GridState) {
  const num = (v: number) => (Number.isNaN(v) ? null : v);
  return (i: number) => ({
    x: num(s.xValues[i]!),
    y: num(s.yValues[i]!),
    cell: s.cell[i]! >= 0 ? NINE_GRID_CELLS[s.cell[i]!]! : null,
    previousCell: s.previousCell[i]! >= 0 ? NINE_GRID_CELLS[s.previousCell[i]!]! : null,
  });
}

async function selection(deps: Deps, ctx: Ctx, input: unknown): Promise<NinegridSelection> {
  const q = parseInput(ninegridDrillSchema, input, 'The nine-grid drill-down is not valid');
  const s = await gridState(deps, ctx, q);
  return { state: s, cols: s.cols, positions: selected(s, q), options: q, extra: extraOf(s) };
}

/**
 * The customers behind a cell or movement cell of the grid: the page with {x, y, cell,
 * previousCell} per customer, and the export with the axis values (money in major units) and
 * both cells.
 */
export const ninegridDrill = viewDrill(selection, ({ state: s }) => {
  const extra = extraOf(s);
  return {
    columns: [
      { key: 'x', header: METRIC_LABELS[s.x.metric] },
      { key: 'y', header: METRIC_LABELS[s.y.metric] },
      { key: 'cell', header: { 'zh-CN': '本期格', en: 'Cell' } },
      { key: 'previousCell', header: { 'zh-CN': '上期格', en: 'Previous cell' } },
    ],
    values: (i) => {
      const e = extra(i);
      return { ...e, x: exportValue(s.x.metric, e.x), y: exportValue(s.y.metric, e.y) };
    },
  };
});
