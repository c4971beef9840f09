import { z } from 'zod';
import type { JobHandler } from '../jobs/registry';
import { runSweep } from './sweep.service';

export const AUTOMATION_SWEEP = 'automation.sweep';

/** The stored payload: empty, plus what the scheduler adds for a scheduled occurrence. */
const payload = z.looseObject({});

/**
 * Runs every enabled automation rule over all customers (scheduled nightly, or on demand). A
 * retry after a crash is safe: batches already written left their dedupe keys, so they fire
 * nothing again.
 */
export const automationSweepJob: JobHandler<z.output<typeof payload>> = {
  payload,
  manage: 'policies.manage',
  maxAttempts: 3,
  async run(_p, { deps, ctx, job, progress }) {
    return runSweep(deps, ctx, { jobId: job.id, onProgress: (p) => progress(p) });
  },
};
