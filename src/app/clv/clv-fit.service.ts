import type { MIN_REPEAT_BUYERS } from '../../domain/analytics/clv/bgnbd';
import { dayNumber } from '../../domain/analytics/lifecycle/day-number';
import type { ClvModelResult, ClvWarning } from '../../store/analytics/clv-models.repository';
import { businessToday } from '../business-today';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { requirePermission } from '../guard';
import { parseInput } from '../parse';
import { requireRepeatBuyers } from './clv-fit-checks';
import { recordFailure } from './clv-fit-failure';
import { modelRow, resultOf } from './clv-fit-model-row';
import { fitPhase, loadPhase, scorePhase } from './clv-fit-phases';
import { type KEPT_MODELS, storeFit } from './clv-fit-store';
import type { ClvFitReport, ClvFitResult, ClvFitRunOptions } from './clv-fit-types';
import { calibrationHistories, repeatCount } from './clv-histories';
import { type ClvFitInput, clvFitInput, fitSettings } from './clv-options';

// The fit's public names stay importable from here, where callers look for the fit.
export { CLV_FIT_FAILED } from './clv-fit-failure';
export { CLV_FITTED, KEPT_MODELS } from './clv-fit-store';
export type {
  ClvFitPhase,
  ClvFitProgress,
  ClvFitResult,
  ClvFitRunOptions,
} from './clv-fit-types';

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
  const report: ClvFitReport = async (p) => opts.onProgress?.({ modelId, ...p });
  const warnings: ClvWarning[] = [];
  // Filled in as soon as known, so a failed model row still says how many customers it saw.
  const counts = { customers: 0, repeatCustomers: 0 };
  try {
    const columns = await loadPhase(deps, s, report, warnings);

    const cal = calibrationHistories(columns, dayNumber(s.calibrationEnd), s.unit);
    counts.customers = cal.n;
    counts.repeatCustomers = repeatCount(cal);
    requireRepeatBuyers(counts.repeatCustomers, cal.n, s.calibrationEnd);

    const models = await fitPhase(cal, s, opts.workerFromCustomers, report, warnings);
    const { scoring, distribution, predictions } = await scorePhase(columns, s, models, report);

    await report({ phase: 'storing', done: 0, total: predictions.n });
    const { bg, evaluation } = models;
    const gg = models.spend.fit;
    const result: ClvModelResult = {
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
    await storeFit(deps, ctx, modelId, predictions, result, requestedBy, s, at);
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
