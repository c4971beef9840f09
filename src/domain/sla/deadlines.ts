import {
  addWorkingDays,
  type BusinessCalendar,
  businessTimeBetween,
  type ClockPause,
  deadlineWithPauses,
} from '../calendar';
import type { ResolvedTarget } from './match';
import {
  type EscalationRole,
  type EscalationStep,
  SLA_TARGET_KEYS,
  type SlaPolicy,
  type SlaTarget,
  type SlaTargetKey,
} from './sla.schema';

const MINUTE = 60_000;

/** When one escalation step fires (null while an open pause holds the clock). */
export interface EscalationAt {
  role: EscalationRole;
  afterFraction: number | null;
  afterMinutes: number | null;
  at: Date | null;
}

/** The instants of one target for one ticket. */
export interface TargetDeadline {
  key: SlaTargetKey;
  target: SlaTarget;
  policyKey: string;
  calendar: string;
  /** Business time the target allows, in ms, before pauses. */
  budgetMs: number;
  /** The due instant, or null while an open pause holds the clock. */
  dueAt: Date | null;
  warnAt: Date | null;
  escalations: EscalationAt[];
}

/**
 * The business time a target allows from `start`. Minutes and hours are business time on the
 * calendar; "n working days" ends at the close of the nth working day after the start day
 * (`addWorkingDays`, rule 'close'), turned into the business time up to it, so that pauses,
 * warnings and escalation fractions treat every unit alike.
 */
export function targetBudgetMs(cal: BusinessCalendar, target: SlaTarget, start: Date): number {
  if (target.unit === 'minutes') return target.amount * MINUTE;
  if (target.unit === 'hours') return target.amount * 60 * MINUTE;
  return businessTimeBetween(cal, start, addWorkingDays(cal, start, target.amount, 'close'));
}

/**
 * Due, warning and escalation instants of one target: `deadlineWithPauses` over the budget,
 * `warnAt` × budget, each step's fraction × budget or budget + its minutes. Throws
 * CALENDAR_NOT_COVERED when the walk leaves the calendar's holiday list.
 */
export function targetDeadline(
  cal: BusinessCalendar,
  t: Pick<ResolvedTarget, 'key' | 'target' | 'policyKey' | 'calendar' | 'warnAt'> & {
    escalation: readonly EscalationStep[];
  },
  start: Date,
  pauses: readonly ClockPause[] = [],
): TargetDeadline {
  const budgetMs = targetBudgetMs(cal, t.target, start);
  const at = (ms: number) => deadlineWithPauses(cal, start, Math.round(ms), pauses);
  return {
    key: t.key,
    target: t.target,
    policyKey: t.policyKey,
    calendar: t.calendar,
    budgetMs,
    dueAt: at(budgetMs),
    warnAt: at(budgetMs * t.warnAt),
    escalations: t.escalation.map((s) => ({
      role: s.role,
      afterFraction: s.afterFraction ?? null,
      afterMinutes: s.afterMinutes ?? null,
      at: at(
        s.afterFraction !== undefined
          ? budgetMs * s.afterFraction
          : budgetMs + (s.afterMinutes ?? 0) * MINUTE,
      ),
    })),
  };
}

/** Every target one policy sets, on the given calendar (the policy's own). */
export function policyDeadlines(
  policy: SlaPolicy,
  cal: BusinessCalendar,
  start: Date,
  pauses: readonly ClockPause[] = [],
): TargetDeadline[] {
  return SLA_TARGET_KEYS.flatMap((key) => {
    const target = policy.targets[key];
    if (!target) return [];
    const escalation = policy.escalation.filter((s) => s.target === key);
    return [
      targetDeadline(
        cal,
        {
          key,
          target,
          policyKey: policy.key,
          calendar: policy.calendar,
          warnAt: policy.warnAt,
          escalation,
        },
        start,
        pauses,
      ),
    ];
  });
}

/**
 * The deadlines of a ticket's resolved targets (see `selectSlaPolicy`), each on the calendar of
 * the policy that supplies it; `calendarOf` turns a calendar key into the calendar.
 */
export function resolvedDeadlines(
  targets: Partial<Record<SlaTargetKey, ResolvedTarget>>,
  calendarOf: (key: string) => BusinessCalendar,
  start: Date,
  pauses: readonly ClockPause[] = [],
): TargetDeadline[] {
  return SLA_TARGET_KEYS.flatMap((key) => {
    const t = targets[key];
    return t ? [targetDeadline(calendarOf(t.calendar), t, start, pauses)] : [];
  });
}
