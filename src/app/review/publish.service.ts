import { z } from 'zod';
import { DomainError, notFound } from '../../domain/errors';
import { dateSchema } from '../../domain/money';
import { finalTier } from '../../domain/review/proposal';
import { requireTurn } from '../../domain/review/workflow';
import * as cycles from '../../store/review/cycles.repository';
import { iterateProposals } from '../../store/review/proposals.repository';
import * as pubs from '../../store/review/publications.repository';
import { findRun } from '../../store/tiering/runs.repository';
import { findVersion } from '../../store/tiering/schemes.repository';
import { businessToday } from '../business-today';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { requirePermission } from '../guard';
import { parseInput } from '../parse';
import { clearEvaluationCache } from '../tiering/evaluation-cache';
import { cycleState } from './cycles.service';
import { type FinalTier, type PublicationSummary, publishTiers } from './publish-tiers';

export type PublishResult = PublicationSummary & { alreadyPublished: boolean };

function already(p: pubs.PublicationRow): PublishResult {
  return { ...(p.summary as PublicationSummary), alreadyPublished: true };
}

/**
 * The last step of a cycle: publishes every proposal's final tier (revised, else proposed, else
 * computed) in one transaction, effective from the cycle's effective date or today. Publishing
 * a cycle again returns the first publication and changes nothing; a stale draft (the scheme
 * changed, or another run was published since) is refused.
 */
export async function publishCycle(deps: Deps, ctx: Ctx, cycleId: number): Promise<PublishResult> {
  requirePermission(ctx, 'tiering.read');
  const { cycle, state } = await cycleState(deps, cycleId);
  const db = deps.store.db;
  if (cycle.status === 'published' && cycle.runId) {
    const p = await pubs.findPublicationByRun(db, cycle.runId);
    if (p) return already(p);
  }
  const at = requireTurn(state, 'publish', ctx.actor, businessToday(deps, ctx));
  if (!cycle.runId) throw new DomainError('INVALID_STATE', `Review cycle ${cycleId} has no run`);
  const runId = cycle.runId;
  const effectiveFrom = cycle.effectiveFrom ?? businessToday(deps, ctx);
  const now = ctx.now().toISOString();
  const complete = Object.keys(cycle.scope).length === 0;
  const summary = await db.transaction().execute(async (trx) => {
    // A concurrent publish of the same cycle loses here: the step moves once.
    if (!(await cycles.moveCycle(trx, cycleId, at, at + 1, ctx.actor.id, now)))
      throw new DomainError('CONFLICT', 'The cycle moved on meanwhile; reload it');
    const finals = (async function* (): AsyncGenerator<FinalTier> {
      for await (const p of iterateProposals(trx, { cycleId })) {
        yield {
          customerId: p.customerId,
          code: p.code,
          name: p.name,
          ownerId: p.ownerId,
          tier: finalTier(p),
          reason: p.revisedTier ? p.revisionReason : p.proposedTier ? p.proposalReason : null,
        };
      }
    })();
    const s = await publishTiers(trx, ctx, {
      schemeId: cycle.schemeId,
      runId,
      cycleId,
      effectiveFrom,
      complete,
      finals,
    });
    await cycles.setCycleStatus(trx, cycleId, 'published', now);
    await cycles.insertEvent(
      trx,
      {
        cycleId,
        position: at,
        action: 'publish',
        actorId: ctx.actor.id,
        actorName: ctx.actor.name,
        comment: null,
      },
      now,
    );
    return s;
  });
  clearEvaluationCache(deps);
  return { ...summary, alreadyPublished: false };
}

export const publishRunInput = z.strictObject({
  effectiveFrom: dateSchema('effectiveFrom').optional(),
});

/**
 * Publishes a run's computed tiers without a review cycle, for companies that let the scheme
 * decide (reviews.manage). The same transaction, stale checks and idempotence as a cycle.
 */
export async function publishRun(
  deps: Deps,
  ctx: Ctx,
  runId: number,
  raw: z.input<typeof publishRunInput> = {},
): Promise<PublishResult> {
  requirePermission(ctx, 'reviews.manage');
  const input = parseInput(publishRunInput, raw, 'Invalid publish');
  const db = deps.store.db;
  const run = await findRun(db, runId);
  if (!run) throw notFound('Tier run', runId);
  const existing = await pubs.findPublicationByRun(db, runId);
  if (existing) return already(existing);
  const version = await findVersion(db, run.schemeVersionId);
  if (!version) throw notFound('Scheme version', run.schemeVersionId);
  const summary = await db.transaction().execute((trx) =>
    publishTiers(trx, ctx, {
      schemeId: version.schemeId,
      runId,
      cycleId: null,
      effectiveFrom: input.effectiveFrom ?? businessToday(deps, ctx),
      complete: true,
      finals: (async function* () {
        for await (const r of pubs.iterateRunForPublish(trx, runId)) yield { ...r, reason: null };
      })(),
    }),
  );
  clearEvaluationCache(deps);
  return { ...summary, alreadyPublished: false };
}
