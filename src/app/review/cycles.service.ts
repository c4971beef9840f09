import { z } from 'zod';
import { addDays } from '../../domain/business-date';
import { DomainError, notFound } from '../../domain/errors';
import { dateSchema } from '../../domain/money';
import { type CreateCycleInput, createCycleInput } from '../../domain/review/cycle.schema';
import { type CycleState, requireReturn, requireTurn } from '../../domain/review/workflow';
import * as cycles from '../../store/review/cycles.repository';
import { proposalProgress } from '../../store/review/proposals.repository';
import { findPublicationByRun } from '../../store/review/publications.repository';
import { findSchemeById, latestVersion, lockVersion } from '../../store/tiering/schemes.repository';
import { writeAudit } from '../audit';
import { businessToday } from '../business-today';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { requirePermission } from '../guard';
import { parseInput } from '../parse';
import { clearEvaluationCache } from '../tiering/evaluation-cache';
import { runTiering } from '../tiering/run.service';

/** The workflow view of a stored cycle. */
export async function cycleState(deps: Deps, cycleId: number) {
  const c = await cycles.findCycle(deps.store.db, cycleId);
  if (!c) throw notFound('Review cycle', cycleId);
  const steps = await cycles.cycleSteps(deps.store.db, cycleId);
  const state: CycleState = {
    id: c.id,
    status: c.status,
    currentStep: c.currentStep,
    deadline: c.deadline,
    steps,
  };
  return { cycle: c, steps, state };
}

/**
 * Starts a review cycle: runs the scheme's latest version at the as-of date (a draft run),
 * locks that version (edits make a new one, so the cycle reviews exactly what was run), and
 * writes one proposal per customer of the scope, all audited. An interim cycle also takes in
 * every customer whose provisional tier has come due, whatever its scope. Due dates count from
 * today.
 */
export async function createCycle(deps: Deps, ctx: Ctx, raw: CreateCycleInput | unknown) {
  requirePermission(ctx, 'reviews.manage');
  const input = parseInput(createCycleInput, raw, 'Invalid review cycle');
  const db = deps.store.db;
  const scheme = await findSchemeById(db, input.schemeId);
  if (!scheme) throw notFound('Scheme', input.schemeId);
  const version = await latestVersion(db, scheme.id);
  if (!version)
    throw new DomainError('INVALID_STATE', `Scheme ${scheme.key} has no version to review`);
  const start = businessToday(deps, ctx);
  if (input.deadline < start)
    throw new DomainError('VALIDATION', 'Invalid review cycle', {
      issues: [{ field: 'deadline', message: `deadline must be today (${start}) or later` }],
    });
  const run = await runTiering(deps, ctx, { schemeVersionId: version.id, asOf: input.asOf });
  const now = ctx.now().toISOString();
  const id = await db.transaction().execute(async (trx) => {
    const cycleId = await cycles.insertCycle(
      trx,
      {
        name: input.name,
        kind: input.kind,
        schemeId: scheme.id,
        schemeVersionId: version.id,
        runId: run.runId,
        asOf: input.asOf,
        scope: input.scope,
        deadline: input.deadline,
        effectiveFrom: input.effectiveFrom ?? null,
        createdBy: ctx.actor.id,
      },
      input.steps.map((s) => ({ ...s, dueOn: addDays(start, s.dueDays) })),
      now,
    );
    let proposals = await cycles.insertProposals(trx, cycleId, run.runId, input.scope);
    const provisionalDue =
      input.kind === 'interim'
        ? await cycles.insertProvisionalDue(trx, cycleId, run.runId, scheme.id)
        : 0;
    proposals += provisionalDue;
    await lockVersion(trx, version.id);
    await cycles.insertEvent(
      trx,
      {
        cycleId,
        position: 0,
        action: 'start',
        actorId: ctx.actor.id,
        actorName: ctx.actor.name,
        comment: null,
      },
      now,
    );
    await writeAudit(trx, ctx, {
      action: 'review_cycle.create',
      entity: 'review_cycle',
      entityId: cycleId,
      after: { ...input, runId: run.runId, versionId: version.id, proposals, provisionalDue },
    });
    return cycleId;
  });
  clearEvaluationCache(deps);
  return getCycle(deps, ctx, id);
}

