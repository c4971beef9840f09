import { z } from 'zod';
import { DomainError, notFound } from '../../domain/errors';
import {
  ACTION_STATUSES,
  assertActionTransition,
  assertResultForDone,
} from '../../domain/feedback/action-status';
import { FEEDBACK_CLASSES, feedbackClassList } from '../../domain/feedback/classification';
import { dateSchema } from '../../domain/money';
import * as repo from '../../store/feedback/feedback.repository';
import { writeAudit } from '../audit';
import { businessToday } from '../business-today';
import type { Ctx } from '../context';
import { customerFilter } from '../customers/customer-scope';
import type { Deps } from '../deps';
import { requirePermission } from '../guard';
import { parseInput } from '../parse';

const classEnum = z.enum(FEEDBACK_CLASSES, {
  error: `classification must be one of ${FEEDBACK_CLASSES.join(', ')}`,
});
const feedbackStatus = z.enum(['open', 'in_progress', 'closed'], {
  error: 'status must be open, in_progress or closed',
});

export const feedbackFilter = z.object({
  classification: z.union([classEnum, z.literal('unclassified')]).optional(),
  status: feedbackStatus.optional(),
  customerId: z.coerce.number().int().positive().optional(),
  kind: z.enum(['feedback', 'complaint']).optional(),
});
export const classifyInput = z.strictObject({
  classification: classEnum,
  status: feedbackStatus.optional(),
});
export const actionInput = z.strictObject({
  action: z.string({ error: 'action is required' }).trim().min(1, 'action is required').max(2000),
  ownerId: z.number().int().positive().nullable().optional(),
  dueOn: dateSchema('dueOn'),
});
export const actionStepInput = z.strictObject({
  status: z.enum(ACTION_STATUSES, { error: 'status must be open, in_progress or done' }),
  result: z.string().trim().max(2000).optional(),
});

/** The classification list with zh/en names. */
export function feedbackClasses() {
  return feedbackClassList();
}

/*
 * Row scope: feedback is read through its customer. Every feedback row names one (the column is
 * NOT NULL and the row goes with the customer), so there is no customer-less feedback a scoped
 * actor could stumble on; should that ever change, such rows would stay hidden from scoped
 * actors, since the inner join to customers drops them.
 */

/**
 * Feedback and complaints by class, status, kind or customer, with their action counts; a
 * scoped actor sees only those of customers in their row scope.
 */
export async function listFeedback(deps: Deps, ctx: Ctx, raw: unknown) {
  requirePermission(ctx, 'tickets.work');
  const f = parseInput(feedbackFilter, raw, 'Invalid feedback filter');
  return repo.listFeedback(
    deps.store.db,
    {
      classification: f.classification === 'unclassified' ? undefined : f.classification,
      unclassified: f.classification === 'unclassified',
      status: f.status,
      customerId: f.customerId,
      kind: f.kind,
      rows: customerFilter(ctx),
    },
    businessToday(deps, ctx),
  );
}

/**
 * One feedback with its follow-up actions. Feedback of a customer outside the actor's row scope
 * is NOT_FOUND, the same answer as an unknown id; classifying it or adding actions goes through
 * here and is refused the same way.
 */
export async function getFeedback(deps: Deps, ctx: Ctx, id: number) {
  requirePermission(ctx, 'tickets.work');
  const rows = customerFilter(ctx);
  const [f] = await repo.listFeedback(deps.store.db, { id, rows }, businessToday(deps, ctx));
  if (!f) throw notFound('Feedback', id);
  return { ...f, actions: await repo.listActions(deps.store.db, { feedbackId: id, rows }) };
}

/** Classifies a feedback (and may move its status), audited. */
export async function classifyFeedback(deps: Deps, ctx: Ctx, id: number, raw: unknown) {
  requirePermission(ctx, 'tickets.work');
  const input = parseInput(classifyInput, raw, 'Invalid classification');
  const before = await getFeedback(deps, ctx, id);
  await deps.store.db.transaction().execute(async (trx) => {
    await repo.classifyFeedback(trx, id, {
      classification: input.classification,
      status: input.status,
      by: ctx.actor.id,
      at: ctx.now().toISOString(),
    });
    await writeAudit(trx, ctx, {
      action: 'feedback.classify',
      entity: 'feedback',
      entityId: id,
      before: { classification: before.classification, status: before.status },
      after: input,
    });
  });
  return getFeedback(deps, ctx, id);
}

/** Adds a follow-up action with an owner and a due date; the feedback moves to in_progress. */
export async function addAction(deps: Deps, ctx: Ctx, feedbackId: number, raw: unknown) {
  requirePermission(ctx, 'tickets.work');
  const input = parseInput(actionInput, raw, 'Invalid follow-up action');
  const f = await getFeedback(deps, ctx, feedbackId);
  if (f.status === 'closed')
    throw new DomainError('INVALID_STATE', 'The feedback is closed; reopen it to add actions');
  await deps.store.db.transaction().execute(async (trx) => {
    const id = await repo.insertAction(
      trx,
      { feedbackId, action: input.action, ownerId: input.ownerId ?? null, dueOn: input.dueOn },
      ctx.actor.id,
      ctx.now().toISOString(),
    );
    if (f.status === 'open') await repo.setFeedbackStatus(trx, feedbackId, 'in_progress');
    await writeAudit(trx, ctx, {
      action: 'feedback.action.add',
      entity: 'feedback',
      entityId: feedbackId,
      after: { actionId: id, ...input },
    });
  });
  return getFeedback(deps, ctx, feedbackId);
}

/**
 * Moves an action along open → in_progress → done; "done" needs the result. An action on
 * feedback of a customer outside the actor's row scope is NOT_FOUND, like an unknown one.
 */
export async function stepAction(deps: Deps, ctx: Ctx, actionId: number, raw: unknown) {
  requirePermission(ctx, 'tickets.work');
  const input = parseInput(actionStepInput, raw, 'Invalid action update');
  const a = await repo.findAction(deps.store.db, actionId, customerFilter(ctx));
  if (!a) throw notFound('Follow-up action', actionId);
  assertActionTransition(a.status, input.status);
  assertResultForDone(input.status, input.result);
  const now = ctx.now().toISOString();
  await deps.store.db.transaction().execute(async (trx) => {
    const moved = await repo.moveAction(trx, actionId, a.status, {
      status: input.status,
      at: now,
      ...(input.status === 'done' ? { result: input.result ?? null, doneAt: now } : {}),
    });
    if (!moved) throw new DomainError('INVALID_STATE', 'The action changed meanwhile; reload it');
    await writeAudit(trx, ctx, {
      action: 'feedback.action.step',
      entity: 'feedback',
      entityId: a.feedbackId,
      before: { actionId, status: a.status },
      after: { actionId, ...input },
    });
  });
  return getFeedback(deps, ctx, a.feedbackId);
}

/** Actions not done whose due date has passed (business today), within the actor's row scope. */
export async function overdueActions(deps: Deps, ctx: Ctx) {
  requirePermission(ctx, 'tickets.work');
  return repo.listActions(deps.store.db, {
    overdueOn: businessToday(deps, ctx),
    rows: customerFilter(ctx),
  });
}
