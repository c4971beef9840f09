import { api, withQuery } from './client';

export type AccountModel = 'dedicated' | 'team' | 'pooled';

export interface CoverageFigure {
  priority: number;
  visited: number;
  share: number | null;
  meetsTarget: boolean;
}

/** The coverage KPI of a month: share of priority customers visited, per owner and overall. */
export interface Coverage {
  month: string;
  planGenerated: boolean;
  target: number;
  overall: CoverageFigure;
  owners: ({ ownerId: number | null; ownerName: string | null } & CoverageFigure)[];
  notVisitedTotal: number;
  notVisited: {
    customerId: number;
    code: string;
    name: string;
    tier: string;
    ownerId: number | null;
    ownerName: string | null;
  }[];
}

export interface PlanLine {
  customerId: number;
  code: string;
  name: string;
  tier: string;
  ownerId: number | null;
  ownerName: string | null;
  planned: number;
  ceiling: number;
  priority: boolean;
  done: number;
}

export interface Plans {
  month: string;
  generated: boolean;
  ownerId: number | null;
  planned: number;
  done: number;
  items: PlanLine[];
}

export interface AccountOwner {
  id: number;
  username: string;
  displayName: string;
  roleId: string;
  region: string | null;
  active: boolean;
  customers: number;
  load: number;
  byTier: Record<string, number>;
}

export interface Owners {
  tiers: string[];
  owners: AccountOwner[];
  needingOwner: {
    total: number;
    items: {
      customerId: number;
      code: string;
      name: string;
      tier: string | null;
      region: string | null;
      ownerId: number | null;
    }[];
  };
}

export interface PoolCustomer {
  customerId: number;
  code: string;
  name: string;
  type: string;
  region: string | null;
  tier: string | null;
  model: AccountModel | null;
  ownerId: number | null;
  ownerName: string | null;
  needsOwner: boolean;
  exceptionsTo: { id: number; name: string } | null;
}

export interface OwnerMove {
  customerId: number;
  code: string;
  name: string;
  tier: string | null;
  fromOwnerId: number | null;
  toOwnerId: number | null;
  toOwnerName: string | null;
}

/** The coverage KPI of a month. */
export function fetchCoverage(month: string): Promise<Coverage> {
  return api.get(withQuery('/api/accounts/coverage', { month }));
}

/** A month's visit plans, planned vs done (an account manager gets their own). */
export function fetchPlans(month: string, ownerId?: number, customerId?: number): Promise<Plans> {
  return api.get(withQuery('/api/accounts/visit-plans', { month, ownerId, customerId }));
}

/** Generates (or regenerates) a month's plans. */
export function generatePlans(month: string): Promise<{ month: string; lines: number }> {
  return api.post('/api/accounts/visit-plans/generate', { month });
}

/** Logs a visit the signed-in user made. */
export function logVisit(
  customerId: number,
  body: { visitedOn: string; purpose?: string; notes?: string },
): Promise<{ id: number }> {
  return api.post(`/api/customers/${customerId}/visits`, body);
}

/** Owners with their load, and customers needing an owner. */
export function fetchOwners(): Promise<Owners> {
  return api.get('/api/accounts/owners');
}

/** The pool, paged. */
export function fetchPool(query: {
  tier?: string;
  region?: string;
  needsOwner?: boolean;
  page?: number;
  pageSize?: number;
}): Promise<{ items: PoolCustomer[]; total: number; page: number; pageSize: number }> {
  return api.get(withQuery('/api/accounts/pool', query));
}

/** Assigns customers to one owner (all or nothing). */
export function assignCustomers(
  customerIds: number[],
  ownerId: number,
): Promise<{ changed: OwnerMove[]; unchanged: number }> {
  return api.post('/api/accounts/assign', { customerIds, ownerId });
}

/** Gives customers needing an owner one, balancing load. */
export function autoAssign(body: {
  tier?: string;
  region?: string;
  dryRun?: boolean;
}): Promise<{ dryRun: boolean; changed: OwnerMove[]; unassigned: unknown[] }> {
  return api.post('/api/accounts/auto-assign', body);
}

/** Moves every customer of an owner who leaves (toOwnerId null: balance or pool). */
export function reassign(body: {
  fromOwnerId: number;
  toOwnerId: number | null;
  reason: string;
}): Promise<{ changed: OwnerMove[]; toPool: number }> {
  return api.post('/api/accounts/reassign', body);
}
