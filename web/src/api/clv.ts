import { api, withQuery } from './client';

export type ClvUnit = 'days' | 'weeks' | 'months';
export type ClvSort = 'clv' | 'p_alive' | 'expected_purchases';
export type JobStatus = 'queued' | 'running' | 'done' | 'failed';
export type ClvPhase = 'loading' | 'fitting' | 'scoring' | 'storing' | 'done';

/** What a fit may be asked for; the server fills the defaults. */
export interface ClvFitRequest {
  asOf?: string;
  holdoutWeeks?: number;
  horizonMonths?: number;
  /** Annual, as a fraction (0.1 = 10 %). */
  discountRate?: number;
  /** 0–1; leave out for CLV of revenue. */
  margin?: number | null;
  unit?: ClvUnit;
}

/** A fit job as the page follows it. */
export interface ClvFitJob {
  jobId: number;
  status: JobStatus;
  progress: {
    phase?: ClvPhase;
    done?: number;
    total?: number;
    step?: 'bgnbd' | 'gamma_gamma';
    iteration?: number;
    modelId?: number;
  } | null;
  error: string | null;
  modelId: number | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface ClvWarning {
  code: string;
  message: string;
  [detail: string]: unknown;
}

export interface FrequencyBin {
  frequency: string;
  actual: number;
  expected: number;
}

export interface HoldoutBin {
  frequency: string;
  customers: number;
  actual: number;
  predicted: number;
}

export interface ClvEvaluation {
  calibration: {
    customers: number;
    actualRepeat: number;
    expectedRepeat: number;
    bins: FrequencyBin[];
  } | null;
  holdout: {
    weeks: number;
    from: string;
    to: string;
    customers: number;
    actual: number;
    predicted: number;
    bins: HoldoutBin[];
  } | null;
}

export interface ClvDistribution {
  customers: number;
  clv: {
    totalMinor: number;
    meanMinor: number;
    quantilesMinor: Record<'p10' | 'p25' | 'p50' | 'p75' | 'p90' | 'p99' | 'max', number>;
    top20Share: number;
    widthMinor: number;
    counts: number[];
  } | null;
  pAliveCounts: number[];
  pAliveMean: number;
  expectedPurchasesTotal: number;
}

export interface ClvModel {
  id: number;
  status: 'running' | 'finished' | 'failed';
  asOf: string;
  calibrationEnd: string;
  holdoutWeeks: number;
  unit: ClvUnit;
  horizonMonths: number;
  discountRate: number;
  margin: number | null;
  customers: number;
  repeatCustomers: number;
  scoredCustomers: number;
  bgnbd: {
    r: number;
    alpha: number;
    a: number;
    b: number;
    logLikelihood: number;
    iterations: number;
  } | null;
  gammaGamma: {
    p: number;
    q: number;
    gamma: number;
    logLikelihood: number;
    iterations: number;
    customers: number;
  } | null;
  evaluation: ClvEvaluation | null;
  distribution: ClvDistribution | null;
  warnings: ClvWarning[];
  error: string | null;
  predictionsKept: boolean;
  jobId: number | null;
  createdBy: number | null;
  createdAt: string;
  finishedAt: string | null;
}

/** One customer's prediction; money in minor units. */
export interface ClvPrediction {
  customerId: number;
  code: string;
  name: string;
  region: string | null;
  industry: string | null;
  ownerId: number | null;
  x: number;
  tX: number;
  T: number;
  monetaryMinor: number;
  pAlive: number;
  expectedPurchases: number;
  expectedSpendMinor: number | null;
  clvMinor: number | null;
}

export interface ClvCustomersQuery {
  modelId?: number | undefined;
  page?: number;
  pageSize?: number;
  sort?: ClvSort;
  order?: 'asc' | 'desc';
  region?: string | undefined;
  industry?: string | undefined;
  ownerId?: number | undefined;
}

export interface ClvCustomersPage {
  model: ClvModel | null;
  sort: ClvSort;
  order: 'asc' | 'desc';
  items: ClvPrediction[];
  total: number;
  page: number;
  pageSize: number;
}

const BASE = '/api/analytics/clv';

/** Queues a fit; returns the job to follow. */
export function requestClvFit(body: ClvFitRequest): Promise<{ jobId: number; created: boolean }> {
  return api.post(`${BASE}/fit`, body);
}

/** One fit job's status and progress. */
export function getClvFit(jobId: number): Promise<ClvFitJob> {
  return api.get(`${BASE}/fits/${jobId}`);
}

/** The latest fit jobs, newest first. */
export async function recentClvFits(): Promise<ClvFitJob[]> {
  return (await api.get<{ items: ClvFitJob[] }>(`${BASE}/fits`)).items;
}

/** Models, newest first. */
export function listClvModels(
  page = 1,
  pageSize = 20,
): Promise<{ items: ClvModel[]; total: number; page: number; pageSize: number }> {
  return api.get(`${BASE}/models`, { page, pageSize });
}

/** One model with its evaluation and distribution. */
export function getClvModel(id: number): Promise<ClvModel> {
  return api.get(`${BASE}/models/${id}`);
}

/** A page of a model's predictions (default the newest finished model). */
export function listClvCustomers(q: ClvCustomersQuery): Promise<ClvCustomersPage> {
  return api.get(`${BASE}/customers`, { ...q });
}

/** The download address of the predictions list with the same filters and sort. */
export function clvCustomersFileUrl(
  q: Omit<ClvCustomersQuery, 'page' | 'pageSize'>,
  format: 'csv' | 'xlsx',
  lang: string,
): string {
  return withQuery(`${BASE}/customers.${format}`, { ...q, lang });
}

/** One customer's prediction under the newest finished model (nulls when there is none). */
export function getCustomerClv(
  customerId: number,
): Promise<{ model: ClvModel | null; prediction: ClvPrediction | null }> {
  return api.get(`${BASE}/customers/${customerId}`);
}
