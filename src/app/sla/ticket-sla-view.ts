import type { Kysely } from 'kysely';
import {
  metState,
  type PlannedTarget,
  remainingMs,
  stoppedAt,
} from '../../domain/sla/ticket-clock';
import type { DB } from '../../store/schema';
import { findClock, listClockEvents } from '../../store/sla/ticket-sla.repository';

/**
 * The `sla` block of a ticket's detail: which policy applied (key, version, why it won), each
 * target's due instant, met state and time left, the pause state, and the clock log with the
 * reasons the deadlines moved. Null for a ticket whose clocks were never computed.
 */
export async function ticketSlaBlock(
  db: Kysely<DB>,
  t: { id: number; firstRepliedAt: string | null; resolvedAt: string | null },
  now: Date,
) {
  const clock = await findClock(db, t.id);
  if (!clock) return null;
  const events = await listClockEvents(db, t.id);
  const computed = events.filter((e) => e.kind === 'computed' || e.kind === 'recomputed');
  const last = computed[computed.length - 1];
  const plan = (last?.detail.plan as PlannedTarget[] | undefined) ?? [];
  const stops = { firstRepliedAt: t.firstRepliedAt, resolvedAt: t.resolvedAt };
  return {
    policyKey: clock.policyKey,
    policyVersion: clock.policyVersion,
    tier: clock.tier,
    calendarKey: clock.calendarKey,
    reason: clock.reason,
    recomputedAt: clock.recomputedAt,
    candidates:
      (last?.detail.candidates as
        | { key: string; outcome: string; lostOn: string | null }[]
        | null
        | undefined) ?? [],
    problem: (last?.detail.problem as { message: string; date?: string } | undefined) ?? null,
    targets: plan.map((p) => {
      const stopped = stoppedAt(p.key, stops);
      return {
        key: p.key,
        policyKey: p.policyKey,
        calendar: p.calendar,
        dueAt: p.dueAt,
        warnAt: p.warnAt,
        stoppedAt: stopped,
        met: metState(p.dueAt, stopped),
        remainingMs: stopped ? null : remainingMs(p.dueAt, now, clock.pausedSince),
      };
    }),
    warnAt: clock.warnAt,
    breached: clock.breached === 1,
    escalationLevel: clock.escalationLevel,
    pausedSince: clock.pausedSince,
    pausedMs: clock.pausedMs,
    events: events.map((e) => ({ id: e.id, kind: e.kind, at: e.at, detail: pick(e) })),
  };
}

/** What the history shows of an event: the plan and candidates stay out (they are long). */
function pick(e: { kind: string; detail: Record<string, unknown> }) {
  const { plan: _plan, candidates: _candidates, ...rest } = e.detail;
  return rest;
}
export type TicketSlaBlock = NonNullable<Awaited<ReturnType<typeof ticketSlaBlock>>>;
