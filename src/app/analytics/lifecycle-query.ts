import { z } from 'zod';
import {
  DEFAULT_LIFECYCLE_OPTIONS,
  LIFECYCLE_STAGES,
  type LifecycleStageKey,
} from '../../domain/analytics/lifecycle';
import { analyticsFilterShape } from './analytics-filters';
import { optionalQueryValue, queryNumber } from './analytics-query';
import { drillPageShape } from './drill';

const D = DEFAULT_LIFECYCLE_OPTIONS;

/** Stage keys in stage-index order (new, active, silent, at risk, churned). */
export const STAGE_KEYS = LIFECYCLE_STAGES.map((s) => s.key) as LifecycleStageKey[];

const wholeDays = (field: string, min: number) =>
  queryNumber(field).refine((v) => Number.isInteger(v) && v >= min, {
    message: `${field} must be a whole number of days ≥ ${min}`,
  });
const multiple = (field: string) =>
  queryNumber(field).refine((v) => v > 0, { message: `${field} must be above 0` });

/**
 * Query of the lifecycle view: filters and the stage rules (defaults as in the domain: new for
 * 30 days, silent past 2×, at risk past 3×, churned past 5× the own interval or 365 days).
 */
export const lifecycleQueryShape = {
  ...analyticsFilterShape,
  newDays: optionalQueryValue(wholeDays('newDays', 0)),
  k1: optionalQueryValue(multiple('k1')),
  k2: optionalQueryValue(multiple('k2')),
  k3: optionalQueryValue(multiple('k3')),
  maxDays: optionalQueryValue(wholeDays('maxDays', 1)),
};

type Rules = { k1?: number | undefined; k2?: number | undefined; k3?: number | undefined };

/** k1 < k2 < k3 after defaults, naming the larger one of a pair out of order. */
function checkMultiples(q: Rules, ctx: z.RefinementCtx): void {
  const k1 = q.k1 ?? D.silentMultiple;
  const k2 = q.k2 ?? D.atRiskMultiple;
  const k3 = q.k3 ?? D.churnedMultiple;
  if (!(k2 > k1)) {
    ctx.addIssue({ code: 'custom', path: ['k2'], message: `must be greater than k1 (${k1})` });
  }
  if (!(k3 > k2)) {
    ctx.addIssue({ code: 'custom', path: ['k3'], message: `must be greater than k2 (${k2})` });
  }
}

/** The lifecycle query, multiples checked. */
export const lifecycleSchema = z.object(lifecycleQueryShape).superRefine(checkMultiples);
export type LifecycleQuery = z.output<typeof lifecycleSchema>;

const stageList = z.string().transform((text, ctx) => {
  const keys = text.split(',').map((v) => v.trim());
  const bad = keys.filter((k) => !(STAGE_KEYS as string[]).includes(k));
  if (bad.length > 0) {
    ctx.addIssue({
      code: 'custom',
      message: `stage must be one or more of ${STAGE_KEYS.join(', ')}, comma-separated`,
    });
    return z.NEVER;
  }
  return keys as LifecycleStageKey[];
});

/** The drill-down query: the view's query, paging, and stages or a cohort (with an offset). */
export const lifecycleDrillSchema = z
  .object({
    ...lifecycleQueryShape,
    ...drillPageShape,
    stage: optionalQueryValue(stageList),
    cohort: optionalQueryValue(
      z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'cohort must be a month YYYY-MM'),
    ),
    offset: optionalQueryValue(
      z.coerce
        .number({ error: 'offset must be a number' })
        .int('offset must be a whole number of months')
        .min(0, 'offset must be at least 0'),
    ),
  })
  .superRefine(checkMultiples)
  .superRefine((q, ctx) => {
    if ((q.stage === undefined) === (q.cohort === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['stage'], message: 'give either stage or cohort' });
    }
    if (q.offset !== undefined && q.cohort === undefined) {
      ctx.addIssue({ code: 'custom', path: ['cohort'], message: 'is needed with offset' });
    }
  });
export type LifecycleDrillQuery = z.output<typeof lifecycleDrillSchema>;
