import {
  type BgNbdFit,
  bgnbdTotalLogLikelihood,
  MIN_REPEAT_BUYERS,
} from '../../domain/analytics/clv/bgnbd';
import type { GammaGammaFit } from '../../domain/analytics/clv/gamma-gamma';
import { dayNumber } from '../../domain/analytics/lifecycle/day-number';
import { addDays } from '../../domain/business-date';
import { validationError } from '../../domain/errors';
import {
  type ClvModel,
  type ClvModelSettings,
  type ClvWarning,
  failModel,
  failOrphanedModels,
  findModelByJob,
  finishModel,
  insertRunningModel,
  pruneOldPredictions,
  restartModel,
} from '../../store/analytics/clv-models.repository';
import {
  type PredictionColumns,
  writePredictions,
} from '../../store/analytics/clv-predictions.repository';
import {
  customerCodes,
  loadPurchaseColumns,
  type NegativeOrders,
} from '../../store/analytics/clv-purchases.repository';
import { openWriteSession } from '../../store/write-session';
import { writeAudit } from '../audit';
import { businessToday } from '../business-today';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { requirePermission } from '../guard';
import { dispatchEvent } from '../notifications/dispatch';
import { parseInput } from '../parse';
import { MAX_CONCENTRATION, tameBgNbd } from './clv-degenerate';
import { distributionOf } from './clv-distribution';
import { type ClvEvaluation, evaluateCalibration, evaluateHoldout } from './clv-evaluate';
import {
  calibrationHistories,
  type HistoryColumns,
  repeatCount,
  scoringHistories,
} from './clv-histories';
import {
  type ClvFitInput,
  clvFitInput,
  fitSettings,
  monthLength,
  monthlyRate,
  UNIT_DAYS,
} from './clv-options';
import { type Scores, scoreCustomers } from './clv-score';
import { fitModelsOffThread } from './fit-in-worker';

/** Finished models whose per-customer predictions are kept; older ones keep only their row. */
export const KEPT_MODELS = 3;

/** Event kinds a fit sends to the person who asked for it (inbox, webhooks, e-mail). */
export const CLV_FITTED = 'clv.fitted';
export const CLV_FIT_FAILED = 'clv.fit_failed';

export type ClvFitPhase = 'loading' | 'fitting' | 'scoring' | 'storing' | 'done';

/** What a fit reports while it works (the job's progress, the CLI's bar). */
export interface ClvFitProgress {
  modelId: number;
  phase: ClvFitPhase;
  done: number;
  total: number;
  /** Which model is being fitted, in the fitting phase. */
  step?: 'bgnbd' | 'gamma_gamma';
  /** Optimiser iterations of the last finished fit. */
  iteration?: number;
}

export interface ClvFitRunOptions {
  /** The job running the fit: a second attempt of the same job finds its model row again. */
  jobId?: number | null;
  /** Who asked (told when it ends; the model's created_by). Defaults to the actor. */
  requestedBy?: number | null;
  onProgress?: (p: ClvFitProgress) => Promise<void> | void;
  /** Customers from which the fits run in a worker thread (default 50,000; see fit-in-worker). */
  workerFromCustomers?: number;
}

/** What a finished fit returns (and the job keeps as its result). */
export interface ClvFitResult {
  modelId: number;
  asOf: string;
  calibrationEnd: string;
  customers: number;
  repeatCustomers: number;
  scoredCustomers: number;
  bgnbd: ClvModel['bgnbd'];
  gammaGamma: ClvModel['gammaGamma'];
  warnings: string[];
}

function resultOf(m: ClvModel): ClvFitResult {
  return {
    modelId: m.id,
    asOf: m.asOf,
    calibrationEnd: m.calibrationEnd,
    customers: m.customers,
    repeatCustomers: m.repeatCustomers,
    scoredCustomers: m.scoredCustomers,
    bgnbd: m.bgnbd,
    gammaGamma: m.gammaGamma,
    warnings: m.warnings.map((w) => w.code),
  };
}