/** One cycle with its steps, every recorded action, and progress counts. */
export async function getCycle(deps: Deps, ctx: Ctx, cycleId: number) {
  requirePermission(ctx, 'tiering.read');
  const { cycle, steps } = await cycleState(deps, cycleId);
  const db = deps.store.db;
  const scheme = await findSchemeById(db, cycle.schemeId);
  const publication = cycle.runId ? await findPublicationByRun(db, cycle.runId) : undefined;
  return {
    ...cycle,
    schemeKey: scheme?.key ?? '',
    schemeName: { zh: scheme?.nameZh ?? '', en: scheme?.nameEn ?? '' },
    steps,
    events: await cycles.cycleEvents(db, cycleId),
    progress: await proposalProgress(db, cycleId),
    publication: publication ?? null,
  };
}

export const listCyclesQuery = z.strictObject({
  schemeId: z.coerce.number().int().positive().optional(),
  status: z.enum(['open', 'published', 'cancelled']).optional(),
});

/** Cycles, newest first. */
export async function listCycles(deps: Deps, ctx: Ctx, raw: z.input<typeof listCyclesQuery>) {
  requirePermission(ctx, 'tiering.read');
  const q = parseInput(listCyclesQuery, raw, 'Invalid cycle query');
  const rows = await cycles.listCycles(deps.store.db, q);
  return Promise.all(
    rows.map(async (c) => ({
      ...c,
      steps: await cycles.cycleSteps(deps.store.db, c.id),
    })),
  );
}

const comment = z.string().trim().max(2000, 'comment must be at most 2000 characters');

/**
 * Completes the current step (not publish, which has its own action) and moves to the next,
 * recording who and when with an optional comment. Out of turn, by a role that does not own the
 * step, or past the deadline: refused, nothing changed.
 */
export async function completeStep(
  deps: Deps,
  ctx: Ctx,
  cycleId: number,
  kind: string,
  rawComment?: string,
) {
  requirePermission(ctx, 'tiering.read');
  const note = parseInput(comment.optional(), rawComment, 'Invalid comment');
  const { state } = await cycleState(deps, cycleId);
  const k = parseInput(z.enum(['rate', 'finance', 'revise', 'approve']), kind, 'Invalid step');
  const at = requireTurn(state, k, ctx.actor, businessToday(deps, ctx));
  const now = ctx.now().toISOString();
  await deps.store.db.transaction().execute(async (trx) => {
    if (!(await cycles.moveCycle(trx, cycleId, at, at + 1, ctx.actor.id, now)))
      throw new DomainError('CONFLICT', 'The cycle moved on meanwhile; reload it');
    await cycles.insertEvent(
      trx,
      {
        cycleId,
        position: at,
        action: 'complete',
        actorId: ctx.actor.id,
        actorName: ctx.actor.name,
        comment: note || null,
      },
      now,
    );
    await writeAudit(trx, ctx, {
      action: 'review_cycle.complete_step',
      entity: 'review_cycle',
      entityId: cycleId,
      after: { step: at, kind: k, comment: note || null },
    });
  });
  return getCycle(deps, ctx, cycleId);
}

/** Sends the cycle back one step with a reason (the owner of the current step does it). */
export async function returnStep(deps: Deps, ctx: Ctx, cycleId: number, reason: string) {
  requirePermission(ctx, 'tiering.read');
  const { state } = await cycleState(deps, cycleId);
  const to = requireReturn(state, ctx.actor, businessToday(deps, ctx), reason ?? '');
  const now = ctx.now().toISOString();
  await deps.store.db.transaction().execute(async (trx) => {
    if (!(await cycles.moveCycle(trx, cycleId, to + 1, to, ctx.actor.id, now)))
      throw new DomainError('CONFLICT', 'The cycle moved on meanwhile; reload it');
    await cycles.insertEvent(
      trx,
      {
        cycleId,
        position: to + 1,
        action: 'return',
        actorId: ctx.actor.id,
        actorName: ctx.actor.name,
        comment: reason.trim(),
      },
      now,
    );
    await writeAudit(trx, ctx, {
      action: 'review_cycle.return_step',
      entity: 'review_cycle',
      entityId: cycleId,
      after: { from: to + 1, to, reason: reason.trim() },
    });
  });
  return getCycle(deps, ctx, cycleId);
}

