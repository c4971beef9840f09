import { CLV_FIT } from '../clv/clv-fit.job';
import { systemCtx } from '../context';
import type { Deps } from '../deps';
import { enqueue } from '../jobs/jobs.service';

/** One fit per demo load: a second start (or a retried load) queues nothing more. */
const DEMO_CLV_KEY = 'demo:clv-fit';

/**
 * Queues a lifetime-value fit on the freshly loaded demo orders, as of the demo's last day, so
 * the CLV page, the customer cards and the CLV tiering metrics have a model soon after the
 * first start (the job runner of `serve` picks it up). Queued rather than run here, so start-up
 * does not wait for it.
 */
export async function queueDemoClvFit(deps: Deps, asOf: string): Promise<number> {
  const job = await enqueue(deps, systemCtx('demo'), {
    kind: CLV_FIT,
    payload: { asOf, horizonMonths: 12, discountRate: 0.1, requestedBy: null },
    dedupeKey: DEMO_CLV_KEY,
  });
  return job.id;
}
