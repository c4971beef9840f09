import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { DomainError, type ErrorCode } from '../../domain/errors';
import { packageRoot } from '../../package-root';
import { type FitColumns, type FitOutput, fitModels } from './clv-fit-models';

/**
 * Customers from which the fits run in a worker thread. The optimiser evaluates the likelihood
 * of every distinct history a few hundred times: on a million customers that is minutes of CPU,
 * which would stall the server's requests (and the job's lease renewals) if run on the main
 * thread. Small fits stay in the thread, where they take well under a second.
 */
export const WORKER_FROM_CUSTOMERS = 50_000;

type WorkerReply =
  | { ok: true; result: FitOutput }
  | { ok: false; error: { code: ErrorCode; message: string; details: Record<string, unknown> } };

function inWorker(c: FitColumns): Promise<FitOutput> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(join(packageRoot(), 'src/app/clv/clv-fit.worker.mjs'));
    let settled = false;
    const finish = (f: () => void) => {
      if (settled) return;
      settled = true;
      f();
      void worker.terminate();
    };
    worker.once('message', (m: WorkerReply) =>
      finish(() =>
        m.ok
          ? resolve(m.result)
          : reject(new DomainError(m.error.code, m.error.message, m.error.details)),
      ),
    );
    worker.once('error', (e) => finish(() => reject(e)));
    worker.once('exit', (code) =>
      finish(() => reject(new DomainError('INTERNAL', `The fit worker stopped (exit ${code})`))),
    );
    worker.postMessage(c);
  });
}

/**
 * Fits both models, in a worker thread from `threshold` customers on (default
 * {@link WORKER_FROM_CUSTOMERS}), else in this thread. The results are the same either way.
 */
export function fitModelsOffThread(
  c: FitColumns,
  threshold = WORKER_FROM_CUSTOMERS,
): Promise<FitOutput> {
  if (c.x.length < threshold) return Promise.resolve().then(() => fitModels(c));
  return inWorker(c);
}