/** Adds a comment to the current step, by anyone who can read the cycle. */
export async function commentOnCycle(deps: Deps, ctx: Ctx, cycleId: number, raw: string) {
  requirePermission(ctx, 'tiering.read');
  const text = parseInput(comment.min(1, 'comment is required'), raw, 'Invalid comment');
  const { cycle } = await cycleState(deps, cycleId);
  const now = ctx.now().toISOString();
  await deps.store.db.transaction().execute(async (trx) => {
    await cycles.insertEvent(
      trx,
      {
        cycleId,
        position: cycle.currentStep,
        action: 'comment',
        actorId: ctx.actor.id,
        actorName: ctx.actor.name,
        comment: text,
      },
      now,
    );
    await writeAudit(trx, ctx, {
      action: 'review_cycle.comment',
      entity: 'review_cycle',
      entityId: cycleId,
      after: { step: cycle.currentStep, comment: text },
    });
  });
  return getCycle(deps, ctx, cycleId);
}

/** Moves an open cycle's deadline (an expired cycle can go on once extended). */
export async function extendDeadline(deps: Deps, ctx: Ctx, cycleId: number, rawDate: string) {
  requirePermission(ctx, 'reviews.manage');
  const deadline = parseInput(dateSchema('deadline'), rawDate, 'Invalid deadline');
  const { cycle } = await cycleState(deps, cycleId);
  if (cycle.status !== 'open')
    throw new DomainError('INVALID_STATE', `Review cycle ${cycleId} is ${cycle.status}`);
  const t = businessToday(deps, ctx);
  if (deadline < t)
    throw new DomainError('VALIDATION', 'Invalid deadline', {
      issues: [{ field: 'deadline', message: `deadline must be today (${t}) or later` }],
    });
  const now = ctx.now().toISOString();
  await deps.store.db.transaction().execute(async (trx) => {
    await cycles.setDeadline(trx, cycleId, deadline, now);
    await writeAudit(trx, ctx, {
      action: 'review_cycle.extend',
      entity: 'review_cycle',
      entityId: cycleId,
      before: { deadline: cycle.deadline },
      after: { deadline },
    });
  });
  return getCycle(deps, ctx, cycleId);
}

/** Cancels an open cycle; its proposals stay for the record, nothing is published. */
export async function cancelCycle(deps: Deps, ctx: Ctx, cycleId: number, reason: string) {
  requirePermission(ctx, 'reviews.manage');
  const why = (reason ?? '').trim();
  if (!why)
    throw new DomainError('VALIDATION', 'Cancelling a cycle needs a reason', {
      issues: [{ field: 'reason', message: 'reason is required' }],
    });
  const { cycle } = await cycleState(deps, cycleId);
  if (cycle.status !== 'open')
    throw new DomainError('INVALID_STATE', `Review cycle ${cycleId} is ${cycle.status}`);
  const now = ctx.now().toISOString();
  await deps.store.db.transaction().execute(async (trx) => {
    await cycles.setCycleStatus(trx, cycleId, 'cancelled', now);
    await cycles.insertEvent(
      trx,
      {
        cycleId,
        position: cycle.currentStep,
        action: 'cancel',
        actorId: ctx.actor.id,
        actorName: ctx.actor.name,
        comment: why,
      },
      now,
    );
    await writeAudit(trx, ctx, {
      action: 'review_cycle.cancel',
      entity: 'review_cycle',
      entityId: cycleId,
      after: { reason: why },
    });
  });
  return getCycle(deps, ctx, cycleId);
}
