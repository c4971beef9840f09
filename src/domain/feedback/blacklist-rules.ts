import { DomainError } from '../errors';

/** The stored front-line tag a granted request writes (src/domain/policy/frontline-tags.ts). */
export const BLACKLIST_TAG = 'blacklist';
export type BlacklistAction = 'add' | 'remove';
export type BlacklistStatus = 'pending' | 'approved' | 'refused';

/**
 * Whether the request makes sense for the customer's current tag: adding a tag the customer
 * already carries, or removing one it does not, is refused before anyone is asked to approve.
 */
export function assertRequestFits(action: BlacklistAction, tagged: boolean): void {
  if (action === 'add' && tagged)
    throw new DomainError('CONFLICT', 'The customer is already on the blacklist');
  if (action === 'remove' && !tagged)
    throw new DomainError('CONFLICT', 'The customer is not on the blacklist');
}

/**
 * Four eyes: only a pending request can be decided, and never by the person who asked for it
 * (the tag changes how every front-line employee treats the customer).
 */
export function assertCanDecide(
  r: { status: BlacklistStatus; requestedBy: number | null },
  deciderId: number | null,
): void {
  if (r.status !== 'pending')
    throw new DomainError('INVALID_STATE', `The request is already ${r.status}`, {
      status: r.status,
    });
  if (deciderId !== null && r.requestedBy === deciderId)
    throw new DomainError('FORBIDDEN', 'The requester cannot decide their own blacklist request', {
      reason: 'own_request',
    });
}
