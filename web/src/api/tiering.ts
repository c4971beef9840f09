import { api, type Query, withQuery } from './client';

/** A text in both languages of the product. */
export interface LocalizedText {
  zh: string;
  en: string;
}

/** A tiering scheme with a reference to its latest version. */
export interface SchemeSummary {
  id: number;
  key: string;
  nameZh: string;
  nameEn: string;
  serviceTier: boolean;
  createdAt: string;
  updatedAt: string;
  latest: { id: number; version: number; locked: boolean; createdAt: string } | null;
}

/** A condition node: exactly one of all, any, not, metric, attribute or tag. */
export interface Condition {
  all?: Condition[];
  any?: Condition[];
  not?: Condition;
  metric?: string;
  op?: string;
  value?: number;
  attribute?: string;
  in?: string[];
  tag?: string;
}

export interface MetricWindow {
  kind: 'last_n_months' | 'calendar_year' | 'fiscal_year' | 'year_to_date' | 'all_time';
  months?: number;
  offset?: number;
  startMonth?: number;
}

export interface MetricDecl {
  key?: string;
  id?: string;
  window?: MetricWindow;
  /** Two operands (metric keys or constants), or one metric for `quantile` with `buckets`. */
  derive?: { op: string; of: (string | number)[]; buckets?: number; higherIsBetter?: boolean };
  label?: LocalizedText;
  unit?: string;
  higherIsBetter?: boolean;
}

export interface Band {
  min?: number;
  max?: number;
  points: number;
  label?: string;
}

export type CriterionKind = 'bands' | 'linear' | 'percentile' | 'category' | 'quantile';

/** A criterion of any kind; the fields that apply depend on `kind`. */
export interface Criterion {
  id: string;
  label: LocalizedText;
  metric: string;
  weight: number;
  kind: CriterionKind;
  missing?: { policy: 'zero' | 'exclude' | 'value'; value?: number };
  bands?: Band[];
  cover?: boolean;
  maxPoints?: number;
  min?: number;
  max?: number;
  higherIsBetter?: boolean;
  method?: 'cume_dist' | 'percent_rank';
  map?: { value: string | number; points: number }[];
  otherwise?: number;
  buckets?: number;
}

export interface TierDef {
  id: string;
  name: LocalizedText;
  rank: number;
}

export type Ranking =
  | { kind: 'thresholds'; thresholds: { tier: string; minScore: number }[] }
  | {
      kind: 'quotas';
      quotas: { tier: string; percent: number }[];
      rounding?: 'largest_remainder' | 'cumulative';
      tieBreak?: { metric: string; order: 'desc' | 'asc' }[];
    }
  | {
      kind: 'cumulative_share';
      metric: string;
      shares: { tier: string; upTo: number }[];
      tieBreak?: { metric: string; order: 'desc' | 'asc' }[];
    };

export interface TierRule {
  id?: string;
  tier: string;
  when: Condition;
  label?: LocalizedText;
}

export interface TierGate {
  tier: string;
  when: Condition;
  label?: LocalizedText;
}

/** A scheme document as the server stores it (see the scheme reference). */
export interface SchemeDocument {
  id: string;
  version: number;
  name: LocalizedText;
  description?: { zh?: string; en?: string };
  appliesTo?: Condition;
  metrics: MetricDecl[];
  criteria: Criterion[];
  score?: { scale?: number; weightsMustSumTo?: number };
  tiers: TierDef[];
  assignment: {
    rules?: TierRule[];
    ranking?: Ranking;
    default?: string;
    gates?: TierGate[];
  };
  provisional?: { minTenureMonths?: number; tier?: string };
  hysteresis?: { margin?: number; consecutiveRuns?: number };
}

export interface SchemeVersion {
  id: number;
  schemeId: number;
  schemeKey: string;
  version: number;
  locked: boolean;
  createdAt: string;
  document: SchemeDocument;
}

