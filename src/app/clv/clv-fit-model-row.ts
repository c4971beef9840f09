import {
  type ClvModel,
  type ClvModelSettings,
  failOrphanedModels,
  findModelByJob,
  insertRunningModel,
  restartModel,
} from '../../store/analytics/clv-models.repository';
import type { Deps } from '../deps';
import type { ClvFitResult } from './clv-fit-types';

/**
 * The model row this fit writes to: its job's earlier row (restarted, or returned as it is when
 * it had finished), or a new one. Rows left running by a crashed process are failed first.
 */
export async function modelRow(
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

/** A finished model as a fit's result (what a second attempt of a finished job returns). */
export function resultOf(m: ClvModel): ClvFitResult {
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
