import { DomainError } from '../errors';

/** A follow-up action moves open → in_progress → done; done is final. */
export const ACTION_STATUSES = ['open', 'in_progress', 'done'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

const NEXT: Record<ActionStatus, readonly ActionStatus[]> = {
  open: ['in_progress'],
  in_progress: ['done'],
  done: [],
};

/** Throws INVALID_STATE unless `to` follows `from` in the action's flow. */
export function assertActionTransition(from: ActionStatus, to: ActionStatus): void {
  if (!NEXT[from].includes(to))
    throw new DomainError(
      'INVALID_STATE',
      `An action that is ${from} cannot become ${to}; allowed: ${NEXT[from].join(', ') || 'none'}`,
      { from, to },
    );
}

/** A result is required to finish an action: "done" must say what was done. */
export function assertResultForDone(to: ActionStatus, result: string | undefined): void {
  if (to === 'done' && !result?.trim())
    throw new DomainError('VALIDATION', 'Invalid action update', {
      issues: [{ field: 'result', message: 'result is required to finish an action' }],
    });
}

/** True when an action not yet done is past its due date on `today` (YYYY-MM-DD). */
export function isOverdue(a: { status: string; dueOn: string }, today: string): boolean {
  return a.status !== 'done' && a.dueOn < today;
}
