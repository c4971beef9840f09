import { api, type Query, withQuery } from './client';

/** The filters every analytics view takes (all optional; the server fills the defaults). */
export interface AnalyticsFilters {
  from?: string;
  to?: string;
  region?: string;
  industry?: string;
  type?: string;
  ownerId?: string;
  schemeId?: string;
  tier?: string;
}

export const FILTER_KEYS = [
  'from',
  'to',
  'region',
  'industry',
  'type',
  'ownerId',
  'schemeId',
  'tier',
] as const satisfies readonly (keyof AnalyticsFilters)[];

/** The period a view covered, as the server resolved it. */
export interface AnalyticsPeriod {
  from: string;
  to: string;
  months: number;
}

export interface SchemeOption {
  id: number;
  nameZh: string;
  nameEn: string;
  serviceTier: boolean;
  tiers: string[];
}

export interface FilterOptions {
  regions: string[];
  industries: string[];
  types: string[];
  schemes: SchemeOption[];
}

/** One customer of a list behind a figure; money in minor units over the view's period. */
export interface DrillRow {
  id: number;
  code: string;
  name: string;
  region: string | null;
  industry: string | null;
  type: string;
  ownerId: number | null;
  ownerName: string | null;
  revenueMinor: number;
  profitMinor: number;
  orders: number;
  lastOrderOn: string | null;
  extra: Record<string, string | number | null>;
}

export interface DrillPage {
  total: number;
  page: number;
  pageSize: number;
  rows: DrillRow[];
}

export type DrillSort = 'revenue' | 'profit' | 'orders' | 'lastOrderOn' | 'code';

/** The values the filter pickers offer. */
export function filterOptions(): Promise<FilterOptions> {
  return api.get<FilterOptions>('/api/analytics/filter-options');
}

/** A page of the customers behind a figure (`path` is the view's `/customers` route). */
export function drillPage(path: string, query: Query): Promise<DrillPage> {
  return api.get<DrillPage>(path, query);
}

/** Address of an export of a view's figure or list, in a format and language. */
export function exportUrl(
  path: string,
  query: Query,
  format: 'csv' | 'xlsx',
  lang: string,
): string {
  return withQuery(path, { ...query, format, lang });
}
