import type { Kysely } from 'kysely';
import { z } from 'zod';
import { enqueueJob } from '../../store/jobs/jobs.repository';
import type { DB } from '../../store/schema';
import { hasRunningClocks } from '../../store/sla/ticket-sla.repository';
import type { Ctx } from '../context';
import { type JobHandler, jobHandler, registerJobHandler } from '../jobs/registry';
import { runSlaScan } from './sla-scan';
import { recomputeForCustomer } from './ticket-sla-clock';

export const SLA_SCAN = 'sla.scan';
export const SLA_RECOMPUTE_TIERS = 'sla.recompute_tiers';

/** The minute scan of the SLA clocks: warnings, breaches, escalations, quick response. */
export const slaScanJob: JobHandler<Record<string, unknown>> = {
  payload: z.looseObject({}),
  manage: 'service.manage',
  maxAttempts: 1,
  async run(_p, { deps, ctx }) {
    return runSlaScan(deps, ctx);
  },
};

const recomputePayload = z.looseObject({ publicationId: z.number().int().positive() });

/**
 * Recomputes the clocks of the open tickets of every customer whose tier a publication changed
 * (reason 'tier_changed'), one customer per transaction. A rerun recomputes again, which only
 * logs another identical computation.
 */
export const slaRecomputeTiersJob: JobHandler<z.output<typeof recomputePayload>> = {
  payload: recomputePayload,
  manage: 'service.manage',
  maxAttempts: 3,
  async run(p, { deps, ctx, progress }) {
    const db = deps.store.db;
    const rows = await db
      .selectFrom('tier_history')
      .select('customer_id')
      .distinct()
      .where('publication_id', '=', p.publicationId)
      .execute();
    let tickets = 0;
    let done = 0;
    for (const r of rows) {
      tickets += await db
        .transaction()
        .execute((trx) =>
          recomputeForCustomer(
            trx,
            ctx,
            Number(r.customer_id),
            'tier_changed',
            deps.config.timeZone,
          ),
        );
      if (++done % 200 === 0) await progress({ customers: done, of: rows.length, tickets });
    }
    return { customers: rows.length, tickets };
  },
};

/** Registers the SLA job kinds (called from the builtin registration). */
export function ensureSlaJobHandlers(): void {
  if (!jobHandler(SLA_SCAN)) registerJobHandler(SLA_SCAN, slaScanJob);
  if (!jobHandler(SLA_RECOMPUTE_TIERS))
    registerJobHandler(SLA_RECOMPUTE_TIERS, slaRecomputeTiersJob);
}

/**
 * Queues the clock recompute after a tier publication, in the publication's transaction: a
 * publication can change thousands of customers, so the tickets follow in a job.
 */
export async function queueSlaRecompute(
  trx: Kysely<DB>,
  ctx: Ctx,
  publicationId: number,
): Promise<void> {
  // Nothing to move when no unfinished ticket has a clock (most publications of a new install).
  if (!(await hasRunningClocks(trx))) return;
  const now = ctx.now().toISOString();
  await enqueueJob(
    trx,
    {
      kind: SLA_RECOMPUTE_TIERS,
      payload: { publicationId },
      runAt: now,
      maxAttempts: 3,
      dedupeKey: `${SLA_RECOMPUTE_TIERS}:${publicationId}`,
    },
    now,
  );
}
