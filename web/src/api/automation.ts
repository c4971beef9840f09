import { api, withQuery } from './client';

export const RULE_KEYS = [
  'late_payments',
  'silent_customer',
  'satisfaction',
  'complaint_tag',
  'provisional_due',
  'bottom_tier',
] as const;
export type RuleKey = (typeof RULE_KEYS)[number];

/** A rule with its switch and parameters (version 0: never saved, running on its defaults). */
export interface AutomationRule {
  key: RuleKey;
  enabled: boolean;
  params: Record<string, number | string>;
  action: 'term_down' | 'alert' | 'tag' | 'review' | 'eliminate';
  version: number;
  updatedBy: number | null;
  updatedAt: string | null;
}

/** One firing: what a rule found about a customer, and what it did. */
export interface AutomationFiring {
  id: number;
  rule: RuleKey;
  customerId: number;
  customerCode: string;
  customerName: string;
  dedupeKey: string;
  period: string;
  evidence: Record<string, unknown>;
  actions: { type: string; [k: string]: unknown }[];
  firedAt: string;
  source: 'event' | 'sweep' | 'manual';
  jobId: number | null;
}

export interface SweepJob {
  id: number;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: { customers?: number; done?: number; firings?: number; today?: string } | null;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface FiringsFilter {
  rule?: RuleKey | undefined;
  customerId?: number | undefined;
  page?: number;
  pageSize?: number;
}

/** Every rule with its settings. */
export async function listRules(): Promise<AutomationRule[]> {
  return (await api.get<{ items: AutomationRule[] }>('/api/automation/rules')).items;
}

/** Saves a rule's switch and parameters over the version it was read at. */
export function updateRule(
  key: RuleKey,
  body: { enabled: boolean; params: Record<string, unknown>; version: number },
): Promise<AutomationRule> {
  return api.put(`/api/automation/rules/${key}`, body);
}

/** Queues a sweep of all rules over all customers; returns the job. */
export function requestSweep(): Promise<{ id: number; created: boolean }> {
  return api.post('/api/automation/sweep');
}

/** A sweep job's status and progress. */
export function getSweep(id: number): Promise<SweepJob> {
  return api.get(`/api/automation/sweeps/${id}`);
}

/** The latest sweeps, newest first. */
export async function listSweeps(): Promise<SweepJob[]> {
  return (await api.get<{ items: SweepJob[] }>('/api/automation/sweeps')).items;
}

/** Firings, newest first. */
export function listFirings(
  f: FiringsFilter,
): Promise<{ items: AutomationFiring[]; total: number; page: number; pageSize: number }> {
  return api.get(
    withQuery('/api/automation/firings', {
      rule: f.rule,
      customerId: f.customerId,
      page: f.page,
      pageSize: f.pageSize,
    }),
  );
}
