import type { Kysely } from 'kysely';
import { z } from 'zod';
import { DomainError, notFound } from '../../domain/errors';
import { messageInput, ticketReference, transitionInput } from '../../domain/service/ticket.schema';
import {
  canFollowUp,
  checkTransition,
  normalizeStatus,
  transitionStamps,
} from '../../domain/service/ticket-status';
import type { DB } from '../../store/schema';
import { insertMessage } from '../../store/service/ticket-messages.repository';
import * as repo from '../../store/service/tickets.repository';
import { writeAudit } from '../audit';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { requestSurveyForTicket } from '../feedback/surveys.service';
import { requirePermission } from '../guard';
import { parseInput } from '../parse';
import { refreshClockStops } from '../sla/ticket-sla-clock';
import { checkAssignee } from './ticket-assignee';
import { ticketEvent } from './ticket-events';
import { canManage } from './ticket-view';
import { getTicket } from './tickets.service';

async function load(db: Kysely<DB>, id: number) {
  const t = await repo.findTicket(db, id);
  if (!t) throw notFound('Ticket', id);
  return t;
}

/** The answer when a ticket changed since the version the client read. */
export function staleTicket(id: number, version: number): DomainError {
  return new DomainError(
    'STALE_VERSION',
    `Ticket ${id} was changed by someone else since version ${version}; reload and try again`,
    { id, version },
  );
}

/**
 * Moves a ticket in the state machine (optimistic lock on `version`). An illegal move answers
 * INVALID_STATE naming from → to; reopening counts and clears the finish stamps.
 */
export async function transitionTicket(deps: Deps, ctx: Ctx, id: number, raw: unknown) {
  requirePermission(ctx, 'tickets.work');
  const input = parseInput(transitionInput, raw, 'Invalid transition');
  await deps.store.db.transaction().execute(async (trx) => {
    const t = await load(trx, id);
    if (t.version !== input.version) throw staleTicket(id, input.version);
    const from = normalizeStatus(t.status);
    const now = ctx.now();
    const kind = checkTransition({
      from,
      to: input.to,
      canManage: canManage(ctx),
      hasAssignee: t.assigneeId !== null,
      resolvedAt: t.resolvedAt,
      now,
    });
    const iso = now.toISOString();
    const ok = await repo.updateTicket(trx, id, t.version, {
      status: input.to,
      updated_at: iso,
      ...transitionStamps(kind, input.to, iso),
      ...(kind === 'reopen' ? { reopened_count: t.reopenedCount + 1 } : {}),
      ...(input.to === 'replied' && !t.firstRepliedAt ? { first_replied_at: iso } : {}),
    });
    if (!ok) throw staleTicket(id, input.version);
    await refreshClockStops(trx, id);
    await insertMessage(trx, {
      ticket_id: id,
      kind: 'status',
      author_id: ctx.actor.id,
      author_name: ctx.actor.name,
      body: input.comment ?? '',
      visibility: 'public',
      from_status: from,
      to_status: input.to,
      created_at: iso,
    });
    if (input.to === 'closed') {
      // Closing asks the customer how it went (once per ticket): the one-time link goes into
      // the conversation, where the agent sends it on with the closing reply.
      const survey = await requestSurveyForTicket(trx, ctx, id);
      if (survey)
        await insertMessage(trx, {
          ticket_id: id,
          kind: 'reply',
          author_id: ctx.actor.id,
          author_name: ctx.actor.name,
          body: `请为本次服务评分 / Please rate our service: ${survey.link}`,
          visibility: 'public',
          from_status: null,
          to_status: null,
          created_at: iso,
        });
    }
    await writeAudit(trx, ctx, {
      action: kind === 'reopen' ? 'ticket.reopen' : 'ticket.transition',
      entity: 'ticket',
      entityId: id,
      before: { status: from, version: t.version },
      after: { status: input.to, version: t.version + 1, comment: input.comment ?? null },
    });
  });
  return getTicket(deps, ctx, id);
}

const assignInput = z.strictObject({
  assigneeId: z.number({ error: 'assigneeId must be a user id' }).int().positive(),
  version: z.number().int().optional(),
});

