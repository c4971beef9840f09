import type { BgNbdFit } from '../../domain/analytics/clv/bgnbd';
import { dayNumber } from '../../domain/analytics/lifecycle/day-number';
import { addDays } from '../../domain/business-date';
import type { ClvModelSettings, ClvWarning } from '../../store/analytics/clv-models.repository';
import type { PredictionColumns } from '../../store/analytics/clv-predictions.repository';
import {
  loadPurchaseColumns,
  type PurchaseColumns,
} from '../../store/analytics/clv-purchases.repository';
import type { Deps } from '../deps';
import { type ClvDistribution, distributionOf } from './clv-distribution';
import { type ClvEvaluation, evaluateCalibration, evaluateHoldout } from './clv-evaluate';
import { concentrated, negativeWarning, type SpendOutcome, spendOutcome } from './clv-fit-checks';
import type { ClvFitReport } from './clv-fit-types';
import { type HistoryColumns, scoringHistories } from './clv-histories';
import { monthLength, monthlyRate, UNIT_DAYS } from './clv-options';
import { type Scores, scoreCustomers } from './clv-score';
import { fitModelsOffThread } from './fit-in-worker';

/**
 * Loading: every customer's purchase days and spend up to the as-of day. Orders with a negative
 * amount are left out and named in a warning.
 */
export async function loadPhase(
  deps: Deps,
  s: ClvModelSettings,
  report: ClvFitReport,
  warnings: ClvWarning[],
): Promise<PurchaseColumns> {
  await report({ phase: 'loading', done: 0, total: 1 });
  const { columns, negative } = await loadPurchaseColumns(
    deps.store.db,
    { asOf: s.asOf, calibrationEnd: s.calibrationEnd },
    { onBatch: (done, total) => report({ phase: 'loading', done, total }) },
  );
  const neg = await negativeWarning(deps, negative);
  if (neg) warnings.push(neg);
  return columns;
}

/** The fitted purchase and spend models, and how the purchase model compares with the data. */
export interface FittedModels {
  bg: BgNbdFit;
  spend: SpendOutcome;
  evaluation: ClvEvaluation;
}

/**
 * Fitting: BG/NBD and Gamma-Gamma on the calibration histories (off the main thread for large
 * fits), checked (see clv-fit-checks.ts), then evaluated on the calibration and holdout periods.
 */
export async function fitPhase(
  cal: HistoryColumns,
  s: ClvModelSettings,
  workerFromCustomers: number | undefined,
  report: ClvFitReport,
  warnings: ClvWarning[],
): Promise<FittedModels> {
  await report({ phase: 'fitting', step: 'bgnbd', done: 0, total: 2 });
  const fits = await fitModelsOffThread(
    { x: cal.x, tX: cal.tX, T: cal.T, zbar: cal.zbar },
    workerFromCustomers,
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
  return { bg, spend, evaluation };
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

/** Every customer's history up to the as-of day, scored, ready to store. */
export interface ScoredCustomers {
  scoring: HistoryColumns;
  distribution: ClvDistribution;
  predictions: PredictionColumns;
}

/**
 * Scoring: every customer on the whole history up to the as-of day, with the fitted parameters
 * (the spend model only when usable), over the horizon; plus the CLV distribution.
 */
export async function scorePhase(
  columns: PurchaseColumns,
  s: ClvModelSettings,
  models: FittedModels,
  report: ClvFitReport,
): Promise<ScoredCustomers> {
  const { bg, spend } = models;
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
  return { scoring, distribution, predictions };
}

/** The stored prediction row of every scored customer, money in minor units. */
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
