import type { ClockPause } from '../calendar';
import type { TargetDeadline } from './deadlines';
import type { EscalationRole, SlaTargetKey } from './sla.schema';

/** Why a ticket's deadlines last moved. */
export const CLOCK_REASONS = [
  'opened',
  'tier_changed',
  'level_changed',
  'category_changed',
  'resumed',
] as const;
export type ClockReason = (typeof CLOCK_REASONS)[number];

/** Escalation levels: 0 agent, 1 supervisor, 2 manager. */
export const ESCALATION_LEVEL: Record<EscalationRole, number> = {
  agent: 0,
  supervisor: 1,
  manager: 2,
};

/** The instants of one target as a ticket keeps them (ISO strings, JSON-safe). */
export interface PlannedTarget {
  key: SlaTargetKey;
  policyKey: string;
  calendar: string;
  dueAt: string | null;
  warnAt: string | null;
  escalations: { role: EscalationRole; at: string | null }[];
}

/** When the ticket stopped each clock: the first reply stops first-reply and response. */
export interface ClockStops {
  firstRepliedAt: string | null;
  resolvedAt: string | null;
}

/** The plan kept with a computation, from the domain's deadlines. */
export function planOf(deadlines: readonly TargetDeadline[]): PlannedTarget[] {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return deadlines.map((d) => ({
    key: d.key,
    policyKey: d.policyKey,
    calendar: d.calendar,
    dueAt: iso(d.dueAt),
    warnAt: iso(d.warnAt),
    escalations: d.escalations.map((e) => ({ role: e.role, at: iso(e.at) })),
  }));
}

/** The instant a target's clock stopped, or null while it runs. */
export function stoppedAt(key: SlaTargetKey, stops: ClockStops): string | null {
  if (key === 'resolution') return stops.resolvedAt;
  if (key === 'response') return stops.firstRepliedAt ?? stops.resolvedAt;
  return stops.firstRepliedAt;
}

/** Met (1) or missed (0) once the clock stopped; null while it runs or without a due instant. */
export function metState(due: string | null, stopped: string | null): number | null {
  if (due === null || stopped === null) return null;
  return Date.parse(stopped) <= Date.parse(due) ? 1 : 0;
}

/** The due/met columns of a ticket's clock row for a plan and the stops so far. */
export function clockColumns(plan: readonly PlannedTarget[], stops: ClockStops) {
  const due = (k: SlaTargetKey) => plan.find((p) => p.key === k)?.dueAt ?? null;
  const firstReplyMet = metState(due('firstReply'), stops.firstRepliedAt);
  const responseMet = metState(due('response'), stoppedAt('response', stops));
  const resolutionMet = metState(due('resolution'), stops.resolvedAt);
  return {
    first_reply_due_at: due('firstReply'),
    response_due_at: due('response'),
    resolution_due_at: due('resolution'),
    warn_at: nextWarnAt(plan, stops),
    first_reply_met: firstReplyMet,
    resolution_met: resolutionMet,
    missed: firstReplyMet === 0 || responseMet === 0 || resolutionMet === 0,
  };
}

/**
 * The earliest warning (or escalation, when a step fires before the warning) of the targets
 * still running: the instant from which the ticket is at risk and the scan looks at it.
 */
export function nextWarnAt(plan: readonly PlannedTarget[], stops: ClockStops): string | null {
  let best: number | null = null;
  for (const p of plan) {
    if (stoppedAt(p.key, stops) !== null) continue;
    for (const at of [p.warnAt, p.dueAt, ...p.escalations.map((e) => e.at)]) {
      if (at === null) continue;
      const ms = Date.parse(at);
      if (best === null || ms < best) best = ms;
    }
  }
  return best === null ? null : new Date(best).toISOString();
}

/** Something the scan does once: a dedupe key names it. */
export type ClockAction =
  | { kind: 'warned'; key: string; target: SlaTargetKey; dueAt: string }
  | { kind: 'breached'; key: string; target: SlaTargetKey; dueAt: string }
  | { kind: 'escalated'; key: string; target: SlaTargetKey; role: EscalationRole; level: number };

/**
 * What is due at `now` on the running targets and was not done before (`done` holds the keys
 * of earlier actions), plus whether anything is left for later.
 */
export function dueActions(
  plan: readonly PlannedTarget[],
  stops: ClockStops,
  now: Date,
  done: ReadonlySet<string>,
): { actions: ClockAction[]; pending: boolean } {
  const t = now.getTime();
  const actions: ClockAction[] = [];
  let pending = false;
  const reached = (at: string | null) => at !== null && Date.parse(at) <= t;
  for (const p of plan) {
    if (stoppedAt(p.key, stops) !== null || p.dueAt === null) continue;
    const steps: ClockAction[] = [
      ...(p.warnAt
        ? [{ kind: 'warned' as const, key: `warned:${p.key}`, target: p.key, dueAt: p.dueAt }]
        : []),
      { kind: 'breached', key: `breached:${p.key}`, target: p.key, dueAt: p.dueAt },
      ...p.escalations.map((e) => ({
        kind: 'escalated' as const,
        key: `escalated:${p.key}:${e.role}`,
        target: p.key,
        role: e.role,
        level: ESCALATION_LEVEL[e.role],
      })),
    ];
    const when = (a: ClockAction) =>
      a.kind === 'warned'
        ? p.warnAt
        : a.kind === 'breached'
          ? p.dueAt
          : (p.escalations.find((e) => e.role === a.role)?.at ?? null);
    for (const a of steps) {
      if (done.has(a.key)) continue;
      if (reached(when(a))) actions.push(a);
      else pending = true;
    }
  }
  return { actions, pending };
}

/** The quick-response rule of seed 000: level 1–2 tickets get a reply within 10 minutes. */
export const QUICK_RESPONSE_MS = 10 * 60_000;

/** True when a ticket breaks the quick-response rule at `now` (escalate to a supervisor). */
export function quickResponseDue(
  level: number,
  openedAt: string,
  firstRepliedAt: string | null,
  now: Date,
): boolean {
  return level <= 2 && firstRepliedAt === null && Date.parse(openedAt) + QUICK_RESPONSE_MS <= +now;
}

/** Pauses from the paused/resumed log, oldest first (an unmatched pause is still open). */
export function pausesFromLog(log: readonly { kind: string; at: string }[]): ClockPause[] {
  const out: ClockPause[] = [];
  for (const e of log) {
    if (e.kind === 'paused') out.push({ from: new Date(e.at), to: null });
    else if (e.kind === 'resumed') {
      const open = out[out.length - 1];
      if (open && open.to === null) open.to = new Date(e.at);
    }
  }
  return out;
}

/** Milliseconds left until `due` at `now` (negative when past), frozen at `pausedSince`. */
export function remainingMs(due: string | null, now: Date, pausedSince: string | null) {
  if (due === null) return null;
  const from = pausedSince ? Date.parse(pausedSince) : now.getTime();
  return Date.parse(due) - from;
}