/** The model row this fit writes to: its job's earlier row, or a new one. */
async function modelRow(
  deps: Deps,
  settings: ClvModelSettings,
  jobId: number | null,
  createdBy: number | null,
  at: string,
): Promise<{ id: number; finished?: ClvModel }> {
  const db = deps.store.db;
  await failOrphanedModels(db, at);
  if (jobId !== null) {
    const earlier = await findModelByJob(db, jobId);
    if (earlier?.status === 'finished') return { id: earlier.id, finished: earlier };
    if (earlier) {
      await restartModel(db, earlier.id, settings, at);
      return { id: earlier.id };
    }
  }
  return { id: await insertRunningModel(db, settings, { jobId, createdBy, at }) };
}

async function negativeWarning(
  deps: Deps,
  negative: NegativeOrders,
): Promise<ClvWarning | undefined> {
  if (negative.orders === 0) return undefined;
  const codes = await customerCodes(deps.store.db, negative.sampleCustomerIds);
  return {
    code: 'negative_amounts',
    message:
      `${negative.orders} orders with a negative amount (returns or credit notes) of ` +
      `${negative.customers} customers were left out: they count neither as purchases nor as spend`,
    orders: negative.orders,
    customers: negative.customers,
    customerCodes: negative.sampleCustomerIds.map((id) => codes.get(id) ?? String(id)),
  };
}

/** Refuses a fit the data cannot identify, naming the figure. */
function requireRepeatBuyers(repeaters: number, customers: number, calibrationEnd: string): void {
  if (repeaters >= MIN_REPEAT_BUYERS) return;
  throw validationError(
    `Too few repeat customers to fit: ${repeaters} of ${customers} customers bought on more ` +
      `than one day up to ${calibrationEnd}; the model needs at least ${MIN_REPEAT_BUYERS}`,
    [
      {
        field: 'repeatCustomers',
        message: `only ${repeaters} customers have a repeat purchase day up to ${calibrationEnd}`,
        value: repeaters,
        expected: `>= ${MIN_REPEAT_BUYERS}`,
      },
    ],
  );
}

/**
 * What the spend fit gives the scores, or why there is none: every repeat spend zero (or too
 * few repeat buyers with a positive spend) leaves the purchase model standing and CLV empty.
 */
function spendOutcome(
  fit: GammaGammaFit | null,
  h: HistoryColumns,
  warnings: ClvWarning[],
): { fit: GammaGammaFit | null; usable: boolean } {
  if (!fit) {
    let positive = 0;
    for (let i = 0; i < h.n; i++) if (h.x[i]! > 0 && h.zbar[i]! > 0) positive++;
    warnings.push({
      code: 'spend_not_fitted',
      message:
        `Spend was not modelled: ${positive} repeat customers have a positive repeat spend and ` +
        `the spend model needs at least ${MIN_REPEAT_BUYERS}; expected spend and CLV are empty`,
      positiveSpendCustomers: positive,
    });
    return { fit: null, usable: false };
  }
  if (!fit.converged) {
    warnings.push({
      code: 'spend_not_converged',
      message: `The spend model stopped after ${fit.iterations} iterations before converging`,
      iterations: fit.iterations,
    });
  }
  if (fit.params.q <= 1) {
    // E[M] = p(γ + x z̄)/(px + q − 1) has no population mean for q ≤ 1.
    warnings.push({
      code: 'spend_unbounded',
      message:
        `The fitted spend model has q = ${fit.params.q.toFixed(3)} ≤ 1, for which the mean ` +
        'spend does not exist (a few huge spenders); expected spend and CLV are empty',
      q: fit.params.q,
    });
    return { fit, usable: false };
  }
  return { fit, usable: true };
}

/**
 * The purchase model as stored: the fit, with a run-away dropout or rate distribution scaled
 * back (see clv-degenerate.ts) and its log-likelihood recomputed; warnings say what happened.
 */
