import {
  type ClvModelResult,
  type ClvModelSettings,
  finishModel,
  pruneOldPredictions,
} from '../../store/analytics/clv-models.repository';
import {
  type PredictionColumns,
  writePredictions,
} from '../../store/analytics/clv-predictions.repository';
import { openWriteSession } from '../../store/write-session';
import { writeAudit } from '../audit';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { dispatchEvent } from '../notifications/dispatch';

/** Finished models whose per-customer predictions are kept; older ones keep only their row. */
export const KEPT_MODELS = 3;

/** Event kind a finished fit sends to the person who asked for it (inbox, webhooks, e-mail). */
export const CLV_FITTED = 'clv.fitted';

/**
 * Writes the predictions, finishes the model row, drops the oldest predictions, audits and
 * tells the requester, all in one transaction on a connection of its own (on SQLite the main
 * connection keeps serving reads meanwhile). Nothing else is written to the database while the
 * transaction is open: on SQLite a progress write on another connection would wait for its lock.
 */
export async function storeFit(
  deps: Deps,
  ctx: Ctx,
  modelId: number,
  predictions: PredictionColumns,
  result: ClvModelResult,
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
