import { notFound } from '../../domain/errors';
import { findModelByJob } from '../../store/analytics/clv-models.repository';
import { findJob, type JobRow, listJobs } from '../../store/jobs/jobs.repository';
import { businessToday } from '../business-today';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { requirePermission } from '../guard';
import { enqueue } from '../jobs/jobs.service';
import { parseInput } from '../parse';
import { CLV_FIT } from './clv-fit.job';
import { type ClvFitInput, clvFitInput } from './clv-options';

/**
 * Queues a fit (POST /api/analytics/clv/fit). The settings are checked here, so a horizon of 0
 * or a negative discount rate is refused at once naming the field; the as-of day defaults to
 * today in the business time zone, fixed now rather than when the job runs. Returns the job,
 * whose progress the page polls.
 */
export async function requestClvFit(deps: Deps, ctx: Ctx, raw: ClvFitInput) {
  requirePermission(ctx, 'analytics.manage');
  const o = parseInput(clvFitInput, raw ?? {}, 'Invalid lifetime-value fit');
  const payload = {
    ...o,
    asOf: o.asOf ?? businessToday(deps, ctx),
    requestedBy: ctx.actor.id,
  };
  const job = await enqueue(deps, ctx, { kind: CLV_FIT, payload });
  return { jobId: job.id, created: job.created };
}

/** A fit job as the page follows it: status, progress, error and the model it writes. */
export interface ClvFitJob {
  jobId: number;
  status: JobRow['status'];
  progress: Record<string, unknown> | null;
  error: string | null;
  modelId: number | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

async function toFitJob(deps: Deps, j: JobRow): Promise<ClvFitJob> {
  const progress = (j.progress ?? null) as Record<string, unknown> | null;
  const fromProgress = typeof progress?.modelId === 'number' ? progress.modelId : null;
  const model = fromProgress ?? (await findModelByJob(deps.store.db, j.id))?.id ?? null;
  return {
    jobId: j.id,
    status: j.status,
    progress,
    error: j.error,
    modelId: model,
    createdAt: j.createdAt,
    startedAt: j.startedAt,
    finishedAt: j.finishedAt,
  };
}

/** One fit job (NOT_FOUND for jobs of other kinds). Needs analytics.read. */
export async function clvFitStatus(deps: Deps, ctx: Ctx, jobId: number): Promise<ClvFitJob> {
  requirePermission(ctx, 'analytics.read');
  const job = await findJob(deps.store.db, jobId);
  if (!job || job.kind !== CLV_FIT) throw notFound('Lifetime-value fit job', jobId);
  return toFitJob(deps, job);
}

/** The latest fit jobs, newest first (the page resumes following a fit still running). */
export async function recentClvFits(deps: Deps, ctx: Ctx): Promise<ClvFitJob[]> {
  requirePermission(ctx, 'analytics.read');
  const { items } = await listJobs(deps.store.db, { kind: CLV_FIT, limit: 5, offset: 0 });
  return Promise.all(items.map((j) => toFitJob(deps, j)));
}
