import type { LifecycleStageKey } from '../../domain/analytics/lifecycle';
import type { Period } from '../../domain/analytics/period';
import { dayToDate } from '../../domain/calendar/time-zone';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { type DrillPage, type DrillPageOptions, drillPage } from './drill';
import { cohortsOf } from './lifecycle-cohorts';
import { type LifecycleQuery, STAGE_KEYS } from './lifecycle-query';
import {
  type LifecycleParameters,
  type LifeState,
  stagePositions,
  stageReasons,
} from './lifecycle-state';

export interface LifecycleStageRow {
  stage: LifecycleStageKey;
  customers: number;
  /** Share of the customers counted (0 when nobody is). */
  share: number;
  /** Revenue of the stage's customers in the period, minor units. */
  revenueMinor: number;
}

export interface LifecycleCohortRow {
  /** Month of the first order, YYYY-MM. */
  month: string;
  customers: number;
  /** active[k]: cohort customers who ordered k months after their first month. */
  active: number[];
  share: number[];
}

export interface LifecycleView {
  period: Period;
  /** The day stages are taken on: the period's last day, or today when that is earlier. */
  asOf: string;
  parameters: LifecycleParameters;
  /** Customers with an order up to the as-of day. */
  customers: number;
  stages: LifecycleStageRow[];
  /** Customers whose first order is in the period, by first month. */
  cohorts: LifecycleCohortRow[];
  /** Silent and at-risk customers, largest revenue first (first page). */
  churnRisk: DrillPage;
}

/** The churn-risk list: silent and at-risk customers, by revenue at stake unless asked otherwise. */
const RISK: LifecycleStageKey[] = ['silent', 'at_risk'];
const FIRST_PAGE: DrillPageOptions = { page: 1, pageSize: 20, sort: 'revenue', order: 'desc' };

/** Customers, share and revenue per stage. */
function stageRows(s: LifeState): { customers: number; stages: LifecycleStageRow[] } {
  const stages: LifecycleStageRow[] = STAGE_KEYS.map((stage) => ({
    stage,
    customers: 0,
    share: 0,
    revenueMinor: 0,
  }));
  let customers = 0;
  for (let i = 0; i < s.cols.n; i++) {
    const k = s.stage[i]!;
    if (k < 0) continue;
    customers++;
    stages[k]!.customers++;
    stages[k]!.revenueMinor += s.cols.revenue[i]!;
  }
  for (const row of stages) row.share = customers ? row.customers / customers : 0;
  return { customers, stages };
}

/** The view of staged customers: stage rows, the cohort table and the churn-risk list's first page. */
export async function lifecycleFigure(
  deps: Deps,
  ctx: Ctx,
  q: LifecycleQuery,
  s: LifeState,
): Promise<LifecycleView> {
  const { customers, stages } = stageRows(s);
  const { rows } = await cohortsOf(deps, ctx, q, s);
  return {
    period: s.period,
    asOf: dayToDate(s.asOfDay),
    parameters: s.parameters,
    customers,
    stages,
    cohorts: rows.map((r) => ({
      month: r.label,
      customers: r.customers,
      active: r.active,
      share: r.share,
    })),
    churnRisk: await drillPage(deps, s.cols, stagePositions(s, RISK), FIRST_PAGE, stageReasons(s)),
  };
}