function concentrated(fit: BgNbdFit, h: HistoryColumns, warnings: ClvWarning[]): BgNbdFit {
  const tamed = tameBgNbd(fit.params);
  if (!tamed.dropout && !tamed.rate) {
    if (!fit.converged) {
      warnings.push({
        code: 'bgnbd_not_converged',
        message: `The purchase model stopped after ${fit.iterations} iterations before converging`,
        iterations: fit.iterations,
      });
    }
    return fit;
  }
  const summaries = Array.from({ length: h.n }, (_, i) => ({
    x: h.x[i]!,
    tX: h.tX[i]!,
    T: h.T[i]!,
  }));
  const logLikelihood = bgnbdTotalLogLikelihood(tamed.params, summaries);
  const what = [
    tamed.dropout &&
      `the same dropout probability (a = ${tamed.dropout.a.toPrecision(3)}, b = ${tamed.dropout.b.toPrecision(3)})`,
    tamed.rate &&
      `the same purchase rate (r = ${tamed.rate.r.toPrecision(3)}, α = ${tamed.rate.alpha.toPrecision(3)})`,
  ]
    .filter(Boolean)
    .join(' and ');
  warnings.push({
    code: 'bgnbd_concentrated',
    message:
      `The customers behave almost alike: the fit drifted towards ${what}. The model keeps ` +
      `the same means at a concentration of ${MAX_CONCENTRATION}, which lowers the ` +
      `log-likelihood by ${(fit.logLikelihood - logLikelihood).toFixed(3)}`,
    fitted: { ...tamed.dropout, ...tamed.rate },
    logLikelihoodChange: logLikelihood - fit.logLikelihood,
  });
  return { ...fit, params: tamed.params, logLikelihood };
}

/** Every number in a JSON-like value is finite. */
function allFinite(v: unknown): boolean {
  if (typeof v === 'number') return Number.isFinite(v);
  if (Array.isArray(v)) return v.every(allFinite);
  if (v && typeof v === 'object') return Object.values(v).every(allFinite);
  return true;
}

/** Calibration and holdout comparisons; a part the model cannot compute is left out, warned. */
function evaluate(
  p: BgNbdFit['params'],
  cal: HistoryColumns,
  s: ClvModelSettings,
  warnings: ClvWarning[],
): ClvEvaluation {
  const calibration = evaluateCalibration(p, cal);
  const holdout =
    s.holdoutWeeks > 0
      ? evaluateHoldout(p, cal, {
          weeks: s.holdoutWeeks,
          length: (7 * s.holdoutWeeks) / UNIT_DAYS[s.unit],
          from: addDays(s.calibrationEnd, 1),
          to: s.asOf,
        })
      : null;
  const evaluation: ClvEvaluation = { calibration, holdout };
  if (allFinite(evaluation)) return evaluation;
  warnings.push({
    code: 'evaluation_unavailable',
    message: 'The model could not compute its calibration or holdout comparison on this data',
  });
  return {
    calibration: allFinite(calibration) ? calibration : null,
    holdout: holdout && allFinite(holdout) ? holdout : null,
  };
}

function predictionColumns(
  h: HistoryColumns,
  s: Scores,
  repeatMinor: Float64Array,
): PredictionColumns {
  const monetaryMinor = new Float64Array(h.n);
  for (let i = 0; i < h.n; i++) {
    const x = h.x[i]!;
    monetaryMinor[i] = x > 0 ? repeatMinor[h.source[i]!]! / x : 0;
  }
  return {
    n: h.n,
    customerIds: h.customerIds,
    x: h.x,
    tX: h.tX,
    T: h.T,
    monetaryMinor,
    pAlive: s.pAlive,
    expectedPurchases: s.expectedPurchases,
    expectedSpendMinor: s.expectedSpend ? s.expectedSpend.map((v) => v * 100) : null,
    clvMinor: s.clv ? s.clv.map((v) => v * 100) : null,
  };
}

