import type { AnalyticsFilters, AnalyticsPeriod } from './analytics';
import { api } from './client';

export const TIER_DISTRIBUTION_PATH = '/api/analytics/tiers/distribution';
export const TIER_MIGRATION_PATH = '/api/analytics/tiers/migration';

/** A tier of a figure with its names. */
export interface TierName {
  id: string;
  nameZh: string;
  nameEn: string;
}

export interface TierSchemeRef {
  id: number;
  key: string;
  nameZh: string;
  nameEn: string;
}

export interface TierRunOption {
  id: number;
  version: number;
  asOf: string;
  status: string;
  customers: number;
  createdAt: string;
  publication: { id: number; effectiveFrom: string; publishedAt: string } | null;
}

export interface TierSchemeOption extends TierSchemeRef {
  serviceTier: boolean;
  tiers: TierName[];
  /** Newest first. */
  runs: TierRunOption[];
}

export type DistributionBy = 'publication' | 'month';

export interface TierShare {
  tier: string;
  customers: number;
  revenueMinor: number;
  customerShare: number;
  revenueShare: number;
}

export interface DistributionPoint {
  /** Publication id, month, or 'run-<id>' for the draft point. */
  key: string;
  /** The newest run after the last publication: computed tiers, not published. */
  draft: boolean;
  date: string;
  publicationId: number | null;
  runId: number | null;
  revenuePeriod: AnalyticsPeriod;
  customers: number;
  revenueMinor: number;
  untiered: number;
  untieredRevenueMinor: number;
  tiers: TierShare[];
}

export interface TierDistribution {
  scheme: TierSchemeRef;
  by: DistributionBy;
  tiers: TierName[];
  points: DistributionPoint[];
  truncated: boolean;
}

export type Compare = 'runs' | 'dates' | 'previous';
export type Move = 'up' | 'down' | 'stayed' | 'new' | 'gone';
export const MOVES: Move[] = ['up', 'down', 'stayed', 'new', 'gone'];

export interface MoveTotal {
  customers: number;
  revenueMinor: number;
  revenueBeforeMinor: number;
}

export interface TierSide {
  kind: 'run' | 'date' | 'previous';
  runId: number | null;
  asOf: string | null;
  status: string | null;
  version: number | null;
  publicationId: number | null;
  effectiveFrom: string | null;
  date: string | null;
  ofRunId: number | null;
  month: string;
}

export interface SankeyLink {
  source: string;
  target: string;
  from: string;
  to: string;
  move: Move;
  customers: number;
  revenueMinor: number;
  revenueBeforeMinor: number;
}

export interface TierMigration {
  scheme: TierSchemeRef;
  compare: Compare;
  defaulted: 'latestPublished' | 'publishedAndLatestRun' | 'previousTiers' | null;
  before: TierSide;
  after: TierSide;
  periods: { before: AnalyticsPeriod; after: AnalyticsPeriod };
  tiers: TierName[];
  /** Tier ids best first, then 'none'. */
  labels: string[];
  counts: number[][];
  revenueMinor: number[][];
  revenueBeforeMinor: number[][];
  totals: Record<Move, MoveTotal>;
  all: MoveTotal;
  sankey: {
    nodes: {
      id: string;
      side: 'before' | 'after';
      tier: string;
      customers: number;
      revenueMinor: number;
    }[];
    links: SankeyLink[];
  };
}

/** What a migration compares; left empty, the server picks (see the guide). */
export interface ComparisonQuery {
  compare?: Compare;
  beforeRunId?: string;
  afterRunId?: string;
  beforeDate?: string;
  afterDate?: string;
}

/** The schemes with their tiers and runs, for the pickers. */
export function tierSchemes(): Promise<{ items: TierSchemeOption[] }> {
  return api.get('/api/analytics/tiers/schemes');
}

/** Tier distribution over time. */
export function tierDistribution(
  query: AnalyticsFilters & { by?: DistributionBy; draft?: 'include' | 'exclude' },
): Promise<TierDistribution> {
  return api.get(TIER_DISTRIBUTION_PATH, { ...query });
}

/** Tier migration between two runs, two dates, or a run and its previous tiers. */
export function tierMigration(query: AnalyticsFilters & ComparisonQuery): Promise<TierMigration> {
  return api.get(TIER_MIGRATION_PATH, { ...query });
}

/**
 * The comparison a figure resolved, as explicit parameters: the customer lists behind it then
 * read exactly the same two sides even when the figure picked them itself.
 */
export function resolvedComparison(m: TierMigration): ComparisonQuery {
  if (m.compare === 'dates')
    return { compare: 'dates', beforeDate: m.before.date ?? '', afterDate: m.after.date ?? '' };
  if (m.compare === 'previous') return { compare: 'previous', afterRunId: String(m.after.runId) };
  return {
    compare: 'runs',
    beforeRunId: String(m.before.runId),
    afterRunId: String(m.after.runId),
  };
}
