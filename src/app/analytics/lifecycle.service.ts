import type { Readable } from 'node:stream';
import { z } from 'zod';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import type { ExportFormat } from '../export/table-writer';
import { requirePermission } from '../guard';
import { parseInput } from '../parse';
import type { Lang } from './drill';
import { lifecycleDrill } from './lifecycle-drill';
import { LIFECYCLE_TABLES, writeLifecycle } from './lifecycle-export';
import { type LifecycleView, lifecycleFigure } from './lifecycle-figure';
import { lifecycleSchema } from './lifecycle-query';
import { lifeState } from './lifecycle-state';
import type { DrillExportHandler, DrillPageHandler } from './view-drill';

export { LIFECYCLE_TABLES } from './lifecycle-export';
export type { LifecycleCohortRow, LifecycleStageRow, LifecycleView } from './lifecycle-figure';
export { lifecycleQueryShape } from './lifecycle-query';
export type { LifecycleParameters } from './lifecycle-state';

/**
 * The lifecycle view: each customer's stage (new, active, silent, at risk, churned) from its own
 * purchase rhythm on the period's last day, with counts and revenue per stage; the cohort
 * retention table of the customers whose first order is in the period; and the first page of
 * the churn-risk list (silent and at-risk customers by revenue, each with its reason). Needs
 * 'analytics.read'.
 */
export async function lifecycleView(deps: Deps, ctx: Ctx, input: unknown): Promise<LifecycleView> {
  requirePermission(ctx, 'analytics.read');
  const q = parseInput(lifecycleSchema, input, 'The lifecycle query is not valid');
  return lifecycleFigure(deps, ctx, q, await lifeState(deps, ctx, q));
}

/**
 * The customers behind a stage (`stage=silent,at_risk` for the churn-risk list) or a cohort cell
 * (`cohort=2026-03&offset=2`: the March cohort's customers who ordered in May; no offset: the
 * whole cohort), as the shared drill-down page with {stage, daysSince, intervalDays,
 * ownInterval, multiple} per customer. Needs 'analytics.read'.
 */
export const lifecycleCustomers: DrillPageHandler = lifecycleDrill.page;

/**
 * The customers behind a stage or cohort cell as CSV or XLSX, with stage and reason columns.
 * Needs 'analytics.read' and 'customers.export'.
 */
export const exportLifecycleCustomers: DrillExportHandler = lifecycleDrill.export;

const tableSchema = z
  .enum(LIFECYCLE_TABLES, { error: `table must be one of ${LIFECYCLE_TABLES.join(', ')}` })
  .default('stages');

/**
 * One table of the lifecycle view as CSV or XLSX (`table=stages`: customers, share and revenue
 * per stage; `table=cohorts`: the retention table, shares in %, a column per month after the
 * first). Needs 'analytics.read'.
 */
export async function exportLifecycle(
  deps: Deps,
  ctx: Ctx,
  input: unknown,
  format: ExportFormat,
  lang: Lang,
): Promise<Readable> {
  const { table, ...rest } = input as Record<string, unknown>;
  const which = parseInput(
    z.object({ table: tableSchema }),
    { table },
    'The lifecycle export is not valid',
  ).table;
  return writeLifecycle(await lifecycleView(deps, ctx, rest), which, format, lang);
}
