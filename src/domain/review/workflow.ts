import { DomainError } from '../errors';
import type { StepKind } from './steps';

export type CycleStatus = 'open' | 'published' | 'cancelled';

/** What the workflow rules need to know about a cycle. */
export interface CycleState {
  id: number;
  status: CycleStatus;
  /** Index of the step in progress. */
  currentStep: number;
  deadline: string;
  steps: readonly { kind: StepKind; roleId: string; name: { zh: string; en: string } }[];
}

/** Who acts: the system actor (id null) and administrators may act on any step. */
export interface StepActor {
  id: number | null;
  roleId: string;
}

/** True when the actor may act on a step owned by `roleId`. */
export function ownsStep(actor: StepActor, roleId: string): boolean {
  return actor.id === null || actor.roleId === 'admin' || actor.roleId === roleId;
}

/**
 * Refuses an action on a cycle unless it is open, not past its deadline, at the step of the
 * given kind, and the actor holds the step's role. Each refusal says what is wrong and what
 * would be right (the step in progress, the role that owns it, the deadline).
 */
export function requireTurn(
  cycle: CycleState,
  kind: StepKind,
  actor: StepActor,
  today: string,
): number {
  if (cycle.status !== 'open')
    throw new DomainError('INVALID_STATE', `Review cycle ${cycle.id} is ${cycle.status}`, {
      status: cycle.status,
    });
  if (today > cycle.deadline)
    throw new DomainError(
      'INVALID_STATE',
      `Review cycle ${cycle.id} expired on ${cycle.deadline}; extend its deadline to go on`,
      { deadline: cycle.deadline, reason: 'expired' },
    );
  const current = cycle.steps[cycle.currentStep];
  const wanted = cycle.steps.findIndex((s) => s.kind === kind);
  if (wanted < 0)
    throw new DomainError('INVALID_STATE', `Review cycle ${cycle.id} has no ${kind} step`, {
      step: kind,
    });
  if (!current || wanted !== cycle.currentStep)
    throw new DomainError(
      'INVALID_STATE',
      `Review cycle ${cycle.id} is at step ${cycle.currentStep + 1} (${current?.name.en ?? '—'}); ` +
        `${cycle.steps[wanted]!.name.en} ${wanted > cycle.currentStep ? 'comes later' : 'is done'}`,
      { currentStep: cycle.currentStep, currentKind: current?.kind ?? null, step: kind },
    );
  if (!ownsStep(actor, current.roleId))
    throw new DomainError(
      'FORBIDDEN',
      `Step ${cycle.currentStep + 1} (${current.name.en}) belongs to the role ${current.roleId}`,
      { step: current.kind, roleId: current.roleId },
    );
  return cycle.currentStep;
}

/**
 * Checks that the actor may send the cycle back from its current step to the previous one:
 * there is one, a reason is given, and the actor owns the current step.
 */
export function requireReturn(
  cycle: CycleState,
  actor: StepActor,
  today: string,
  reason: string,
): number {
  const current = cycle.steps[cycle.currentStep];
  if (!current) throw new DomainError('INVALID_STATE', `Review cycle ${cycle.id} has no step`);
  requireTurn(cycle, current.kind, actor, today);
  if (cycle.currentStep === 0)
    throw new DomainError('INVALID_STATE', 'The first step cannot be sent back', {
      step: current.kind,
    });
  if (!reason.trim())
    throw new DomainError('VALIDATION', 'Sending a step back needs a reason', {
      issues: [{ field: 'reason', message: 'reason is required' }],
    });
  return cycle.currentStep - 1;
}
