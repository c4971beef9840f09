import { z } from 'zod';
import { DomainError } from '../../domain/errors';
import * as repo from '../../store/jobs/jobs.repository';
import { writeAudit } from '../audit';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { requirePermission } from '../guard';
import { parseInput } from '../parse';
import { ensureBuiltinJobHandlers } from './builtin';
import { jobHandler } from './registry';
import { occurrenceKey } from './scheduler';

export const listJobsQuery = z.strictObject({
  status: z.enum(['queued', 'running', 'done', 'failed']).optional(),
  kind: z.string().min(1).max(100).optional(),
  /** Only the occurrences of one schedule. */
  scheduleId: z.coerce.number().int().positive().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListJobsQuery = z.input<typeof listJobsQuery>;

/** Jobs with their status, progress and last error, newest first (needs jobs.read). */
export async function listJobs(deps: Deps, ctx: Ctx, raw: ListJobsQuery = {}) {
  requirePermission(ctx, 'jobs.read');
  const q = parseInput(listJobsQuery, raw, 'Invalid job query');
  const { items, total } = await repo.listJobs(deps.store.db, {
    status: q.status,
    kind: q.kind,
    // The key ends with ':' before the instant, so schedule 1 does not match schedule 10.
    dedupePrefix: q.scheduleId ? occurrenceKey(q.scheduleId, '') : undefined,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return { items, total, page: q.page, pageSize: q.pageSize };
}

export interface EnqueueInput {
  kind: string;
  payload: unknown;
  /** When the job may start (default now). */
  runAt?: Date;
  /** A key that makes a second enqueue of the same work a no-op. */
  dedupeKey?: string;
}

/**
 * Queues a job of a registered kind, audited in the same transaction. The payload is parsed with
 * the kind's schema first, so a bad one is refused here rather than failing later in the runner.
 */
export async function enqueue(deps: Deps, ctx: Ctx, input: EnqueueInput) {
  ensureBuiltinJobHandlers();
  const h = jobHandler(input.kind);
  if (!h) throw new DomainError('VALIDATION', `No job handler for kind ${input.kind}`);
  requirePermission(ctx, h.manage);
  const payload = parseInput(h.payload, input.payload, 'Invalid job payload');
  const now = ctx.now().toISOString();
  return deps.store.db.transaction().execute(async (trx) => {
    const job = await repo.enqueueJob(
      trx,
      {
        kind: input.kind,
        payload,
        runAt: (input.runAt ?? ctx.now()).toISOString(),
        maxAttempts: h.maxAttempts ?? 3,
        dedupeKey: input.dedupeKey ?? null,
      },
      now,
    );
    if (job.created)
      await writeAudit(trx, ctx, {
        action: 'job.enqueue',
        entity: 'job',
        entityId: job.id,
        after: { kind: input.kind, dedupeKey: input.dedupeKey ?? null },
      });
    return job;
  });
}
