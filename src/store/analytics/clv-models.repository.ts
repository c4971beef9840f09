import type { Kysely, Selectable } from 'kysely';
import { dateText, instantText, instantTextOrNull } from '../row-values';
import type { DB } from '../schema';
import type { ClvModelsTable } from './clv.tables';

export type ClvModelStatus = 'running' | 'finished' | 'failed';
export type ClvTimeUnit = 'days' | 'weeks' | 'months';

/** How a model was asked for. */
export interface ClvModelSettings {
  asOf: string;
  calibrationEnd: string;
  holdoutWeeks: number;
  unit: ClvTimeUnit;
  horizonMonths: number;
  discountRate: number;
  margin: number | null;
}

/** A warning stored with a model: a stable code, a sentence, and the figures behind it. */
export interface ClvWarning {
  code: string;
  message: string;
  [detail: string]: unknown;
}

/** What a finished fit stores on its model row. */
export interface ClvModelResult {
  customers: number;
  repeatCustomers: number;
  scoredCustomers: number;
  bgnbd: {
    r: number;
    alpha: number;
    a: number;
    b: number;
    logLikelihood: number;
    iterations: number;
  };
  gammaGamma: {
    p: number;
    q: number;
    gamma: number;
    logLikelihood: number;
    iterations: number;
    customers: number;
  } | null;
  evaluation: unknown;
  distribution: unknown;
  warnings: ClvWarning[];
}

