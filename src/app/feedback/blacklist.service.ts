import { z } from 'zod';
import { DomainError, notFound } from '../../domain/errors';
import { assertCanDecide, assertRequestFits } from '../../domain/feedback/blacklist-rules';
import { findCustomerById } from '../../store/customers.repository';
import * as repo from '../../store/feedback/blacklist.repository';
import { writeAudit } from '../audit';
import type { Ctx } from '../context';
import { assertCustomerInScope, customerFilter } from '../customers/customer-scope';
import type { Deps } from '../deps';
import { requirePermission } from '../guard';
import { dispatchEvent } from '../notifications/dispatch';
import { parseInput } from '../parse';

const ids = z.array(z.number().int().positive()).max(100).default([]);

export const requestInput = z
  .strictObject({
    customerId: z.number({ error: 'customerId must be a number' }).int().positive(),
    action: z.enum(['add', 'remove'], { error: 'action must be add or remove' }),
    reason: z
      .string({ error: 'reason is required' })
      .trim()
      .min(1, 'reason is required: say why')
      .max(2000),
    ticketIds: ids,
    feedbackIds: ids,
  })
  .refine((r) => r.action === 'remove' || r.ticketIds.length + r.feedbackIds.length > 0, {
    message: 'evidence is required: list the tickets or complaints that show the pattern',
    path: ['ticketIds'],
  });

export const decisionInput = z.strictObject({
  approve: z.boolean({ error: 'approve must be true or false' }),
  note: z.string().trim().max(2000).optional(),
});

/** Blacklist requests by status or customer, newest first, within the actor's row scope. */
export async function listBlacklistRequests(
  deps: Deps,
  ctx: Ctx,
  f: { status?: string | undefined; customerId?: number | undefined },
) {
  requirePermission(ctx, 'tickets.work');
  return repo.listRequests(deps.store.db, {
    status: f.status,
    customerId: f.customerId,
    rows: customerFilter(ctx),
  });
}

/**
 * One request. A request about a customer outside the actor's row scope is NOT_FOUND, the same
 * answer as an unknown id (deciding one goes through here too).
 */
export async function getBlacklistRequest(deps: Deps, ctx: Ctx, id: number) {
  requirePermission(ctx, 'tickets.work');
  const r = await repo.findRequest(deps.store.db, id, customerFilter(ctx));
  if (!r) throw notFound('Blacklist request', id);
  return r;
}

/**
 * A front-line employee asks to tag a customer as a professional complainer (or to lift the
 * tag), with the reason and the tickets/complaints that show it. Nothing changes on the card
 * until a service manager approves; the approvers are told.
 */
export async function requestBlacklist(deps: Deps, ctx: Ctx, raw: unknown) {
  requirePermission(ctx, 'tickets.work');
  const input = parseInput(requestInput, raw, 'Invalid blacklist request');
  const db = deps.store.db;
  // A customer outside the row scope reads as one that does not exist; the evidence is then
  // checked to be that customer's, so it is within scope too.
  await assertCustomerInScope(db, ctx, input.customerId);
  const c = await findCustomerById(db, input.customerId);
  if (!c) throw notFound('Customer', input.customerId);
  assertRequestFits(input.action, await repo.isBlacklisted(db, input.customerId));
  const evidence = { ticketIds: input.ticketIds, feedbackIds: input.feedbackIds };
  const own = await repo.evidenceOfCustomer(db, input.customerId, evidence);
  const issues = [
    ...input.ticketIds
      .map((id, i) => ({ id, i }))
      .filter((x) => !own.ticketIds.has(x.id))
      .map((x) => ({
        field: `ticketIds.${x.i}`,
        message: `ticket ${x.id} is not a ticket of ${c.code}`,
      })),
    ...input.feedbackIds
      .map((id, i) => ({ id, i }))
      .filter((x) => !own.feedbackIds.has(x.id))
      .map((x) => ({
        field: `feedbackIds.${x.i}`,
        message: `feedback ${x.id} is not from ${c.code}`,
      })),
  ];
  if (issues.length) throw new DomainError('VALIDATION', 'Invalid blacklist request', { issues });
  const pending = await repo.pendingRequestId(db, input.customerId);
  if (pending)
    throw new DomainError(
      'CONFLICT',
      `Customer ${c.code} already has a pending blacklist request`,
      {
        requestId: pending,
      },
    );
  const id = await db.transaction().execute(async (trx) => {
    const id = await repo.insertRequest(
      trx,
      { ...input, evidence },
      ctx.actor.id,
      ctx.now().toISOString(),
    );
    await writeAudit(trx, ctx, {
      action: 'blacklist.request',
      entity: 'customer',
      entityId: c.id,
      after: { requestId: id, ...input },
    });
    const approvers = (await repo.usersWithPermission(trx, 'service.manage')).filter(
      (u) => u !== ctx.actor.id,
    );
    await dispatchEvent(trx, ctx, {
      kind: 'blacklist.requested',
      entity: 'blacklist_request',
      entityId: id,
      payload: {
        requestId: id,
        action: input.action,
        customerId: c.id,
        customerCode: c.code,
        customerName: c.name,
      },
      userIds: approvers,
      customerId: c.id,
    });
    return id;
  });
  return getBlacklistRequest(deps, ctx, id);
}

/**
 * A service manager (never the requester) approves or refuses. Approval writes or removes the
 * stored 'blacklist' tag in the same transaction; the requester is told either way.
 */
export async function decideBlacklist(deps: Deps, ctx: Ctx, id: number, raw: unknown) {
  requirePermission(ctx, 'service.manage');
  const input = parseInput(decisionInput, raw, 'Invalid decision');
  const r = await getBlacklistRequest(deps, ctx, id);
  assertCanDecide(r, ctx.actor.id);
  const now = ctx.now().toISOString();
  await deps.store.db.transaction().execute(async (trx) => {
    const status = input.approve ? 'approved' : 'refused';
    if (
      !(await repo.decideRequest(trx, id, {
        status,
        by: ctx.actor.id,
        at: now,
        note: input.note ?? null,
      }))
    )
      throw new DomainError('INVALID_STATE', 'The request was decided meanwhile');
    if (input.approve) {
      // The tag may have changed by hand since the request: check again at the moment it counts.
      assertRequestFits(r.action, await repo.isBlacklisted(trx, r.customerId));
      await repo.setBlacklistTag(trx, r.customerId, r.action === 'add', now);
    }
    await writeAudit(trx, ctx, {
      action: `blacklist.${status}`,
      entity: 'customer',
      entityId: r.customerId,
      before: { requestId: id, status: 'pending' },
      after: { requestId: id, status, action: r.action, note: input.note ?? null },
    });
    await dispatchEvent(trx, ctx, {
      kind: `blacklist.${status}`,
      entity: 'blacklist_request',
      entityId: id,
      payload: {
        requestId: id,
        action: r.action,
        customerId: r.customerId,
        customerCode: r.customerCode,
        customerName: r.customerName,
      },
      userIds: r.requestedBy !== null ? [r.requestedBy] : [],
    });
  });
  return getBlacklistRequest(deps, ctx, id);
}
