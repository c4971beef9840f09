import { api } from './client';

export type SlaUnit = 'minutes' | 'hours' | 'working_days';
export type SlaTargetKey = 'firstReply' | 'response' | 'resolution';
export type EscalationRole = 'agent' | 'supervisor' | 'manager';

export interface SlaTarget {
  amount: number;
  unit: SlaUnit;
}

export interface EscalationStep {
  target: SlaTargetKey;
  afterFraction?: number;
  afterMinutes?: number;
  role: EscalationRole;
}

/** One SLA policy: which tickets it matches, its targets and the calendar its clocks run on. */
export interface SlaPolicy {
  key: string;
  name: { zh: string; en: string };
  match: { tier: string | null; level: number | null; category: string | null };
  targets: Partial<Record<SlaTargetKey, SlaTarget>>;
  calendar: string;
  warnAt: number;
  escalation: EscalationStep[];
}

export interface SlaTier {
  id: string;
  name: { zh: string; en: string };
  rank: number;
}

export interface SlaPoliciesInForce {
  version: number | null;
  policies: SlaPolicy[];
  schemeId: number | null;
  tiers: SlaTier[];
  calendars: { key: string; name: { zh: string; en: string }; shipped: boolean }[];
  savedBy: { id: number; name: string | null } | null;
  savedAt: string | null;
  note: string | null;
  savedVersion?: number;
}

export interface SlaVersionSummary {
  version: number;
  note: string | null;
  savedBy: { id: number; name: string | null } | null;
  savedAt: string;
}

export interface SlaExplanation {
  version: number | null;
  facts: {
    tier: string | null;
    tierSource: 'given' | 'customer' | 'none';
    customerId: number | null;
    level: number;
    category: string;
    openedAt: string;
  };
  winner: SlaPolicy | null;
  candidates: {
    key: string;
    name: { zh: string; en: string };
    match: SlaPolicy['match'];
    calendar: string;
    outcome: 'winner' | 'less_specific' | 'no_match';
    mismatches: { field: string; wanted: string | number; got: string | number | null }[];
    lostOn: 'fields' | 'category_depth' | 'level' | 'tier' | null;
    beatenBy: string | null;
  }[];
  targets: {
    key: SlaTargetKey;
    amount: number;
    unit: SlaUnit;
    policyKey: string;
    calendar: string;
    inherited: boolean;
    dueAt: string | null;
    warnAt: string | null;
    escalations: { role: EscalationRole; at: string | null }[];
  }[];
}

/** The SLA policies in force. */
export const getSlaPolicies = () => api.get<SlaPoliciesInForce>('/api/sla/policies');

/** Saves a new version over `version` (the one the edit started from). */
export const saveSlaPolicies = (body: {
  policies: SlaPolicy[];
  version: number | null;
  note?: string;
}) => api.put<SlaPoliciesInForce>('/api/sla/policies', body);

/** The seed template on the service tier's tiers. */
export const getSlaTemplate = () =>
  api.get<{ policies: SlaPolicy[]; tiers: SlaTier[] }>('/api/sla/policies/template');

/** Saved versions, newest first. */
export const listSlaVersions = async () =>
  (await api.get<{ items: SlaVersionSummary[] }>('/api/sla/policies/versions')).items;

/** One saved version with its policies. */
export const getSlaVersion = (version: number) =>
  api.get<SlaVersionSummary & { policies: SlaPolicy[] }>(`/api/sla/policies/versions/${version}`);

/** Which policy applies to a ticket, and when its targets are due. */
export const explainSla = (body: {
  tier?: string | null;
  customerId?: number;
  level: number;
  category: string;
  openedAt?: string;
}) => api.post<SlaExplanation>('/api/sla/explain', body);