/**
 * Fits BG/NBD and Gamma-Gamma on every customer's purchase days up to the calibration end,
 * scores every customer as of the as-of day, and stores the model and all predictions in one
 * transaction (older models beyond the newest {@link KEPT_MODELS} lose their predictions in the
 * same transaction). Progress is reported through loading, fitting, scoring and storing.
 *
 * With a holdout the parameters come from the calibration period only (so the holdout
 * comparison is honest) and each customer is scored on the whole history up to the as-of day.
 *
 * Bad input: fewer than {@link MIN_REPEAT_BUYERS} repeat customers is a VALIDATION error naming
 * the figure (the model row is kept as failed, with the reason); spend that cannot be fitted
 * (all zero) leaves spend and CLV empty with a warning; negative orders are left out and named
 * in a warning. Needs analytics.manage (the system actor may always).
 */
export async function runClvFit(
  deps: Deps,
  ctx: Ctx,
  raw: ClvFitInput,
  opts: ClvFitRunOptions = {},
): Promise<ClvFitResult> {
  requirePermission(ctx, 'analytics.manage');
  const o = parseInput(clvFitInput, raw, 'Invalid lifetime-value fit');
  const s = fitSettings(o, businessToday(deps, ctx));
  const requestedBy = opts.requestedBy === undefined ? ctx.actor.id : opts.requestedBy;
  const at = () => ctx.now().toISOString();
  const row = await modelRow(deps, s, opts.jobId ?? null, requestedBy, at());
  if (row.finished) return resultOf(row.finished);
  const modelId = row.id;
  const report = async (p: Omit<ClvFitProgress, 'modelId'>) => opts.onProgress?.({ modelId, ...p });
  const warnings: ClvWarning[] = [];
  const counts = { customers: 0, repeatCustomers: 0 };
  try {
    await report({ phase: 'loading', done: 0, total: 1 });
    const db = deps.store.db;
    const { columns, negative } = await loadPurchaseColumns(
      db,
      { asOf: s.asOf, calibrationEnd: s.calibrationEnd },
      { onBatch: (done, total) => report({ phase: 'loading', done, total }) },
    );
    const neg = await negativeWarning(deps, negative);
    if (neg) warnings.push(neg);

    const cal = calibrationHistories(columns, dayNumber(s.calibrationEnd), s.unit);
    counts.customers = cal.n;
    counts.repeatCustomers = repeatCount(cal);
    requireRepeatBuyers(counts.repeatCustomers, cal.n, s.calibrationEnd);

    await report({ phase: 'fitting', step: 'bgnbd', done: 0, total: 2 });
    const fits = await fitModelsOffThread(
      { x: cal.x, tX: cal.tX, T: cal.T, zbar: cal.zbar },
      opts.workerFromCustomers,
    );
    const bg = concentrated(fits.bgnbd, cal, warnings);
    const spend = spendOutcome(fits.gammaGamma, cal, warnings);
    await report({
      phase: 'fitting',
      done: 2,
      total: 2,
      iteration: bg.iterations + (spend.fit?.iterations ?? 0),
    });
    const evaluation = evaluate(bg.params, cal, s, warnings);

    const scoring = scoringHistories(columns, dayNumber(s.asOf), s.unit);
    const scores = await scoreCustomers(
      bg.params,
      spend.usable && spend.fit ? spend.fit.params : null,
      scoring,
      {
        periods: s.horizonMonths,
        periodLength: monthLength(s.unit),
        discountRate: monthlyRate(s.discountRate),
        margin: s.margin ?? 1,
      },
      (done, total) => report({ phase: 'scoring', done, total }),
    );
    const distribution = distributionOf(scores);
    const predictions = predictionColumns(scoring, scores, columns.repeatMinor);

    await report({ phase: 'storing', done: 0, total: predictions.n });
    const gg = spend.fit;
    const result = {
      customers: cal.n,
      repeatCustomers: counts.repeatCustomers,
      scoredCustomers: scoring.n,
      bgnbd: { ...bg.params, logLikelihood: bg.logLikelihood, iterations: bg.iterations },
      gammaGamma: gg
        ? {
            ...gg.params,
            logLikelihood: gg.logLikelihood,
            iterations: gg.iterations,
            customers: gg.customers,
          }
        : null,
      evaluation,
      distribution,
      warnings,
    };
    await store(deps, ctx, modelId, predictions, result, requestedBy, s, at);
    await report({ phase: 'done', done: predictions.n, total: predictions.n });
    return {
      modelId,
      asOf: s.asOf,
      calibrationEnd: s.calibrationEnd,
      ...result,
      warnings: warnings.map((w) => w.code),
    };
  } catch (e) {
    await recordFailure(deps, ctx, modelId, e, counts, warnings, requestedBy, s, at());
    throw e;
  }
}

