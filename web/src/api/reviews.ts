import { api, withQuery } from './client';
import type { LocalizedText, Page } from './tiering';

/** What a review step does, in workflow order. */
export const STEP_KINDS = ['rate', 'finance', 'revise', 'approve', 'publish'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

/** Credit grades finance may give. */
export const CREDIT_GRADES = ['AAA', 'AA', 'A', 'B', 'C'] as const;

export type CycleStatus = 'open' | 'published' | 'cancelled';
export type CycleKind = 'annual' | 'interim';

/** One configured step of a cycle with who completed it. */
export interface ReviewStep {
  position: number;
  kind: StepKind;
  name: LocalizedText;
  roleId: string;
  dueOn: string;
  completedBy: number | null;
  completedAt: string | null;
}

export interface CycleScope {
  region?: string;
  type?: string;
  industry?: string;
}

/** A cycle as the list shows it. */
export interface CycleSummary {
  id: number;
  name: string;
  kind: string;
  schemeId: number;
  schemeVersionId: number;
  runId: number | null;
  asOf: string;
  scope: CycleScope;
  deadline: string;
  effectiveFrom: string | null;
  status: CycleStatus;
  currentStep: number;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  steps: ReviewStep[];
}

/** A publication: the tiers of a run made current from a date. */
export interface Publication {
  id: number;
  schemeId: number;
  runId: number;
  cycleId: number | null;
  effectiveFrom: string;
  publishedBy: number | null;
  publishedAt: string;
  /** Stored as the publish result's counts; read defensively (older rows may lack fields). */
  summary: unknown;
}

/** A recorded action on a cycle: start, complete, return, comment, publish, cancel… */
export interface CycleEvent {
  position: number;
  action: string;
  actorId: number | null;
  actorName: string;
  comment: string | null;
  createdAt: string;
}

/** One cycle with its steps, recorded actions and progress. */
export interface CycleDetail extends CycleSummary {
  schemeKey: string;
  schemeName: LocalizedText;
  events: CycleEvent[];
  progress: { total: number; rated: number; finance: number; revised: number };
  publication: Publication | null;
}

export interface StepInput {
  kind: StepKind;
  name: LocalizedText;
  roleId: string;
  dueDays: number;
}

export interface CreateCycleInput {
  name: string;
  kind: CycleKind;
  schemeId: number;
  asOf: string;
  scope?: CycleScope;
  deadline: string;
  effectiveFrom?: string;
  steps?: StepInput[];
}

/** One customer's line of the evaluation form. */
export interface Proposal {
  customerId: number;
  code: string;
  name: string;
  region: string | null;
  ownerId: number | null;
  computedTier: string;
  score: number | null;
  previousTier: string | null;
  proposedTier: string | null;
  proposalReason: string | null;
  proposedBy: number | null;
  proposedAt: string | null;
  creditGrade: string | null;
  receivablesConfirmed: boolean | null;
  financeNote: string | null;
  financeBy: number | null;
  financeAt: string | null;
  revisedTier: string | null;
  revisionReason: string | null;
  revisedBy: number | null;
  revisedAt: string | null;
  version: number;
  finalTier: string;
  /** Revenue over the 12 months up to the cycle's as-of date, in minor units. */
  revenueMinor: number;
}

export interface ProposalFilter {
  tier?: string | undefined;
  changed?: 'true' | 'false' | undefined;
  pending?: 'rate' | 'finance' | undefined;
  moved?: 'up' | 'down' | undefined;
  q?: string | undefined;
}

export interface PublishResult {
  publicationId: number;
  runId: number;
  cycleId: number | null;
  schemeId: number;
  effectiveFrom: string;
  customers: number;
  distribution: { tier: string; count: number }[];
  upgrades: number;
  downgrades: number;
  unchanged: number;
  entered: number;
  left: number;
  notified: number;
  alreadyPublished: boolean;
}

/** One tier change of one customer. */
export interface HistoryRow {
  id: number;
  schemeId: number;
  customerId: number;
  code: string;
  name: string;
  fromTier: string | null;
  toTier: string | null;
  reason: string | null;
  publicationId: number | null;
  runId: number | null;
  cycleId: number | null;
  approverId: number | null;
  approverName: string | null;
  effectiveFrom: string;
  createdAt: string;
}

export interface CustomerHistoryRow extends HistoryRow {
  scheme: { key: string; name: LocalizedText } | null;
}

export interface TierOnDate {
  schemeId: number;
  scheme: { key: string; name: LocalizedText } | null;
  tier: string;
  since: string;
}

export type ChangeDirection = 'up' | 'down' | 'entered' | 'left';

const base = (id: number) => `/api/reviews/cycles/${id}`;

/** Review cycles, newest first. */
export async function listCycles(): Promise<CycleSummary[]> {
  return (await api.get<{ items: CycleSummary[] }>('/api/reviews/cycles')).items;
}

/** Starts a cycle: the scheme runs at the as-of date and the evaluation form opens. */
export function createCycle(input: CreateCycleInput): Promise<CycleDetail> {
  return api.post('/api/reviews/cycles', input);
}

/** One cycle with steps, actions and progress. */
export function getCycle(id: number): Promise<CycleDetail> {
  return api.get(base(id));
}

/** Completes the current step (its kind named, so a stale page cannot complete another). */
export function completeStep(id: number, kind: StepKind, comment?: string): Promise<CycleDetail> {
  return api.post(`${base(id)}/steps/${kind}/complete`, comment ? { comment } : {});
}

/** Sends the cycle back one step with a reason. */
export function returnStep(id: number, reason: string): Promise<CycleDetail> {
  return api.post(`${base(id)}/return`, { reason });
}

/** Comments on the current step. */
export function commentOnCycle(id: number, comment: string): Promise<CycleDetail> {
  return api.post(`${base(id)}/comments`, { comment });
}

/** Moves an open cycle's deadline (YYYY-MM-DD). */
export function extendDeadline(id: number, deadline: string): Promise<CycleDetail> {
  return api.post(`${base(id)}/deadline`, { deadline });
}

/** Cancels an open cycle with a reason. */
export function cancelCycle(id: number, reason: string): Promise<CycleDetail> {
  return api.post(`${base(id)}/cancel`, { reason });
}

/** Publishes the cycle's final tiers; publishing twice answers the first result again. */
export function publishCycle(id: number): Promise<PublishResult> {
  return api.post(`${base(id)}/publish`);
}

/** A page of the evaluation form (a sales manager sees their region while rating). */
export function listProposals(
  id: number,
  filter: ProposalFilter,
  page: number,
  pageSize: number,
): Promise<Page<Proposal>> {
  return api.get(`${base(id)}/proposals`, {
    ...filter,
    q: filter.q?.trim(),
    page,
    pageSize,
  });
}

/**
 * Where the browser downloads the whole evaluation form as Excel, headers in the UI language
 * (the file holds every line the user may see, not only the filtered page).
 */
export function proposalsFileUrl(id: number, lang: string): string {
  return withQuery(`${base(id)}/proposals.xlsx`, { lang });
}

/** Rates a customer: the proposed tier (a reason when it differs from the computed one). */
export function rateProposal(
  id: number,
  customerId: number,
  body: { proposedTier: string; reason?: string; version: number },
): Promise<Proposal> {
  return api.put(`${base(id)}/proposals/${customerId}/rating`, body);
}

/** Finance's credit grade and receivables confirmation. */
export function financeProposal(
  id: number,
  customerId: number,
  body: { creditGrade: string; receivablesConfirmed: boolean; note?: string; version: number },
): Promise<Proposal> {
  return api.put(`${base(id)}/proposals/${customerId}/finance`, body);
}

/** The review meeting's revision (a reason when it differs). */
export function reviseProposal(
  id: number,
  customerId: number,
  body: { revisedTier: string; reason?: string; version: number },
): Promise<Proposal> {
  return api.put(`${base(id)}/proposals/${customerId}/revision`, body);
}

/** Publishes a run's computed tiers without a review cycle. */
export function publishRun(runId: number, effectiveFrom?: string): Promise<PublishResult> {
  return api.post(`/api/tiering/runs/${runId}/publish`, effectiveFrom ? { effectiveFrom } : {});
}

/** A scheme's publications, oldest first. */
export async function listPublications(schemeId: number): Promise<Publication[]> {
  return (await api.get<{ items: Publication[] }>(`/api/tiering/schemes/${schemeId}/publications`))
    .items;
}

/** The customers a publication moved in one direction, a page at a time. */
export function publicationChanges(
  publicationId: number,
  direction: ChangeDirection,
  page: number,
  pageSize: number,
): Promise<Page<HistoryRow> & { publication: Publication }> {
  return api.get(`/api/tiering/publications/${publicationId}/changes`, {
    direction,
    page,
    pageSize,
  });
}

/** A customer's tier changes across schemes, newest first. */
export async function customerTierHistory(customerId: number): Promise<CustomerHistoryRow[]> {
  return (
    await api.get<{ items: CustomerHistoryRow[] }>(`/api/customers/${customerId}/tier-history`)
  ).items;
}

/** The tier a customer held in each scheme on a date. */
export async function customerTiersOn(customerId: number, date: string): Promise<TierOnDate[]> {
  return (await api.get<{ items: TierOnDate[] }>(`/api/customers/${customerId}/tiers-on`, { date }))
    .items;
}

/** The counts of a stored publication summary, when it has them. */
export function publicationCounts(summary: unknown): {
  distribution: { tier: string; count: number }[];
  upgrades: number | null;
  downgrades: number | null;
  entered: number | null;
  left: number | null;
} {
  const s = (typeof summary === 'object' && summary !== null ? summary : {}) as Record<
    string,
    unknown
  >;
  const num = (v: unknown) => (typeof v === 'number' ? v : null);
  const dist = Array.isArray(s.distribution)
    ? s.distribution.filter(
        (d): d is { tier: string; count: number } =>
          typeof d === 'object' &&
          d !== null &&
          typeof (d as { tier?: unknown }).tier === 'string' &&
          typeof (d as { count?: unknown }).count === 'number',
      )
    : [];
  return {
    distribution: dist,
    upgrades: num(s.upgrades),
    downgrades: num(s.downgrades),
    entered: num(s.entered),
    left: num(s.left),
  };
}
