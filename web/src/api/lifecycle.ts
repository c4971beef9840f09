import { api, withQuery } from './client';

export type TerminationStatus = 'requested' | 'approved' | 'rejected' | 'completed' | 'cancelled';
export type TerminationStep = 'notice' | 'orders' | 'settlement';

/** A termination of the relationship with a customer and the steps it still lacks. */
export interface Termination {
  id: number;
  customerId: number;
  customerCode: string;
  customerName: string;
  status: TerminationStatus;
  reason: string;
  requestedAt: string;
  decidedAt: string | null;
  decisionNote: string | null;
  noticeSentOn: string | null;
  noticeChannel: string | null;
  ordersClosedAt: string | null;
  settledAt: string | null;
  completedAt: string | null;
  missing: TerminationStep[];
  version: number;
}

/** An account manager's application for a customer's upgrade. */
export interface UpgradeApplication {
  id: number;
  schemeId: number;
  customerId: number;
  customerCode: string;
  customerName: string;
  currentTier: string | null;
  requestedTier: string;
  reason: string;
  status: 'pending' | 'approved' | 'rejected' | 'withdrawn';
  decisionNote: string | null;
  expiresOn: string | null;
  overrideId: number | null;
  createdAt: string;
}

export interface MarketingActivity {
  id: number;
  customerId: number;
  kind: 'campaign' | 'coupon' | 'event' | 'gift' | 'call';
  title: string;
  plannedOn: string;
  createdAt: string;
}

export interface EliminationCandidate {
  customerId: number;
  code: string;
  name: string;
  ownerId: number | null;
  bottomSince: string;
  tierChanges: number;
  revenueMinor12m: number;
}

/** The customer's terminations, newest first. */
export async function customerTerminations(customerId: number): Promise<Termination[]> {
  return (await api.get<{ items: Termination[] }>(withQuery('/api/terminations', { customerId })))
    .items;
}

/** Starts a termination with a reason. */
export function requestTermination(customerId: number, reason: string): Promise<Termination> {
  return api.post(`/api/customers/${customerId}/terminations`, { reason });
}

/** One step of a termination: decision, notice, orders-closed, settlement, complete, cancel. */
export function terminationStep(
  id: number,
  step: 'decision' | 'notice' | 'orders-closed' | 'settlement' | 'complete' | 'cancel',
  body: Record<string, unknown>,
): Promise<Termination> {
  return api.post(`/api/terminations/${id}/${step}`, body);
}

/** Upgrade applications by status or customer. */
export async function listApplications(query: {
  status?: string;
  customerId?: number;
}): Promise<UpgradeApplication[]> {
  return (
    await api.get<{ items: UpgradeApplication[] }>(withQuery('/api/upgrade-applications', query))
  ).items;
}

/** Applies for a customer's upgrade in a scheme. */
export function applyForUpgrade(body: {
  schemeId: number;
  customerId: number;
  requestedTier: string;
  reason: string;
}): Promise<UpgradeApplication> {
  return api.post('/api/upgrade-applications', body);
}

/** Grants or refuses an application. */
export function decideApplication(
  id: number,
  body: { approve: boolean; note?: string; expiresOn?: string },
): Promise<UpgradeApplication> {
  return api.post(`/api/upgrade-applications/${id}/decision`, body);
}

/** A customer's marketing activities. */
export async function marketingActivities(customerId: number): Promise<MarketingActivity[]> {
  return (
    await api.get<{ items: MarketingActivity[] }>(
      `/api/customers/${customerId}/marketing-activities`,
    )
  ).items;
}

/** Plans a marketing activity (refused for customers leaving or gone). */
export function createMarketingActivity(
  customerId: number,
  body: { kind: string; title: string; plannedOn: string },
): Promise<MarketingActivity> {
  return api.post(`/api/customers/${customerId}/marketing-activities`, body);
}

/** Bottom-tier customers of a scheme for `years` consecutive years. */
export function eliminationCandidates(
  schemeId: number,
  years: number,
): Promise<{ bottomTier: string | null; years: number; items: EliminationCandidate[] }> {
  return api.get(withQuery(`/api/tiering/schemes/${schemeId}/elimination-candidates`, { years }));
}

/** What the customer meets and lacks for the next tier, from the scheme's latest run. */
export interface UpgradeAssessment {
  runId: number;
  asOf: string;
  result: { tier: string; score: number | null };
  explanation: {
    tier: string | null;
    nextTier: string | null;
    score: number | null;
    targetScore: number | null;
    shortfalls: { criterion: string; zh: string; en: string; reachable: boolean }[];
  } | null;
}

/** One application with its assessment (null without tiering.read or before any run). */
export function getApplication(
  id: number,
): Promise<UpgradeApplication & { assessment: UpgradeAssessment | null }> {
  return api.get(`/api/upgrade-applications/${id}`);
}