/**
 * Writes the predictions, finishes the model row, drops the oldest predictions, audits and
 * tells the requester, all in one transaction on a connection of its own (on SQLite the main
 * connection keeps serving reads meanwhile). Nothing else is written to the database while the
 * transaction is open: on SQLite a progress write on another connection would wait for its lock.
 */
async function store(
  deps: Deps,
  ctx: Ctx,
  modelId: number,
  predictions: PredictionColumns,
  result: Parameters<typeof finishModel>[2],
  requestedBy: number | null,
  s: ClvModelSettings,
  at: () => string,
): Promise<void> {
  const session = await openWriteSession(deps.store, { bulk: true });
  try {
    await writePredictions(session, modelId, predictions);
    await finishModel(session.db, modelId, result, at());
    const pruned = await pruneOldPredictions(session.db, KEPT_MODELS);
    const after = {
      asOf: s.asOf,
      calibrationEnd: s.calibrationEnd,
      holdoutWeeks: s.holdoutWeeks,
      unit: s.unit,
      horizonMonths: s.horizonMonths,
      discountRate: s.discountRate,
      margin: s.margin,
      customers: result.customers,
      repeatCustomers: result.repeatCustomers,
      scoredCustomers: result.scoredCustomers,
      bgnbd: result.bgnbd,
      gammaGamma: result.gammaGamma,
      warnings: result.warnings.map((w) => w.code),
      requestedBy,
      predictionsRemovedFor: pruned,
    };
    await writeAudit(session.db, ctx, {
      action: 'clv.fit',
      entity: 'clv_model',
      entityId: modelId,
      after,
    });
    await dispatchEvent(session.db, ctx, {
      kind: CLV_FITTED,
      entity: 'clv_model',
      entityId: modelId,
      payload: {
        modelId,
        asOf: s.asOf,
        customers: result.scoredCustomers,
        repeatCustomers: result.repeatCustomers,
        spendModel: result.gammaGamma !== null,
        warnings: result.warnings.map((w) => w.code),
      },
      userIds: requestedBy === null ? [] : [requestedBy],
    });
    await session.commit();
  } catch (e) {
    await session.rollback();
    throw e;
  }
}

/** Marks the model failed, audits it and tells the requester; never hides the first error. */
async function recordFailure(
  deps: Deps,
  ctx: Ctx,
  modelId: number,
  error: unknown,
  counts: { customers: number; repeatCustomers: number },
  warnings: ClvWarning[],
  requestedBy: number | null,
  s: ClvModelSettings,
  at: string,
): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  try {
    await deps.store.db.transaction().execute(async (trx) => {
      await failModel(trx, modelId, message, { ...counts, warnings }, at);
      await writeAudit(trx, ctx, {
        action: 'clv.fit_failed',
        entity: 'clv_model',
        entityId: modelId,
        after: { asOf: s.asOf, calibrationEnd: s.calibrationEnd, error: message, requestedBy },
      });
      await dispatchEvent(trx, ctx, {
        kind: CLV_FIT_FAILED,
        entity: 'clv_model',
        entityId: modelId,
        payload: { modelId, asOf: s.asOf, error: message },
        userIds: requestedBy === null ? [] : [requestedBy],
      });
    });
  } catch {
    // The fit's own error is what the caller must see; a failed bookkeeping write is secondary.
  }
}
