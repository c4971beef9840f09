import type { RowScope } from './row-scope';

/**
 * Which customers an actor may see and touch, resolved from the role's row scope and the
 * user's team and region. Every customer query applies it (store/customer-scope.ts).
 * - all: no restriction (the system actor and roles with row scope `all`);
 * - none: nothing (a scoped actor without a user id, which should not exist);
 * - own: customers whose owner is the user;
 * - team: customers owned by anyone in the user's team, and the user's own;
 * - region: customers in the user's region (customers.region equal to users.region, as the
 *   review cycle's rating step compares them), and the user's own.
 */
export type CustomerFilter =
  | { kind: 'all' }
  | { kind: 'none' }
  | { kind: 'own'; userId: number }
  | { kind: 'team'; team: string; userId: number }
  | { kind: 'region'; region: string; userId: number };

/** The parts of an actor a customer filter depends on. */
export interface ScopedActor {
  id: number | null;
  rowScope: RowScope;
  team: string | null;
  region: string | null;
}

/**
 * The customer filter of an actor. A scoped user without a team (scope `team`) or without a
 * region (scope `region`) sees only the customers they own: a missing setting narrows, it
 * never widens to everything.
 */
export function customerFilterOf(actor: ScopedActor): CustomerFilter {
  if (actor.rowScope === 'all') return { kind: 'all' };
  if (actor.id === null) return { kind: 'none' };
  const userId = actor.id;
  const team = actor.team?.trim();
  const region = actor.region?.trim();
  if (actor.rowScope === 'team' && team) return { kind: 'team', team, userId };
  if (actor.rowScope === 'region' && region) return { kind: 'region', region, userId };
  return { kind: 'own', userId };
}

/** The facts about one customer that decide whether a filter lets it through. */
export interface CustomerScopeFacts {
  ownerId: number | null;
  region: string | null;
  /** The owner's team, when the filter is `team`. */
  ownerTeam?: string | null;
}

/** Whether a filter lets a customer through (the in-memory twin of the SQL condition). */
export function filterAllows(filter: CustomerFilter, c: CustomerScopeFacts): boolean {
  switch (filter.kind) {
    case 'all':
      return true;
    case 'none':
      return false;
    case 'own':
      return c.ownerId === filter.userId;
    case 'team':
      return c.ownerId === filter.userId || (c.ownerId !== null && c.ownerTeam === filter.team);
    case 'region':
      return c.ownerId === filter.userId || c.region === filter.region;
  }
}
