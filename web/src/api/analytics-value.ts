import type { AnalyticsFilters, AnalyticsPeriod } from './analytics';
import { api } from './client';

export type ValueMetric = 'revenue' | 'profit';
export type PyramidLevelKey = 'key' | 'important' | 'ordinary' | 'small';

/** Query of the value figures: the shared filters, the metric and the pyramid cut points. */
export interface ValueQuery extends AnalyticsFilters {
  metric?: ValueMetric;
  /** "0.8,0.95,0.99" */
  cuts?: string;
}

export interface ValueLevel {
  key: PyramidLevelKey;
  zh: string;
  en: string;
  customers: number;
  customerShare: number;
  valueMinor: number;
  valueShare: number;
  minValueMinor: number;
}

export interface ValueTopShare {
  customerFraction: number;
  customers: number;
  valueMinor: number;
  valueShare: number;
}

/** Pareto / Lorenz / pyramid figures; shares are fractions 0–1, money minor units. */
export interface ValueView {
  period: AnalyticsPeriod;
  metric: ValueMetric;
  cuts: number[];
  totals: {
    customers: number;
    customersInScope: number;
    customersWithoutOrders: number;
    revenueMinor: number;
    profitMinor: number;
    positiveMinor: number;
  };
  losses: { customers: number; valueMinor: number };
  gini: number;
  lorenz: { customerShare: number; valueShare: number }[];
  topShares: ValueTopShare[];
  pyramid: ValueLevel[];
}

export type RfmSegmentKey =
  | 'important_value'
  | 'general_value'
  | 'important_develop'
  | 'general_develop'
  | 'important_keep'
  | 'general_keep'
  | 'important_retain'
  | 'general_retain';

export interface RfmSegment {
  key: RfmSegmentKey;
  zh: string;
  en: string;
  action: { zh: string; en: string };
  high: { r: boolean; f: boolean; m: boolean };
  customers: number;
  share: number;
  revenueMinor: number;
  revenueShare: number;
  avgR: number;
  avgF: number;
  avgM: number;
  avgRecencyDays: number;
  avgOrders: number;
  avgRevenueMinor: number;
}

export interface ColumnStats {
  count: number;
  mean: number;
  std: number;
  min: number;
  median: number;
  max: number;
}

/** RFM segments, the R×F grid and the score distributions. */
export interface RfmView {
  period: AnalyticsPeriod;
  asOf: string;
  totals: {
    customers: number;
    customersInScope: number;
    customersWithoutOrders: number;
    customersWithoutOrdersInPeriod: number;
    revenueMinor: number;
    orders: number;
  };
  segments: RfmSegment[];
  grid: { r: number; f: number; customers: number; revenueMinor: number }[];
  distributions: { r: number[]; f: number[]; m: number[] };
  stats: { recencyDays: ColumnStats; frequency: ColumnStats; monetaryMinor: ColumnStats };
}

export const VALUE_PATH = '/api/analytics/value';
export const VALUE_CUSTOMERS_PATH = '/api/analytics/value/customers';
export const VALUE_EXPORT_PATH = '/api/analytics/value/export';
export const RFM_PATH = '/api/analytics/rfm';
export const RFM_CUSTOMERS_PATH = '/api/analytics/rfm/customers';
export const RFM_EXPORT_PATH = '/api/analytics/rfm/export';

/** Lorenz curve, Gini, top-x% shares and value pyramid over the filtered customers. */
export function valueView(q: ValueQuery): Promise<ValueView> {
  return api.get<ValueView>(VALUE_PATH, { ...q });
}

/** RFM segments, grid and distributions over the filtered customers. */
export function rfmView(q: AnalyticsFilters): Promise<RfmView> {
  return api.get<RfmView>(RFM_PATH, { ...q });
}
