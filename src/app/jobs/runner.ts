import { randomUUID } from 'node:crypto';
import { DomainError } from '../../domain/errors';
import * as repo from '../../store/jobs/jobs.repository';
import type { Ctx } from '../context';
import { SYSTEM_ACTOR } from '../context';
import type { Deps } from '../deps';
import { ensureBuiltinJobHandlers } from './builtin';
import { type JobHandler, jobHandler, registeredJobKinds } from './registry';
import { tickScheduler } from './scheduler';

/** The subset of a pino logger the runner uses, so the app's logger can be passed in. */
export interface JobLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

const silent: JobLogger = { info() {}, warn() {}, error() {} };

export interface RunnerOptions {
  /** Who holds the leases this runner takes (default: a random id per runner). */
  worker?: string;
  /** The clock; tests pass a fixed one to move through leases and backoffs without waiting. */
  now?: () => Date;
  /** How long a claimed job stays leased without a heartbeat (default 5 minutes). */
  leaseMs?: number;
  logger?: JobLogger;
}

export const DEFAULT_LEASE_MS = 5 * 60_000;

/** Domain errors that another attempt cannot fix: the job fails at once instead of retrying. */
const PERMANENT = new Set(['VALIDATION', 'NOT_FOUND', 'FORBIDDEN', 'INVALID_STATE']);

/** Delay before attempt `attempts + 1`: 30 s, 2 min, 8 min … at most 1 hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 4 ** Math.max(0, attempts - 1), 3_600_000);
}

/** Thrown into a handler's progress call when another runner took the job over. */
export class LeaseLostError extends Error {
  constructor(jobId: number) {
    super(`Job ${jobId} was taken over by another runner (lease lost)`);
    this.name = 'LeaseLostError';
  }
}

export type JobOutcome = 'done' | 'retry' | 'failed' | 'lost';

/**
 * Claims the next due job of a registered kind and runs it to an outcome: done, queued again
 * with backoff, failed for good, or lost (another runner took it over after the lease passed).
 * Undefined when nothing is due. Handler errors never escape: they become the job's outcome.
 */
export async function runNextJob(
  deps: Deps,
  opts: RunnerOptions = {},
): Promise<{ job: repo.JobRow; outcome: JobOutcome; error?: string } | undefined> {
  ensureBuiltinJobHandlers();
  const now = opts.now ?? (() => new Date());
  const worker = opts.worker ?? `runner-${randomUUID()}`;
  const leaseMs = opts.leaseMs ?? DEFAULT_LEASE_MS;
  const log = opts.logger ?? silent;
  const db = deps.store.db;
  const until = () => new Date(now().getTime() + leaseMs).toISOString();

  await repo.failAbandonedJobs(db, now().toISOString());
  const job = await repo.claimNextJob(
    db,
    deps.store.engine,
    worker,
    now().toISOString(),
    until(),
    registeredJobKinds(),
  );
  if (!job) return undefined;
  const handler = jobHandler(job.kind) as JobHandler;
  log.info({ jobId: job.id, kind: job.kind, attempt: job.attempts }, 'job started');

  // Renews the lease while the handler works, so a long job is not taken for a dead one.
  let lost = false;
  const beat = setInterval(
    () => {
      repo.extendLease(db, job.id, worker, until()).then(
        (held) => {
          if (!held) lost = true;
        },
        (e: unknown) => log.warn({ jobId: job.id, err: e }, 'job heartbeat failed'),
      );
    },
    Math.max(1000, Math.floor(leaseMs / 3)),
  );
  beat.unref();

  const ctx: Ctx = { actor: SYSTEM_ACTOR, requestId: `job-${job.id}`, now };
  try {
    const parsed = handler.payload.safeParse(job.payload);
    if (!parsed.success) {
      const msg = `Invalid payload: ${parsed.error.issues
        .map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`)
        .join('; ')}`;
      await repo.failJobAttempt(db, job.id, worker, msg, null, now().toISOString());
      log.error({ jobId: job.id, kind: job.kind }, msg);
      return { job, outcome: 'failed', error: msg };
    }
    const result = await handler.run(parsed.data, {
      deps,
      ctx,
      job: {
        id: job.id,
        kind: job.kind,
        attempts: job.attempts,
        maxAttempts: job.maxAttempts,
        runAt: job.runAt,
        dedupeKey: job.dedupeKey,
      },
      progress: async (p) => {
        if (lost || !(await repo.setJobProgress(db, job.id, worker, p, until())))
          throw new LeaseLostError(job.id);
      },
    });
    if (!(await repo.finishJob(db, job.id, worker, result, now().toISOString()))) {
      log.warn({ jobId: job.id }, 'job finished after its lease was lost');
      return { job, outcome: 'lost' };
    }
    log.info({ jobId: job.id, kind: job.kind }, 'job done');
    return { job, outcome: 'done' };
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (e instanceof LeaseLostError) {
      log.warn({ jobId: job.id }, msg);
      return { job, outcome: 'lost', error: msg };
    }
    const permanent = e instanceof DomainError && PERMANENT.has(e.code);
    const retry = !permanent && job.attempts < job.maxAttempts;
    const retryAt = retry
      ? new Date(now().getTime() + retryDelayMs(job.attempts)).toISOString()
      : null;
    const held = await repo.failJobAttempt(db, job.id, worker, msg, retryAt, now().toISOString());
    log.error(
      { jobId: job.id, kind: job.kind, attempt: job.attempts, retryAt, err: e },
      'job attempt failed',
    );
    if (!held) return { job, outcome: 'lost', error: msg };
    return { job, outcome: retry ? 'retry' : 'failed', error: msg };
  } finally {
    clearInterval(beat);
  }
}

export interface StartRunnerOptions extends RunnerOptions {
  /** How often to look for due schedules and jobs when idle (default 5 s). */
  pollMs?: number;
}

/**
 * Starts the runner of this process: each tick turns due schedules into jobs, then runs due jobs
 * one at a time until none is left, then sleeps `pollMs`. Returns a stop function that waits for
 * the job in hand to end. Nothing here throws into the server: errors are logged and retried.
 */
export function startJobRunner(deps: Deps, options: StartRunnerOptions = {}): () => Promise<void> {
  const pollMs = options.pollMs ?? 5000;
  const log = options.logger ?? silent;
  const opts: RunnerOptions = {
    ...options,
    worker: options.worker ?? `runner-${randomUUID()}`,
    logger: log,
  };
  const now = options.now ?? (() => new Date());
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let wake: (() => void) | undefined;

  const loop = async () => {
    while (!stopped) {
      try {
        await tickScheduler(deps, now(), log);
        while (!stopped && (await runNextJob(deps, opts))) {
          // run due jobs back to back; sleep only when the queue is empty
        }
      } catch (e) {
        log.error({ err: e }, 'job runner tick failed');
      }
      if (stopped) break;
      await new Promise<void>((resolve) => {
        wake = resolve;
        timer = setTimeout(resolve, pollMs);
      });
    }
  };
  const running = loop();
  log.info({ worker: opts.worker, pollMs }, 'job runner started');
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    wake?.();
    await running;
    log.info({ worker: opts.worker }, 'job runner stopped');
  };
}
