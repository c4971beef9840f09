import { z } from 'zod';
import { NINE_GRID_CELLS } from '../../domain/analytics/ninegrid';
import { analyticsFilterShape } from './analytics-filters';
import { optionalQueryValue, queryNumber } from './analytics-query';
import { drillPageShape } from './drill';
import { NINE_GRID_METRICS, type NineGridMetric } from './ninegrid-metrics';

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

/** The nine-grid query, axes checked. */
export const ninegridSchema = z.object(ninegridQueryShape).superRefine(checkAxes);
export type NinegridQuery = z.output<typeof ninegridSchema>;

const MOVE_FROM = [...NINE_GRID_CELLS, 'entered'] as const;
const MOVE_TO = [...NINE_GRID_CELLS, 'left'] as const;
const cellEnum = z.enum(NINE_GRID_CELLS, {
  error: `cell must be one of ${NINE_GRID_CELLS.join(', ')}`,
});

/** Which customers a drill-down asks for: a grid cell, or a movement cell (not both). */
function checkSelector(
  q: { cell?: string | undefined; fromCell?: string | undefined; toCell?: string | undefined },
  ctx: z.RefinementCtx,
): void {
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
}

/** The drill-down query: the grid's query, paging, and a cell or a movement cell. */
export const ninegridDrillSchema = z
  .object({
    ...ninegridQueryShape,
    ...drillPageShape,
    cell: cellEnum.optional(),
    fromCell: z.enum(MOVE_FROM, { error: 'fromCell must be a cell (A1…C3) or entered' }).optional(),
    toCell: z.enum(MOVE_TO, { error: 'toCell must be a cell (A1…C3) or left' }).optional(),
  })
  .superRefine(checkAxes)
  .superRefine(checkSelector);
export type NinegridDrillQuery = z.output<typeof ninegridDrillSchema>;
