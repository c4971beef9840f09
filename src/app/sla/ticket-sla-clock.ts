import type { Kysely } from 'kysely';
import { businessDate } from '../../domain/business-date';
import { isCalendarNotCovered } from '../../domain/calendar';
import {
  type ClockReason,
  clockColumns,
  type PlannedTarget,
  pausesFromLog,
  planOf,
} from '../../domain/sla/ticket-clock';
import { customerTierInForce } from '../../store/policy/service-tier.repository';
import type { DB } from '../../store/schema';
import {
  findClock,
  insertClock,
  insertClockEvent,
  listClockEvents,
  openTicketIdsOfCustomer,
  updateClock,
} from '../../store/sla/ticket-sla.repository';
import type { Ctx } from '../context';
import { serviceSchemeInForce } from '../policy/policy-in-force';
import { ticketSla } from './ticket-sla';

/** The process time zone (the config reads TZ too): the day a customer's tier is read for. */
const defaultZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

async function ticketFacts(db: Kysely<DB>, ticketId: number) {
  return db
    .selectFrom('tickets')
    .select([
      'id',
      'customer_id',
      'level',
      'category',
      'category_path',
      'opened_at',
      'first_replied_at',
      'resolved_at',
    ])
    .where('id', '=', ticketId)
    .executeTakeFirst();
}

const iso = (v: unknown): string | null =>
  v === null || v === undefined ? null : v instanceof Date ? v.toISOString() : String(v);

/**
 * Computes (or recomputes) a ticket's SLA clocks inside the caller's transaction: the policy in
 * force for the customer's current tier, the ticket's level and category, from the opening,
 * minus the pauses so far. Writes the clock row and a 'computed' / 'recomputed' event that keeps
 * the plan (each target's due, warning and escalation instants) and, on a recompute, the due
 * instants before and after with the reason. A calendar without the year's holidays does not
 * stop the ticket: the deadlines stay null and the event names the missing date.
 */
export async function computeTicketClock(
  trx: Kysely<DB>,
  ctx: Ctx,
  ticketId: number,
  reason: ClockReason,
  timeZone: string = defaultZone(),
): Promise<void> {
  const t = await ticketFacts(trx, ticketId);
  if (!t) return;
  const now = ctx.now().toISOString();
  const schemeId = await serviceSchemeInForce(trx);
  const tier =
    schemeId === undefined
      ? null
      : ((
          await customerTierInForce(
            trx,
            schemeId,
            Number(t.customer_id),
            businessDate(ctx.now(), timeZone),
          )
        )?.tier ?? null);
  const before = await findClock(trx, ticketId);
  const log = await listClockEvents(trx, ticketId, ['paused', 'resumed']);
  const stops = { firstRepliedAt: iso(t.first_replied_at), resolvedAt: iso(t.resolved_at) };
  let plan: PlannedTarget[] = [];
  let policy: { key: string | null; version: number | null; calendar: string | null } = {
    key: null,
    version: null,
    calendar: null,
  };
  let problem: Record<string, unknown> | null = null;
  let why: unknown = null;
  try {
    const sla = await ticketSla(
      trx,
      { tier, level: Number(t.level), category: t.category_path ?? t.category },
      new Date(iso(t.opened_at) ?? now),
      // An open pause counts as if it ended now (see below).
      pausesFromLog(log).map((p) => (p.to ? p : { from: p.from, to: ctx.now() })),
    );
    plan = planOf(sla.deadlines);
    const winner = sla.selection.winner;
    policy = {
      key: winner?.key ?? null,
      version: sla.version,
      calendar: winner?.calendar ?? plan[0]?.calendar ?? null,
    };
    why = sla.selection.candidates
      .filter((c) => c.matched)
      .map((c) => ({ key: c.policy.key, outcome: c.outcome, lostOn: c.lostOn }));
  } catch (e) {
    if (!isCalendarNotCovered(e)) throw e;
    problem = { code: e.code, message: e.message, ...e.details };
  }
  const cols = clockColumns(plan, stops);
  const { missed, ...dues } = cols;
  // A recompute while a pause is open keeps the clock paused: the due instants are those of
  // the plan as if the pause ended now, so the queue still has something to sort on.
  const values = {
    policy_version: policy.version,
    policy_key: policy.key,
    tier,
    calendar_key: policy.calendar,
    ...dues,
    recomputed_at: now,
    reason,
  };
  if (!before) await insertClock(trx, { ticket_id: ticketId, ...values, breached: missed ? 1 : 0 });
  else
    await updateClock(trx, ticketId, {
      ...values,
      ...(missed ? { breached: 1 } : {}),
      // The warning instant of an open pause would be stale on resume; resume recomputes it.
      ...(before.pausedSince ? { warn_at: null } : {}),
    });
  await insertClockEvent(trx, {
    ticketId,
    kind: before ? 'recomputed' : 'computed',
    at: now,
    detail: {
      reason,
      policyKey: policy.key,
      policyVersion: policy.version,
      tier,
      level: Number(t.level),
      category: t.category_path ?? t.category,
      plan,
      candidates: why,
      ...(before
        ? {
            before: {
              firstReplyDueAt: before.firstReplyDueAt,
              responseDueAt: before.responseDueAt,
              resolutionDueAt: before.resolutionDueAt,
              tier: before.tier,
              policyKey: before.policyKey,
            },
          }
        : {}),
      after: {
        firstReplyDueAt: dues.first_reply_due_at,
        responseDueAt: dues.response_due_at,
        resolutionDueAt: dues.resolution_due_at,
      },
      ...(problem ? { problem } : {}),
    },
  });
}

/**
 * Recomputes the clocks of a customer's open tickets (their tier changed); returns how many.
 * Runs in the caller's transaction.
 */
export async function recomputeForCustomer(
  trx: Kysely<DB>,
  ctx: Ctx,
  customerId: number,
  reason: ClockReason,
  timeZone: string = defaultZone(),
): Promise<number> {
  const ids = await openTicketIdsOfCustomer(trx, customerId);
  for (const id of ids) await computeTicketClock(trx, ctx, id, reason, timeZone);
  return ids.length;
}

/**
 * Sets the met/missed state after a reply or a resolution (or clears it on reopening) from the
 * due instants already on the row; a missed target marks the ticket breached.
 */
export async function refreshClockStops(trx: Kysely<DB>, ticketId: number): Promise<void> {
  const [t, c] = await Promise.all([ticketFacts(trx, ticketId), findClock(trx, ticketId)]);
  if (!t || !c) return;
  const plan = (await latestPlan(trx, ticketId)) ?? [];
  const cols = clockColumns(plan, {
    firstRepliedAt: iso(t.first_replied_at),
    resolvedAt: iso(t.resolved_at),
  });
  await updateClock(trx, ticketId, {
    first_reply_met: cols.first_reply_met,
    resolution_met: cols.resolution_met,
    ...(c.pausedSince ? {} : { warn_at: cols.warn_at }),
    ...(cols.missed ? { breached: 1 } : {}),
  });
}

/** The plan kept by the latest computation of a ticket's clocks, if any. */
export async function latestPlan(
  db: Kysely<DB>,
  ticketId: number,
): Promise<PlannedTarget[] | null> {
  const log = await listClockEvents(db, ticketId, ['computed', 'recomputed']);
  const last = log[log.length - 1];
  return last ? ((last.detail.plan as PlannedTarget[] | undefined) ?? []) : null;
}
