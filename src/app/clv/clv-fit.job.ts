import { z } from 'zod';
import type { JobHandler } from '../jobs/registry';
import { runClvFit } from './clv-fit.service';
import { clvFitInput } from './clv-options';

export const CLV_FIT = 'clv.fit';

/**
 * The stored payload: the fit's settings, who asked (told when it ends), and whatever a
 * scheduler adds for a scheduled occurrence (ignored).
 */
const payload = z.looseObject({
  ...clvFitInput.shape,
  requestedBy: z.number().int().positive().nullable().optional(),
});

/**
 * Fits the lifetime-value models and stores every customer's prediction. One attempt: a fit is
 * deterministic, so what failed once fails again; the model row says why. A job that is run
 * again after a crash finds its model row and finishes it (or returns it when it had finished).
 */
export const clvFitJob: JobHandler<z.output<typeof payload>> = {
  payload,
  manage: 'analytics.manage',
  maxAttempts: 1,
  async run(p, { deps, ctx, job, progress }) {
    const { asOf, holdoutWeeks, horizonMonths, discountRate, margin, unit, requestedBy } = p;
    const result = await runClvFit(
      deps,
      ctx,
      {
        ...(asOf !== undefined ? { asOf } : {}),
        holdoutWeeks,
        horizonMonths,
        discountRate,
        ...(margin !== undefined ? { margin } : {}),
        unit,
      },
      { jobId: job.id, requestedBy: requestedBy ?? null, onProgress: (x) => progress(x) },
    );
    // Kept as the job's final progress, so it reads like the last report plus the outcome.
    const n = result.scoredCustomers;
    return { phase: 'done', done: n, total: n, ...result };
  },
};