/** A model as the app reads it. */
export interface ClvModel extends ClvModelSettings {
  id: number;
  status: ClvModelStatus;
  customers: number;
  repeatCustomers: number;
  scoredCustomers: number;
  bgnbd: ClvModelResult['bgnbd'] | null;
  gammaGamma: ClvModelResult['gammaGamma'];
  evaluation: unknown;
  distribution: unknown;
  warnings: ClvWarning[];
  error: string | null;
  predictionsKept: boolean;
  jobId: number | null;
  createdBy: number | null;
  createdAt: string;
  finishedAt: string | null;
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

function toModel(r: Selectable<ClvModelsTable>): ClvModel {
  const bg =
    r.bg_r === null
      ? null
      : {
          r: Number(r.bg_r),
          alpha: Number(r.bg_alpha),
          a: Number(r.bg_a),
          b: Number(r.bg_b),
          logLikelihood: Number(r.bg_log_likelihood),
          iterations: Number(r.bg_iterations),
        };
  const gg =
    r.gg_p === null
      ? null
      : {
          p: Number(r.gg_p),
          q: Number(r.gg_q),
          gamma: Number(r.gg_gamma),
          logLikelihood: Number(r.gg_log_likelihood),
          iterations: Number(r.gg_iterations),
          customers: Number(r.gg_customers),
        };
  return {
    id: Number(r.id),
    status: r.status as ClvModelStatus,
    asOf: dateText(r.as_of),
    calibrationEnd: dateText(r.calibration_end),
    holdoutWeeks: Number(r.holdout_weeks),
    unit: r.time_unit as ClvTimeUnit,
    horizonMonths: Number(r.horizon_months),
    discountRate: Number(r.discount_rate),
    margin: num(r.margin),
    customers: Number(r.customers),
    repeatCustomers: Number(r.repeat_customers),
    scoredCustomers: Number(r.scored_customers),
    bgnbd: bg,
    gammaGamma: gg,
    evaluation: r.evaluation === null ? null : JSON.parse(r.evaluation),
    distribution: r.distribution === null ? null : JSON.parse(r.distribution),
    warnings: JSON.parse(r.warnings || '[]') as ClvWarning[],
    error: r.error,
    predictionsKept: Number(r.predictions_kept) === 1,
    jobId: num(r.job_id),
    createdBy: num(r.created_by),
    createdAt: instantText(r.created_at),
    finishedAt: instantTextOrNull(r.finished_at),
  };
}

/** Writes a model row in state 'running'; returns its id. */
export async function insertRunningModel(
  db: Kysely<DB>,
  s: ClvModelSettings,
  meta: { jobId: number | null; createdBy: number | null; at: string },
): Promise<number> {
  const row = await db
    .insertInto('clv_models')
    .values({
      status: 'running',
      as_of: s.asOf,
      calibration_end: s.calibrationEnd,
      holdout_weeks: s.holdoutWeeks,
      time_unit: s.unit,
      horizon_months: s.horizonMonths,
      discount_rate: s.discountRate,
      margin: s.margin,
      customers: 0,
      repeat_customers: 0,
      scored_customers: 0,
      warnings: '[]',
      predictions_kept: 0,
      job_id: meta.jobId,
      created_by: meta.createdBy,
      created_at: meta.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** The model a job wrote, if any (a job attempt that is run again finds its own row). */
export async function findModelByJob(db: Kysely<DB>, jobId: number): Promise<ClvModel | undefined> {
  const r = await db
    .selectFrom('clv_models')
    .selectAll()
    .where('job_id', '=', jobId)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return r && toModel(r);
}

/** Sets a running model back to running with fresh settings (a job's second attempt). */
export async function restartModel(
  db: Kysely<DB>,
  id: number,
  s: ClvModelSettings,
  at: string,
): Promise<void> {
  await db
    .updateTable('clv_models')
    .set({
      status: 'running',
      as_of: s.asOf,
      calibration_end: s.calibrationEnd,
      holdout_weeks: s.holdoutWeeks,
      time_unit: s.unit,
      horizon_months: s.horizonMonths,
      discount_rate: s.discountRate,
      margin: s.margin,
      error: null,
      created_at: at,
      finished_at: null,
    })
    .where('id', '=', id)
    .execute();
}

/** Stores a finished fit on its model row (inside the transaction that stores the predictions). */
export async function finishModel(
  db: Kysely<DB>,
  id: number,
  r: ClvModelResult,
  at: string,
): Promise<void> {
  const gg = r.gammaGamma;
  await db
    .updateTable('clv_models')
    .set({
      status: 'finished',
      customers: r.customers,
      repeat_customers: r.repeatCustomers,
      scored_customers: r.scoredCustomers,
      bg_r: r.bgnbd.r,
      bg_alpha: r.bgnbd.alpha,
      bg_a: r.bgnbd.a,
      bg_b: r.bgnbd.b,
      bg_log_likelihood: r.bgnbd.logLikelihood,
      bg_iterations: r.bgnbd.iterations,
      gg_p: gg?.p ?? null,
      gg_q: gg?.q ?? null,
      gg_gamma: gg?.gamma ?? null,
      gg_log_likelihood: gg?.logLikelihood ?? null,
      gg_iterations: gg?.iterations ?? null,
      gg_customers: gg?.customers ?? null,
      evaluation: JSON.stringify(r.evaluation),
      distribution: JSON.stringify(r.distribution),
      warnings: JSON.stringify(r.warnings),
      error: null,
      predictions_kept: 1,
      finished_at: at,
    })
    .where('id', '=', id)
    .execute();
}

/** Marks a model failed with the reason (what was learnt before the failure is kept). */
export async function failModel(
  db: Kysely<DB>,
  id: number,
  error: string,
  extra: { customers?: number; repeatCustomers?: number; warnings?: ClvWarning[] },
  at: string,
): Promise<void> {
  await db
    .updateTable('clv_models')
    .set({
      status: 'failed',
      error: error.slice(0, 2000),
      ...(extra.customers !== undefined ? { customers: extra.customers } : {}),
      ...(extra.repeatCustomers !== undefined ? { repeat_customers: extra.repeatCustomers } : {}),
      ...(extra.warnings ? { warnings: JSON.stringify(extra.warnings) } : {}),
      predictions_kept: 0,
      finished_at: at,
    })
    .where('id', '=', id)
    .execute();
}

/** One model. */
export async function findModel(db: Kysely<DB>, id: number): Promise<ClvModel | undefined> {
  const r = await db.selectFrom('clv_models').selectAll().where('id', '=', id).executeTakeFirst();
  return r && toModel(r);
}

/** The newest finished model whose predictions are kept: the one pages and metrics read. */
export async function latestFinishedModel(db: Kysely<DB>): Promise<ClvModel | undefined> {
  const r = await db
    .selectFrom('clv_models')
    .selectAll()
    .where('status', '=', 'finished')
    .where('predictions_kept', '=', 1)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r && toModel(r);
}

/** Models newest first, a page at a time. */
export async function listModels(
  db: Kysely<DB>,
  page: { limit: number; offset: number },
): Promise<{ items: ClvModel[]; total: number }> {
  const [rows, count] = await Promise.all([
    db
      .selectFrom('clv_models')
      .selectAll()
      .orderBy('id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    db
      .selectFrom('clv_models')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toModel), total: Number(count.n) };
}

/**
 * Deletes the predictions of every finished model but the newest `keep` (their model rows stay,
 * marked as without predictions), so storage holds at most `keep` models' customers. Run in the
 * transaction that stores a new model. Returns the models whose predictions went.
 */
export async function pruneOldPredictions(db: Kysely<DB>, keep: number): Promise<number[]> {
  const kept = await db
    .selectFrom('clv_models')
    .select('id')
    .where('status', '=', 'finished')
    .where('predictions_kept', '=', 1)
    .orderBy('id', 'desc')
    .execute();
  const old = kept.slice(keep).map((r) => Number(r.id));
  for (const id of old) {
    await db.deleteFrom('customer_clv').where('model_id', '=', id).execute();
    await db.updateTable('clv_models').set({ predictions_kept: 0 }).where('id', '=', id).execute();
  }
  return old;
}

/**
 * Marks failed the models still 'running' whose job has ended (the process running the fit
 * died, and the runner failed the abandoned job), so the models list does not show them as
 * running for ever. Fits run by the CLI have no job and are left alone.
 */
export async function failOrphanedModels(db: Kysely<DB>, at: string): Promise<number> {
  const r = await db
    .updateTable('clv_models')
    .set({ status: 'failed', error: 'The fit stopped before it finished', finished_at: at })
    .where('status', '=', 'running')
    .where('job_id', 'in', (eb) =>
      eb.selectFrom('jobs').select('id').where('status', 'in', ['failed', 'done']),
    )
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
