import {
  type BgNbdFit,
  bgnbdTotalLogLikelihood,
  MIN_REPEAT_BUYERS,
} from '../../domain/analytics/clv/bgnbd';
import type { GammaGammaFit } from '../../domain/analytics/clv/gamma-gamma';
import { validationError } from '../../domain/errors';
import type { ClvWarning } from '../../store/analytics/clv-models.repository';
import { customerCodes, type NegativeOrders } from '../../store/analytics/clv-purchases.repository';
import type { Deps } from '../deps';
import { MAX_CONCENTRATION, tameBgNbd } from './clv-degenerate';
import type { HistoryColumns } from './clv-histories';

/** The warning for orders with a negative amount left out of the fit, naming a few customers. */
export async function negativeWarning(
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
export function requireRepeatBuyers(
  repeaters: number,
  customers: number,
  calibrationEnd: string,
): void {
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

/** The spend fit and whether the scores may use it. */
export interface SpendOutcome {
  fit: GammaGammaFit | null;
  usable: boolean;
}

/**
 * What the spend fit gives the scores, or why there is none: every repeat spend zero (or too
 * few repeat buyers with a positive spend) leaves the purchase model standing and CLV empty.
 */
export function spendOutcome(
  fit: GammaGammaFit | null,
  h: HistoryColumns,
  warnings: ClvWarning[],
): SpendOutcome {
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
export function concentrated(fit: BgNbdFit, h: HistoryColumns, warnings: ClvWarning[]): BgNbdFit {
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
