import type { AnalyticsFilters, AnalyticsPeriod } from './analytics';
import { api } from './client';
import type { TicketStatus } from './tickets';
import type { CustomerSize, CustomerType } from './types';

/** A text in both languages. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** Money sums of a run of months (minor units). */
export interface RevenueSums {
  revenueMinor: number;
  profitMinor: number;
  orders: number;
}

export interface PortraitTicket {
  id: number;
  subject: string;
  category: string;
  categoryName: Bilingual;
  level: number;
  status: TicketStatus;
  openedAt: string;
  closedAt: string | null;
  breached: boolean;
  resolutionDueAt: string | null;
}

export interface PortraitTier {
  schemeId: number;
  schemeKey: string;
  schemeName: Bilingual;
  serviceTier: boolean;
  published: { tier: string; tierName: Bilingual; since: string } | null;
  upcoming: { tier: string; tierName: Bilingual; from: string } | null;
  latestRun: {
    runId: number;
    asOf: string;
    tier: string;
    tierName: Bilingual;
    score: number | null;
  } | null;
  explanation: {
    source: 'published' | 'latest_run';
    runId: number;
    asOf: string;
    runCustomers: number;
    tier: string;
    tierName: Bilingual;
    score: number | null;
    rank: number | null;
    criteria: {
      id: string;
      label: Bilingual;
      metric: string;
      weight: number;
      maxPoints: number | null;
      points: number | null;
    }[];
    rule: { id: string | null; label: Bilingual | null } | null;
    flags: { provisional: boolean; override: boolean; held: boolean; gated: boolean };
    override: { tier: string; reason: string; expiresOn: string | null } | null;
  } | null;
}

export type RfmSegmentKey =
  | 'important_value'
  | 'important_develop'
  | 'important_keep'
  | 'important_retain'
  | 'general_value'
  | 'general_develop'
  | 'general_keep'
  | 'general_retain';

export interface PortraitRfm {
  asOf: string;
  population: number;
  recencyDays: number;
  frequency: number;
  monetaryMinor: number;
  r: number;
  f: number;
  m: number;
  segment: {
    key: RfmSegmentKey;
    zh: string;
    en: string;
    action: Bilingual;
    high: { r: boolean; f: boolean; m: boolean };
    share: number;
  };
  medians: { recencyDays: number; frequency: number; monetaryMinor: number };
}

export type LifecycleStageKey = 'new' | 'active' | 'silent' | 'at_risk' | 'churned';
export type LifecycleRule =
  | 'new'
  | 'max_days'
  | 'churned_multiple'
  | 'at_risk_multiple'
  | 'silent_multiple'
  | 'within_rhythm';

export interface PortraitLifecycle {
  asOf: string;
  population: number;
  stage: { key: LifecycleStageKey; zh: string; en: string; share: number };
  rule: LifecycleRule;
  firstOrderOn: string;
  lastOrderOn: string;
  orders: number;
  daysSinceLast: number;
  intervalDays: number;
  ownInterval: boolean;
  multiple: number;
  parameters: {
    newDays: number;
    k1: number;
    k2: number;
    k3: number;
    maxDays: number;
    fallbackIntervalDays: number;
  };
}

export interface PortraitClv {
  modelId: number;
  asOf: string;
  horizonMonths: number;
  discountRate: number;
  margin: number | null;
  timeUnit: string;
  finishedAt: string | null;
  prediction: {
    repeatPurchases: number;
    pAlive: number;
    expectedPurchases: number;
    expectedSpendMinor: number | null;
    clvMinor: number | null;
  } | null;
}

export interface PortraitAnalytics {
  standing: { customersInScope: number; excluded: 'not_in_scope' | 'no_orders' | null };
  rfm: PortraitRfm | null;
  lifecycle: PortraitLifecycle | null;
  clv: PortraitClv | null;
}

/** Everything about one customer on one page (see GET /api/customers/:id/portrait). */
export interface Portrait {
  today: string;
  period: AnalyticsPeriod;
  profile: {
    id: number;
    code: string;
    name: string;
    type: CustomerType;
    industry: string | null;
    region: string | null;
    province: string | null;
    city: string | null;
    size: CustomerSize | null;
    source: string | null;
    status: 'active' | 'merged';
    fileStage: 'prospect' | 'active' | 'terminating' | 'terminated';
    mergedIntoId: number | null;
    createdAt: string;
  };
  tags: string[];
  owner: { id: number; name: string } | null;
  contacts: {
    id: number;
    name: string;
    title: string | null;
    role: string | null;
    isPrimary: boolean;
    phone: string | null;
    email: string | null;
  }[];
  contactsMasked: boolean;
  visits: {
    recent: {
      id: number;
      visitedOn: string;
      userId: number | null;
      userName: string | null;
      purpose: string | null;
    }[];
    inWindow: number;
    plans: { month: string; planned: number; made: number; ownerName: string | null }[];
    next: { month: string; remaining: number } | null;
  };
  tiers: PortraitTier[];
  revenue: {
    window: { from: string; to: string };
    months: ({ month: string } & RevenueSums)[];
    last12: RevenueSums;
    previous12: RevenueSums;
    lifetimeOrders: number;
    firstOrderOn: string | null;
    lastOrderOn: string | null;
  };
  service: {
    window: { from: string; to: string };
    tickets: number;
    byStatus: { status: TicketStatus; tickets: number }[];
    byCategory: { category: string; name: Bilingual; tickets: number }[];
    slaBreaches: number;
    open: { total: number; items: PortraitTicket[] };
    latest: PortraitTicket[];
  };
  satisfaction: {
    window: { from: string; to: string };
    responses: number;
    average: number | null;
    byMonth: { month: string; responses: number; average: number | null }[];
    lastSurvey: { answeredOn: string; score: number; comment: string | null } | null;
    lastFeedback: {
      id: number;
      kind: string;
      category: string | null;
      content: string;
      receivedOn: string;
      status: string;
    } | null;
    feedback: number;
    complaints: number;
  };
  /** Present only for readers with analytics.read. */
  analytics?: PortraitAnalytics;
}

/** The portrait of a customer; the filters set the period and the customers compared with. */
export function getPortrait(id: number, filters: AnalyticsFilters = {}): Promise<Portrait> {
  return api.get<Portrait>(`/api/customers/${id}/portrait`, { ...filters });
}

/** The address of a customer's portrait page, keeping the analytics filters given. */
export function portraitPath(id: number, filters: AnalyticsFilters = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v) params.set(k, String(v));
  const q = params.toString();
  return q ? `/customers/${id}/portrait?${q}` : `/customers/${id}/portrait`;
}
