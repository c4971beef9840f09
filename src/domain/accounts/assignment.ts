import type { AccountModel } from '../policy/policy.schema';

/** Roles that may own a customer under each account model (seed 003). */
export const OWNER_ROLES: Record<AccountModel, readonly string[]> = {
  // 客户经理制: one named account manager per top-tier customer.
  dedicated: ['account_manager'],
  // The region's team: its account managers and the sales manager who leads them.
  team: ['account_manager', 'sales_manager'],
  // Pooled customers have no named owner; whoever is on duty serves them.
  pooled: [],
};

/** True when customers of this model need a named owner. */
export function needsOwner(model: AccountModel | null): boolean {
  return model === 'dedicated' || model === 'team';
}

/**
 * How much one customer of a tier weighs in an owner's load: its planned visits a month, at
 * least 1, so an A customer (4 visits) weighs as much as four C customers.
 */
export function tierWeight(minPerMonth: number | undefined): number {
  return Math.max(1, Math.ceil(minPerMonth ?? 0));
}

export interface AssignCustomer {
  customerId: number;
  tier: string | null;
  region: string | null;
  model: AccountModel | null;
  weight: number;
}

export interface OwnerCandidate {
  userId: number;
  roleId: string;
  region: string | null;
  /** Current weighted load (sum of the weights of the customers owned). */
  load: number;
}

export interface Suggestion {
  assignments: { customerId: number; ownerId: number }[];
  unassigned: { customerId: number; reason: 'pooled' | 'no_candidate' }[];
  /** Each candidate's load after the assignments. */
  loads: Map<number, number>;
}

/** A candidate serves a customer in its own region; a candidate without a region serves all. */
function servesRegion(c: OwnerCandidate, region: string | null): boolean {
  return region === null || c.region === null || c.region === region;
}

/**
 * Suggests owners for customers by their tier's account model, balancing load: the heaviest
 * customers are placed first, each with the eligible candidate (role fits the model, region
 * fits the customer) whose load is lowest (ties: lowest user id), so loads end up even.
 * Pooled customers stay in the pool; customers with no eligible candidate are reported.
 */
export function suggestAssignments(
  customers: readonly AssignCustomer[],
  candidates: readonly OwnerCandidate[],
): Suggestion {
  const loads = new Map(candidates.map((c) => [c.userId, c.load]));
  const order = [...customers].sort((a, b) => b.weight - a.weight || a.customerId - b.customerId);
  const out: Suggestion = { assignments: [], unassigned: [], loads };
  for (const c of order) {
    if (!needsOwner(c.model) || c.model === null) {
      out.unassigned.push({ customerId: c.customerId, reason: 'pooled' });
      continue;
    }
    const roles = OWNER_ROLES[c.model];
    let best: OwnerCandidate | undefined;
    let bestLoad = Number.POSITIVE_INFINITY;
    for (const k of candidates) {
      if (!roles.includes(k.roleId) || !servesRegion(k, c.region)) continue;
      const load = loads.get(k.userId) ?? 0;
      if (load < bestLoad || (load === bestLoad && best && k.userId < best.userId)) {
        best = k;
        bestLoad = load;
      }
    }
    if (!best) {
      out.unassigned.push({ customerId: c.customerId, reason: 'no_candidate' });
      continue;
    }
    loads.set(best.userId, bestLoad + c.weight);
    out.assignments.push({ customerId: c.customerId, ownerId: best.userId });
  }
  return out;
}
