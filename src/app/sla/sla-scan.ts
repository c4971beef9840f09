import type { Kysely } from 'kysely';
import type { EscalationRole } from '../../domain/sla';
import {
  type ClockAction,
  dueActions,
  ESCALATION_LEVEL,
  QUICK_RESPONSE_MS,
} from '../../domain/sla/ticket-clock';
import type { DB } from '../../store/schema';
import {
  activeUsersOfRoles,
  clocksToScan,
  insertClockEvent,
  listClockEvents,
  quickResponseCandidates,
  updateClock,
} from '../../store/sla/ticket-sla.repository';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { dispatchEvent } from '../notifications/dispatch';
import { latestPlan } from './ticket-sla-clock';

/** Roles told at each escalation step besides the assignee (agent step: the assignee only). */
export const ESCALATION_ROLES: Record<EscalationRole, string[]> = {
  agent: [],
  supervisor: ['service_supervisor'],
  manager: ['general_manager'],
};

/** Tickets read per page; a run pages through every at-risk clock. */
const BATCH = 500;

export interface ScanSummary {
  scanned: number;
  warned: number;
  breached: number;
  escalated: number;
  quickResponse: number;
}

async function recipients(db: Kysely<DB>, role: EscalationRole, assigneeId: number | null) {
  const users = await activeUsersOfRoles(db, ESCALATION_ROLES[role]);
  // Nobody to tell at the agent step of an unassigned ticket: the supervisors hear instead.
  if (role === 'agent' && assigneeId === null)
    return activeUsersOfRoles(db, ESCALATION_ROLES.supervisor);
  return assigneeId === null ? users : [assigneeId, ...users];
}

/**
 * One pass of the SLA clocks (job `sla.scan`, every minute): for each running, unpaused clock
 * past its warning instant, fires what is due and was not fired before — a warning to the
 * assignee, the breach (ticket marked breached), each escalation step to its role — once each,
 * deduplicated on the ticket's clock log. Then the quick-response rule of seed 000: a level 1–2
 * ticket without a reply 10 minutes after opening goes to the supervisors at once. Each ticket
 * is written in its own transaction, so a failure leaves the others done.
 */
export async function runSlaScan(deps: Deps, ctx: Ctx): Promise<ScanSummary> {
  const db = deps.store.db;
  const now = ctx.now();
  const iso = now.toISOString();
  const s: ScanSummary = { scanned: 0, warned: 0, breached: 0, escalated: 0, quickResponse: 0 };
  let after: { warnAt: string; ticketId: number } | null = null;
  for (;;) {
    const page = await clocksToScan(db, iso, BATCH, after);
    for (const c of page) await scanClock(c);
    const last = page[page.length - 1];
    if (!last || page.length < BATCH) break;
    after = { warnAt: last.warnAt, ticketId: last.ticketId };
  }
  async function scanClock(c: Awaited<ReturnType<typeof clocksToScan>>[number]) {
    s.scanned++;
    await db.transaction().execute(async (trx) => {
      const plan = (await latestPlan(trx, c.ticketId)) ?? [];
      const log = await listClockEvents(trx, c.ticketId, ['warned', 'breached', 'escalated']);
      const done = new Set(log.map((e) => String(e.detail.key)));
      const { actions, pending } = dueActions(plan, c, now, done);
      let level = c.escalationLevel;
      let breached = c.breached;
      for (const a of actions) {
        await fire(trx, ctx, c, a);
        if (a.kind === 'warned') s.warned++;
        if (a.kind === 'breached') {
          s.breached++;
          breached = 1;
        }
        if (a.kind === 'escalated') {
          s.escalated++;
          level = Math.max(level, a.level);
        }
      }
      // Nothing left to fire: the ticket leaves the scan (warn_at null) until recomputed.
      if (actions.length > 0 || !pending)
        await updateClock(trx, c.ticketId, {
          breached,
          escalation_level: level,
          ...(pending ? {} : { warn_at: null }),
        });
    });
  }
  const cutoff = new Date(now.getTime() - QUICK_RESPONSE_MS).toISOString();
  for (const q of await quickResponseCandidates(db, cutoff, BATCH)) {
    await db.transaction().execute(async (trx) => {
      await insertClockEvent(trx, {
        ticketId: q.ticketId,
        kind: 'quick_response_escalated',
        at: iso,
        detail: { key: 'quick_response', role: 'supervisor', openedAt: q.openedAt, level: q.level },
      });
      await updateClock(trx, q.ticketId, { escalation_level: ESCALATION_LEVEL.supervisor });
      await dispatchEvent(trx, ctx, {
        kind: 'ticket.sla_quick_response',
        entity: 'ticket',
        entityId: q.ticketId,
        payload: { ticketId: q.ticketId, subject: q.subject, level: q.level, openedAt: q.openedAt },
        userIds: await recipients(trx, 'supervisor', q.assigneeId),
        customerId: q.customerId,
      });
    });
    s.quickResponse++;
  }
  return s;
}

async function fire(
  trx: Kysely<DB>,
  ctx: Ctx,
  c: {
    ticketId: number;
    customerId: number;
    assigneeId: number | null;
    subject: string;
    level: number;
  },
  a: ClockAction,
) {
  const at = ctx.now().toISOString();
  await insertClockEvent(trx, { ticketId: c.ticketId, kind: a.kind, at, detail: { ...a } });
  const role: EscalationRole = a.kind === 'escalated' ? a.role : 'agent';
  const users =
    a.kind === 'warned'
      ? c.assigneeId === null
        ? []
        : [c.assigneeId]
      : await recipients(trx, a.kind === 'breached' ? 'agent' : role, c.assigneeId);
  await dispatchEvent(trx, ctx, {
    kind: `ticket.sla_${a.kind}`,
    entity: 'ticket',
    entityId: c.ticketId,
    payload: { ticketId: c.ticketId, subject: c.subject, level: c.level, ...a },
    userIds: users,
    customerId: c.customerId,
  });
}
