import type { Kysely } from 'kysely';
import { z } from 'zod';
import { businessTimeBetween } from '../../domain/calendar';
import { DomainError, notFound } from '../../domain/errors';
import { FINISHED_STATUSES, normalizeStatus } from '../../domain/service/ticket-status';
import type { DB } from '../../store/schema';
import { findClock, insertClockEvent, updateClock } from '../../store/sla/ticket-sla.repository';
import { writeAudit } from '../audit';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { requirePermission } from '../guard';
import { parseInput } from '../parse';
import { slaCalendars } from './sla-calendars';
import { computeTicketClock } from './ticket-sla-clock';

const pauseInput = z.strictObject({
  reason: z
    .string({ error: 'reason is required (why the ticket waits on the customer)' })
    .trim()
    .min(1, 'reason must not be empty')
    .max(500, 'reason must be at most 500 characters'),
});

async function openClock(trx: Kysely<DB>, id: number) {
  const t = await trx
    .selectFrom('tickets')
    .select(['status'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!t) throw notFound('Ticket', id);
  const status = normalizeStatus(t.status);
  if (FINISHED_STATUSES.includes(status))
    throw new DomainError(
      'INVALID_STATE',
      `Ticket ${id} is ${status}; its SLA clock no longer runs and cannot be paused or resumed`,
      { id, status },
    );
  const clock = await findClock(trx, id);
  if (!clock)
    throw new DomainError('INVALID_STATE', `Ticket ${id} has no SLA clock to pause or resume`, {
      id,
    });
  return clock;
}

/** Stops a ticket's clocks while it waits on the customer; pausing a paused clock is refused. */
export async function pauseTicketClock(deps: Deps, ctx: Ctx, id: number, raw: unknown) {
  requirePermission(ctx, 'tickets.work');
  const input = parseInput(pauseInput, raw, 'Invalid pause');
  const now = ctx.now().toISOString();
  await deps.store.db.transaction().execute(async (trx) => {
    const clock = await openClock(trx, id);
    if (clock.pausedSince)
      throw new DomainError(
        'INVALID_STATE',
        `Ticket ${id}'s SLA clock is already paused since ${clock.pausedSince}; resume it first`,
        { id, pausedSince: clock.pausedSince },
      );
    await updateClock(trx, id, { paused_since: now });
    await insertClockEvent(trx, {
      ticketId: id,
      kind: 'paused',
      at: now,
      detail: { reason: input.reason, by: ctx.actor.name },
    });
    await writeAudit(trx, ctx, {
      action: 'ticket.sla_pause',
      entity: 'ticket',
      entityId: id,
      after: { pausedSince: now, reason: input.reason },
    });
  });
}

/**
 * Restarts a paused ticket's clocks: the remaining deadlines move on by the business time the
 * pause took (`deadlineWithPauses` over every pause so far); the move is logged with reason
 * 'resumed'. Resuming a running clock is refused.
 */
export async function resumeTicketClock(deps: Deps, ctx: Ctx, id: number) {
  requirePermission(ctx, 'tickets.work');
  const now = ctx.now();
  await deps.store.db.transaction().execute(async (trx) => {
    const clock = await openClock(trx, id);
    if (!clock.pausedSince)
      throw new DomainError(
        'INVALID_STATE',
        `Ticket ${id}'s SLA clock is not paused; there is nothing to resume`,
        { id },
      );
    const pausedMs = await pausedBusinessMs(trx, clock.calendarKey, clock.pausedSince, now);
    await insertClockEvent(trx, {
      ticketId: id,
      kind: 'resumed',
      at: now.toISOString(),
      detail: { from: clock.pausedSince, pausedMs, by: ctx.actor.name },
    });
    await updateClock(trx, id, { paused_since: null, paused_ms: clock.pausedMs + pausedMs });
    await computeTicketClock(trx, ctx, id, 'resumed', deps.config.timeZone);
    await writeAudit(trx, ctx, {
      action: 'ticket.sla_resume',
      entity: 'ticket',
      entityId: id,
      before: { pausedSince: clock.pausedSince },
      after: { pausedMs },
    });
  });
}

/** Business time of a pause on the clock's calendar (wall time when it cannot be counted). */
async function pausedBusinessMs(
  db: Kysely<DB>,
  calendarKey: string | null,
  from: string,
  to: Date,
): Promise<number> {
  const wall = to.getTime() - Date.parse(from);
  if (!calendarKey) return wall;
  try {
    const cal = (await slaCalendars(db, [calendarKey]))(calendarKey);
    return Math.max(0, businessTimeBetween(cal, new Date(from), to));
  } catch {
    // A calendar without the year's holidays (or deleted since) cannot count business time.
    return wall;
  }
}