/**
 * Gives a ticket to someone who works tickets; a new ticket becomes 'assigned'. Tells the
 * assignee and the customer's owner.
 */
export async function assignTicket(deps: Deps, ctx: Ctx, id: number, raw: unknown) {
  requirePermission(ctx, 'tickets.work');
  const input = parseInput(assignInput, raw, 'Invalid assignment');
  const db = deps.store.db;
  const who = await checkAssignee(db, input.assigneeId);
  await db.transaction().execute(async (trx) => {
    // Without a version from the client, a concurrent change is waited for, not refused.
    if (input.version === undefined) await repo.lockTicket(trx, id);
    const t = await load(trx, id);
    if (input.version !== undefined && t.version !== input.version)
      throw staleTicket(id, input.version);
    const from = normalizeStatus(t.status);
    if (from === 'closed')
      throw new DomainError(
        'INVALID_STATE',
        'A closed ticket cannot be assigned; reopen it first',
        {
          from,
          to: 'assigned',
        },
      );
    const iso = ctx.now().toISOString();
    const to = from === 'new' ? 'assigned' : from;
    const ok = await repo.updateTicket(trx, id, t.version, {
      assignee_id: who.id,
      status: to,
      updated_at: iso,
    });
    if (!ok) throw staleTicket(id, t.version);
    await insertMessage(trx, {
      ticket_id: id,
      kind: 'assignment',
      author_id: ctx.actor.id,
      author_name: ctx.actor.name,
      // The assignee's name; the UI words it in the reader's language.
      body: who.name,
      visibility: 'internal',
      from_status: from,
      to_status: to,
      created_at: iso,
    });
    await writeAudit(trx, ctx, {
      action: 'ticket.assign',
      entity: 'ticket',
      entityId: id,
      before: { assigneeId: t.assigneeId, status: from },
      after: { assigneeId: who.id, status: to },
    });
    const saved = await load(trx, id);
    await ticketEvent(trx, ctx, 'ticket.assigned', saved, ticketReference(id, t.openedAt));
  });
  return getTicket(deps, ctx, id);
}

/**
 * Adds a reply (the customer sees it), an internal note (staff only) or a follow-up record.
 * The first reply on a new or assigned ticket moves it to 'replied' and stamps the first
 * response time the SLA clocks will read.
 */
export async function addMessage(deps: Deps, ctx: Ctx, id: number, raw: unknown) {
  requirePermission(ctx, 'tickets.work');
  const input = parseInput(messageInput, raw, 'Invalid message');
  await deps.store.db.transaction().execute(async (trx) => {
    // Two notes at once are both kept: the second waits for the first rather than failing.
    await repo.lockTicket(trx, id);
    const t = await load(trx, id);
    const status = normalizeStatus(t.status);
    if (input.kind === 'follow_up' && !canFollowUp(status))
      throw new DomainError(
        'INVALID_STATE',
        `A follow-up is recorded after the ticket is resolved; it is ${status}`,
        { from: status, to: status },
      );
    const iso = ctx.now().toISOString();
    const messageId = await insertMessage(trx, {
      ticket_id: id,
      kind: input.kind,
      author_id: ctx.actor.id,
      author_name: ctx.actor.name,
      body: input.body,
      visibility: input.kind === 'note' ? 'internal' : 'public',
      from_status: null,
      to_status: null,
      created_at: iso,
    });
    const moves = input.kind === 'reply' && (status === 'new' || status === 'assigned');
    const ok = await repo.updateTicket(trx, id, t.version, {
      updated_at: iso,
      ...(moves ? { status: 'replied' } : {}),
      ...(input.kind === 'reply' && !t.firstRepliedAt ? { first_replied_at: iso } : {}),
      ...(input.kind === 'follow_up' ? { followed_up_at: iso } : {}),
    });
    if (!ok) throw staleTicket(id, t.version);
    if (input.kind === 'reply' && !t.firstRepliedAt) await refreshClockStops(trx, id);
    await writeAudit(trx, ctx, {
      action: `ticket.${input.kind}`,
      entity: 'ticket',
      entityId: id,
      after: { messageId, kind: input.kind, ...(moves ? { status: 'replied' } : {}) },
    });
  });
  return getTicket(deps, ctx, id);
}
