import type { AnalyticsFilters, AnalyticsPeriod, DrillPage } from './analytics';
import { api } from './client';
import type { KpiRow } from './service-kpis';

export const NINE_GRID_CELLS = ['A1', 'A2', 'A3', 'B1', 'B2', 'B3', 'C1', 'C2', 'C3'] as const;
export type NineGridCell = (typeof NINE_GRID_CELLS)[number];

export type NineGridMetric =
  | 'revenue'
  | 'profit'
  | 'orders'
  | 'marginRate'
  | 'growth'
  | 'recencyDays'
  | 'clv'
  | 'pAlive';

/** Metrics whose values and thresholds are money (minor units on the wire). */
export const MONEY_METRICS: ReadonlySet<NineGridMetric> = new Set(['revenue', 'profit', 'clv']);
/** Metrics that are fractions (shown and entered as percentages). */
export const RATE_METRICS: ReadonlySet<NineGridMetric> = new Set([
  'marginRate',
  'growth',
  'pAlive',
]);

export interface NinegridAxis {
  metric: NineGridMetric;
  split: 'thresholds' | 'tertiles';
  low: number | null;
  high: number | null;
}

export interface NinegridCellRow {
  cell: NineGridCell;
  customers: number;
  xSum: number;
  ySum: number;
  revenueMinor: number;
}

export interface Ninegrid {
  period: AnalyticsPeriod;
  asOf: string;
  x: NinegridAxis;
  y: NinegridAxis;
  customers: number;
  revenueMinor: number;
  cells: NinegridCellRow[];
  movement: {
    previousPeriod: AnalyticsPeriod;
    counts: number[][];
    previousCells: number[];
    entered: number[];
    left: number[];
  };
  metrics: NineGridMetric[];
  clvModel: { id: number; asOf: string } | null;
}

/** The nine-grid query: axes and, per axis, both thresholds (wire units) or none. */
export interface NinegridQuery extends AnalyticsFilters {
  x: NineGridMetric;
  y: NineGridMetric;
  xLow?: string;
  xHigh?: string;
  yLow?: string;
  yHigh?: string;
}

export const NINEGRID_PATH = '/api/analytics/ninegrid';
export const NINEGRID_CUSTOMERS_PATH = '/api/analytics/ninegrid/customers';
export const NINEGRID_EXPORT_PATH = '/api/analytics/ninegrid/export';

/** The nine-grid and its movement from the previous period. */
export function ninegrid(q: NinegridQuery): Promise<Ninegrid> {
  return api.get<Ninegrid>(NINEGRID_PATH, { ...q });
}

export const LIFECYCLE_STAGES = ['new', 'active', 'silent', 'at_risk', 'churned'] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

export interface LifecycleView {
  period: AnalyticsPeriod;
  asOf: string;
  parameters: {
    newDays: number;
    k1: number;
    k2: number;
    k3: number;
    maxDays: number;
    fallbackIntervalDays: number;
  };
  customers: number;
  stages: { stage: LifecycleStage; customers: number; share: number; revenueMinor: number }[];
  cohorts: { month: string; customers: number; active: number[]; share: number[] }[];
  churnRisk: DrillPage;
}

/** Stage rules as the page sends them (empty: the server's default). */
export interface LifecycleRules {
  newDays?: string;
  k1?: string;
  k2?: string;
  k3?: string;
  maxDays?: string;
}

export const LIFECYCLE_PATH = '/api/analytics/lifecycle';
export const LIFECYCLE_CUSTOMERS_PATH = '/api/analytics/lifecycle/customers';
export const LIFECYCLE_EXPORT_PATH = '/api/analytics/lifecycle/export';

/** Lifecycle stages, cohort retention and the first page of the churn-risk list. */
export function lifecycle(q: AnalyticsFilters & LifecycleRules): Promise<LifecycleView> {
  return api.get<LifecycleView>(LIFECYCLE_PATH, { ...q });
}

export interface ServiceTrendPoint {
  month: string;
  tickets: number;
  satisfaction: number | null;
  surveys: number;
  slaAttainment: number | null;
}

export interface ServiceByTier {
  period: AnalyticsPeriod;
  months: string[];
  tiers: KpiRow[];
  total: KpiRow | null;
  trends: { tier: string; points: ServiceTrendPoint[] }[];
}

export const SERVICE_PATH = '/api/analytics/service';
export const SERVICE_CUSTOMERS_PATH = '/api/analytics/service/customers';
export const SERVICE_EXPORT_PATH = '/api/analytics/service/export';

/** Service KPIs by tier and satisfaction by month per tier. */
export function serviceByTier(q: AnalyticsFilters): Promise<ServiceByTier> {
  return api.get<ServiceByTier>(SERVICE_PATH, { ...q });
}
