import { notFound } from '../../domain/errors';
import { findJob, listJobs as listJobRows } from '../../store/jobs/jobs.repository';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { requirePermission } from '../guard';
import { enqueue } from '../jobs/jobs.service';
import { AUTOMATION_SWEEP } from './automation-sweep.job';

/**
 * Queues a sweep now (POST /api/automation/sweep). Returns the job, whose progress the page
 * polls through the jobs API. Two requests queue two sweeps; the second fires nothing new.
 */
export async function requestSweep(deps: Deps, ctx: Ctx) {
  requirePermission(ctx, 'policies.manage');
  return enqueue(deps, ctx, { kind: AUTOMATION_SWEEP, payload: {} });
}

/** A sweep job's status and progress (the page polls it); NOT_FOUND for other kinds of job. */
export async function sweepStatus(deps: Deps, ctx: Ctx, jobId: number) {
  requirePermission(ctx, 'policies.manage');
  const job = await findJob(deps.store.db, jobId);
  if (!job || job.kind !== AUTOMATION_SWEEP) throw notFound('Sweep job', jobId);
  return {
    id: job.id,
    status: job.status,
    progress: (job.progress ?? null) as Record<string, unknown> | null,
    error: job.error,
    createdAt: job.createdAt,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
  };
}

/** The latest sweep jobs, newest first (the page shows when the rules last ran). */
export async function recentSweeps(deps: Deps, ctx: Ctx) {
  requirePermission(ctx, 'customers.read');
  const { items } = await listJobRows(deps.store.db, {
    kind: AUTOMATION_SWEEP,
    limit: 5,
    offset: 0,
  });
  return items.map((j) => ({
    id: j.id,
    status: j.status,
    progress: (j.progress ?? null) as Record<string, unknown> | null,
    error: j.error,
    createdAt: j.createdAt,
    startedAt: j.startedAt,
    finishedAt: j.finishedAt,
  }));
}
