import {
  type ClvModelSettings,
  type ClvWarning,
  failModel,
} from '../../store/analytics/clv-models.repository';
import { writeAudit } from '../audit';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { dispatchEvent } from '../notifications/dispatch';

/** Event kind a failed fit sends to the person who asked for it (inbox, webhooks, e-mail). */
export const CLV_FIT_FAILED = 'clv.fit_failed';

/** Marks the model failed, audits it and tells the requester; never hides the first error. */
export async function recordFailure(
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
