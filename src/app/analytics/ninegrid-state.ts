import { dayNumber } from '../../domain/analytics/lifecycle';
import { type Period, previousPeriod } from '../../domain/analytics/period';
import { dayToDate } from '../../domain/calendar/time-zone';
import { validationError } from '../../domain/errors';
import { loadClvAxes, newestFinishedClvModel } from '../../store/analytics/clv-axes.repository';
import { businessToday } from '../business-today';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import type { CustomerScope } from './analytics-filters';
import { scopeOfFilters } from './analytics-query';
import { periodAsOfDay } from './as-of-day';
import { type CustomerColumns, customerColumns, periodOf, scopeOf } from './customer-columns';
import { type CurrentCells, currentCells, previousCells } from './ninegrid-cells';
import {
  alignColumns,
  CLV_METRICS,
  COLUMN_METRICS,
  type MetricSource,
  NINE_GRID_METRICS,
  type NineGridMetric,
} from './ninegrid-metrics';
import type { NinegridQuery } from './ninegrid-query';

/** Everything the figure, its drill-down and its exports are computed from. */
export interface GridState extends CurrentCells {
  period: Period;
  previous: Period;
  /** The day recency is counted to. */
  asOf: string;
  cols: CustomerColumns;
  /** Cell index per position of `cols` in the previous period; −1 when not counted. */
  previousCell: Int8Array;
  metrics: NineGridMetric[];
  clvModel: { id: number; asOf: string } | null;
}

const usesClv = (m: NineGridMetric) => (CLV_METRICS as readonly string[]).includes(m);

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

/**
 * What the metrics of this period and of the previous one are computed from: the columns of
 * both (and of the one before, for growth) and the CLV model's values when an axis reads them.
 */
async function metricSources(deps: Deps, ctx: Ctx, q: NinegridQuery) {
  const period = periodOf(deps, ctx, q);
  const previous = previousPeriod(period);
  const scope: CustomerScope = scopeOfFilters(q);
  const db = deps.store.db;
  const model = await newestFinishedClvModel(db);
  const metrics: NineGridMetric[] = model ? [...NINE_GRID_METRICS] : [...COLUMN_METRICS];
  if (!model && usesClv(q.x)) throw metricIssue('x', q.x);
  if (!model && usesClv(q.y)) throw metricIssue('y', q.y);
  const growth = q.x === 'growth' || q.y === 'growth';
  const [cols, prevCols, beforeCols, clv] = await Promise.all([
    customerColumns(deps, ctx, scope, period),
    customerColumns(deps, ctx, scope, previous),
    growth
      ? customerColumns(deps, ctx, scope, previousPeriod(previous))
      : Promise.resolve(undefined),
    model && (usesClv(q.x) || usesClv(q.y))
      ? scopeOf(deps, ctx, scope).then((s) => loadClvAxes(db, model.id, s))
      : Promise.resolve(undefined),
  ]);
  const today = dayNumber(businessToday(deps, ctx));
  const now: MetricSource = {
    cols,
    before: growth ? { cols: prevCols, at: alignColumns(cols, prevCols) } : undefined,
    asOfDay: periodAsOfDay(period, today),
    clv,
  };
  const then: MetricSource = {
    cols: prevCols,
    before: beforeCols ? { cols: beforeCols, at: alignColumns(prevCols, beforeCols) } : undefined,
    asOfDay: periodAsOfDay(previous, today),
    clv,
  };
  const clvModel = model && (usesClv(q.x) || usesClv(q.y)) ? model : null;
  return { period, previous, metrics, clvModel, now, then };
}

/**
 * The customers who ordered in the period placed in the grid, and where they were in the
 * previous period of the same length (through the same bars).
 */
export async function gridState(deps: Deps, ctx: Ctx, q: NinegridQuery): Promise<GridState> {
  const { period, previous, metrics, clvModel, now, then } = await metricSources(deps, ctx, q);
  const cells = currentCells(q, now);
  return {
    period,
    previous,
    asOf: dayToDate(now.asOfDay),
    cols: now.cols,
    ...cells,
    previousCell: previousCells(now.cols, then, cells),
    metrics,
    clvModel,
  };
}
