import { jobHandler, registerJobHandler } from './registry';
import { REVIEW_START_CYCLE, startCycleJob } from './review-start-cycle.job';

/**
 * Registers the job kinds the product ships with. Called by the runner, the scheduler and the
 * services rather than on import, so no module has to be imported for its side effect.
 */
export function ensureBuiltinJobHandlers(): void {
  if (!jobHandler(REVIEW_START_CYCLE)) registerJobHandler(REVIEW_START_CYCLE, startCycleJob);
}
