import { DomainError } from '../errors';

export type TerminationStatus = 'requested' | 'approved' | 'rejected' | 'completed' | 'cancelled';

/** What the termination rules need to know. */
export interface TerminationState {
  id: number;
  status: TerminationStatus;
  noticeSentOn: string | null;
  ordersClosedAt: string | null;
  settledAt: string | null;
}

/** The steps of a termination after approval (seed 001 §4), in the order they are shown. */
export const TERMINATION_STEPS = ['notice', 'orders', 'settlement'] as const;
export type TerminationStep = (typeof TERMINATION_STEPS)[number];

/** Refuses an action unless the termination is in one of the given states. */
export function requireStatus(t: TerminationState, ...allowed: TerminationStatus[]): void {
  if (!allowed.includes(t.status))
    throw new DomainError(
      'INVALID_STATE',
      `Termination ${t.id} is ${t.status}; this needs it to be ${allowed.join(' or ')}`,
      { status: t.status },
    );
}

/** The steps still missing before a termination can complete. */
export function missingSteps(t: TerminationState): TerminationStep[] {
  const missing: TerminationStep[] = [];
  if (!t.noticeSentOn) missing.push('notice');
  if (!t.ordersClosedAt) missing.push('orders');
  if (!t.settledAt) missing.push('settlement');
  return missing;
}

/**
 * Refuses to complete a termination that is not approved or still lacks a step: the customer
 * was told in advance, open orders and contracts are finished, and the account is settled.
 */
export function requireCompletable(t: TerminationState): void {
  requireStatus(t, 'approved');
  const missing = missingSteps(t);
  if (missing.length)
    throw new DomainError(
      'INVALID_STATE',
      `Termination ${t.id} cannot complete yet: ${missing.join(', ')} still to do`,
      { missing },
    );
}