export interface SchemeTemplate {
  key: string;
  name: LocalizedText;
  description: LocalizedText;
  tiers: number;
  /** The scheme already made from this template, if any. */
  schemeId: number | null;
}

export interface TierShare {
  tier: string;
  count: number;
  share: number;
  revenue: number;
  revenueShare: number;
  profit: number;
  profitShare: number;
}

export interface Distribution {
  tiers: TierShare[];
  assigned: number;
  unassigned: number;
  revenue: number;
  profit: number;
}

/** Previous tiers (rows) against new tiers (columns); the last label is "no tier". */
export interface Migration {
  labels: string[];
  counts: number[][];
  upgrades: number;
  downgrades: number;
  unchanged: number;
  entered: number;
  left: number;
}

export interface RunSummary {
  runId: number;
  schemeId: number;
  schemeKey: string;
  schemeVersionId: number;
  version: number;
  asOf: string;
  customers: number;
  distribution: Distribution;
  migration: Migration;
}

interface RunFields {
  id: number;
  schemeVersionId: number;
  asOf: string;
  status: string;
  customers: number;
  createdBy: number | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface RunListItem extends RunFields {
  schemeId: number;
  schemeKey: string;
  version: number;
}

export interface RunDetail extends RunFields {
  summary: { distribution: Distribution; migration: Migration } | null;
}

export interface ResultRow {
  customerId: number;
  code: string;
  name: string;
  score: number | null;
  tier: string;
  rank: number | null;
  points: Record<string, number | null> | null;
  /** The rule that placed the customer (`{ index, id? }`), or null. */
  rules: unknown;
  flags: number;
  previousTier: string | null;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export type Movement = 'up' | 'down' | 'any';

export interface ResultsFilter {
  tier?: string | undefined;
  moved?: Movement | undefined;
  q?: string | undefined;
}

/** Why a condition fails for one customer, pruned to the failing parts. */
export interface ConditionGap {
  path: string;
  kind: 'all' | 'any' | 'not' | 'metric' | 'attribute' | 'tag';
  parts?: ConditionGap[];
  metric?: string;
  op?: string;
  value?: number;
  current?: number | null;
  change?: number;
  attribute?: string;
  in?: string[];
  currentLabel?: string | null;
  tag?: string;
  required?: boolean;
}

export interface Explanation {
  tier: string | null;
  nextTier: string | null;
  score: number | null;
  targetScore: number | null;
  estimate: boolean;
  shortfalls: {
    criterion: string;
    metric: string;
    current: number | null;
    change: number | null;
    reachable: boolean;
    zh: string;
    en: string;
  }[];
  rules: { rule: number; id: string | null; gap: ConditionGap }[];
  gates: ConditionGap[];
}

export interface WhatIfChanges {
  thresholds?: Record<string, number>;
  quotas?: Record<string, number>;
  weights?: Record<string, number>;
}

export interface WhatIfResult {
  distribution: Distribution;
  migration: Migration;
  moversTotal: number;
  movers: {
    customerId: number;
    code: string;
    name: string;
    score: number | null;
    from: string | null;
    to: string | null;
  }[];
  warnings: string[];
}

/** One scheme's tier for a customer: the published one and the latest run's. */
export interface CustomerTier {
  schemeId: number;
  schemeKey: string;
  schemeName: LocalizedText;
  serviceTier: boolean;
  published: { tier: string; tierName: LocalizedText; since: string } | null;
  /** A published tier whose effective date is still ahead. */
  upcoming: { tier: string; tierName: LocalizedText; from: string } | null;
  latestRun: {
    runId: number;
    asOf: string;
    tier: string;
    tierName: LocalizedText;
    score: number | null;
  } | null;
}

/** Bits of a result's `flags`. */
export const RESULT_FLAGS = { provisional: 1, override: 2, held: 4, gated: 8 } as const;

/** Every scheme with its latest version. */
export async function listSchemes(): Promise<SchemeSummary[]> {
  return (await api.get<{ items: SchemeSummary[] }>('/api/tiering/schemes')).items;
}

/** One scheme with its latest version. */
export function getScheme(id: number): Promise<SchemeSummary> {
  return api.get(`/api/tiering/schemes/${id}`);
}

/** One scheme version with its document. */
export function getSchemeVersion(id: number): Promise<SchemeVersion> {
  return api.get(`/api/tiering/versions/${id}`);
}

/** Saves an edit: the server makes a new version when the latest is locked, else replaces it. */
export function saveScheme(id: number, document: unknown): Promise<SchemeVersion> {
  return api.put(`/api/tiering/schemes/${id}`, document);
}

/** Makes a scheme the service tier that policies follow (the mark moves from any other). */
export function markServiceTier(id: number): Promise<SchemeSummary> {
  return api.post(`/api/tiering/schemes/${id}/service-tier`);
}

/** The shipped scheme templates, each with the scheme already made from it, if any. */
export async function listTemplates(): Promise<SchemeTemplate[]> {
  return (await api.get<{ items: SchemeTemplate[] }>('/api/tiering/templates')).items;
}

/** Creates a scheme from a template, or returns the existing scheme made from it. */
export function createFromTemplate(key: string): Promise<SchemeVersion> {
  return api.post(`/api/tiering/templates/${encodeURIComponent(key)}`);
}

/** Runs a scheme version at an as-of date (YYYY-MM-DD); the run is stored as a draft. */
export function startRun(schemeVersionId: number, asOf: string): Promise<RunSummary> {
  return api.post('/api/tiering/runs', { schemeVersionId, asOf });
}

/** Runs, newest first, optionally of one scheme. */
export async function listRuns(schemeId?: number): Promise<RunListItem[]> {
  return (await api.get<{ items: RunListItem[] }>('/api/tiering/runs', { schemeId })).items;
}

/** One run with its stored distribution and migration matrix. */
export function getRun(id: number): Promise<RunDetail> {
  return api.get(`/api/tiering/runs/${id}`);
}

function filterQuery(filter: ResultsFilter): Query {
  return { tier: filter.tier, moved: filter.moved, q: filter.q?.trim() };
}

/** A page of a run's results in rank order, filtered by tier, movement and code or name. */
export function listResults(
  runId: number,
  filter: ResultsFilter,
  page: number,
  pageSize: number,
): Promise<Page<ResultRow>> {
  return api.get(`/api/tiering/runs/${runId}/results`, { ...filterQuery(filter), page, pageSize });
}

/**
 * Where the browser downloads a run's results as CSV or XLSX, with the same filters as the
 * list and headers in the UI language.
 */
export function resultsFileUrl(
  runId: number,
  format: 'csv' | 'xlsx',
  filter: ResultsFilter,
  lang: 'zh-CN' | 'en',
): string {
  return withQuery(`/api/tiering/runs/${runId}/results.${format}`, {
    ...filterQuery(filter),
    lang,
  });
}

/** One customer's result in a run and what it lacks for the next tier. */
export function getCustomerResult(
  runId: number,
  customerId: number,
): Promise<{ result: ResultRow; explanation: Explanation | null }> {
  return api.get(`/api/tiering/runs/${runId}/results/${customerId}`);
}

/** Tries changes on a scheme version without writing anything. */
export function whatIf(
  schemeVersionId: number,
  asOf: string,
  changes: WhatIfChanges,
  limit = 1000,
): Promise<WhatIfResult> {
  return api.post('/api/tiering/what-if', { schemeVersionId, asOf, changes, limit });
}

/** A customer's published and latest-run tier in each scheme, the service tier first. */
export async function listCustomerTiers(customerId: number): Promise<CustomerTier[]> {
  return (await api.get<{ items: CustomerTier[] }>(`/api/customers/${customerId}/tiers`)).items;
}
