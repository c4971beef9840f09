import { z } from 'zod';
import { DomainError, notFound } from '../../domain/errors';
import {
  type ClvModel,
  findModel,
  latestFinishedModel,
  listModels,
} from '../../store/analytics/clv-models.repository';
import {
  findPrediction,
  listPredictions,
  PREDICTION_SORTS,
  type PredictionFilter,
  type PredictionRow,
  type PredictionSort,
} from '../../store/analytics/clv-predictions.repository';
import { findCustomerById } from '../../store/customers.repository';
import type { Ctx } from '../context';
import { assertCustomerInScope, customerFilter } from '../customers/customer-scope';
import type { Deps } from '../deps';
import { requirePermission } from '../guard';
import { parseInput } from '../parse';
import type { ClvDistribution } from './clv-distribution';
import type { ClvEvaluation } from './clv-evaluate';
import { KEPT_MODELS } from './clv-fit-store';

/** A model as the API shows it: its JSON columns with the shapes the fit writes. */
export type ClvModelView = Omit<ClvModel, 'evaluation' | 'distribution'> & {
  evaluation: ClvEvaluation | null;
  distribution: ClvDistribution | null;
};

/** The stored JSON is what clv-fit.service wrote, so it is read back as those shapes. */
export function modelView(m: ClvModel): ClvModelView {
  return m as ClvModelView;
}

export const clvModelsQuery = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

const text = (field: string) =>
  z.string().trim().min(1, `${field} must not be empty`).max(100).optional();

/** Filters of the predictions list (and its export, without the paging). */
export const clvCustomersQuery = z.strictObject({
  /** Default: the newest finished model. */
  modelId: z.coerce.number({ error: 'modelId must be a number' }).int().positive().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  sort: z
    .enum(PREDICTION_SORTS, { error: `sort must be one of ${PREDICTION_SORTS.join(', ')}` })
    .default('clv'),
  order: z.enum(['asc', 'desc'], { error: 'order must be asc or desc' }).default('desc'),
  region: text('region'),
  industry: text('industry'),
  ownerId: z.coerce.number({ error: 'ownerId must be a number' }).int().positive().optional(),
});
export type ClvCustomersQuery = z.input<typeof clvCustomersQuery>;

/** Models newest first (finished, failed and running), a page at a time. Needs analytics.read. */
export async function listClvModels(deps: Deps, ctx: Ctx, raw: unknown = {}) {
  requirePermission(ctx, 'analytics.read');
  const q = parseInput(clvModelsQuery, raw ?? {}, 'Invalid model list query');
  const { items, total } = await listModels(deps.store.db, {
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return { items: items.map(modelView), total, page: q.page, pageSize: q.pageSize };
}

/** One model with its evaluation, distribution and warnings. Needs analytics.read. */
export async function getClvModel(deps: Deps, ctx: Ctx, id: number): Promise<ClvModelView> {
  requirePermission(ctx, 'analytics.read');
  const m = await findModel(deps.store.db, id);
  if (!m) throw notFound('Lifetime-value model', id);
  return modelView(m);
}

/**
 * The model a predictions list reads: the one asked for (it must be finished and still have its
 * predictions) or the newest finished one; undefined when no model has finished yet.
 */
async function modelFor(deps: Deps, modelId: number | undefined): Promise<ClvModel | undefined> {
  if (modelId === undefined) return latestFinishedModel(deps.store.db);
  const m = await findModel(deps.store.db, modelId);
  if (!m) throw notFound('Lifetime-value model', modelId);
  if (m.status !== 'finished') {
    throw new DomainError('INVALID_STATE', `Model ${modelId} is ${m.status}, not finished`, {
      modelId,
      status: m.status,
    });
  }
  if (!m.predictionsKept) {
    throw new DomainError(
      'INVALID_STATE',
      `The predictions of model ${modelId} were removed: only the newest ${KEPT_MODELS} models keep theirs`,
      { modelId },
    );
  }
  return m;
}

/** CLV is empty for a whole model without a spend part; its list then sorts by purchases. */
function effectiveSort(m: ClvModel, sort: PredictionSort): PredictionSort {
  return sort === 'clv' && !m.gammaGamma ? 'expected_purchases' : sort;
}

/** The filter of a list or export over a resolved model. */
export function predictionFilter(
  ctx: Ctx,
  m: ClvModel,
  q: Omit<z.output<typeof clvCustomersQuery>, 'page' | 'pageSize'>,
): PredictionFilter {
  return {
    rows: customerFilter(ctx),
    modelId: m.id,
    sort: effectiveSort(m, q.sort),
    order: q.order,
    region: q.region,
    industry: q.industry,
    ownerId: q.ownerId,
  };
}

/**
 * A page of predictions (customer code and name, P(alive), expected purchases and spend, CLV)
 * of a model, filtered by region, industry or owner. Without any finished model the answer is
 * an empty page with `model: null` rather than an error. Needs analytics.read.
 */
export async function listClvCustomers(deps: Deps, ctx: Ctx, raw: ClvCustomersQuery = {}) {
  requirePermission(ctx, 'analytics.read');
  const q = parseInput(clvCustomersQuery, raw ?? {}, 'Invalid lifetime-value list query');
  const m = await modelFor(deps, q.modelId);
  if (!m) {
    return {
      model: null,
      sort: q.sort,
      order: q.order,
      items: [] as PredictionRow[],
      total: 0,
      page: q.page,
      pageSize: q.pageSize,
    };
  }
  const f = predictionFilter(ctx, m, q);
  const { items, total } = await listPredictions(deps.store.db, f, {
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return {
    model: modelView(m),
    sort: f.sort,
    order: f.order,
    items,
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** Resolves the model of an export (same rules as the list). */
export async function exportModel(deps: Deps, modelId: number | undefined): Promise<ClvModel> {
  const m = await modelFor(deps, modelId);
  if (!m) {
    throw new DomainError('INVALID_STATE', 'No lifetime-value model has been fitted yet', {});
  }
  return m;
}

/**
 * One customer's prediction under the newest finished model, for the customer page. No model
 * yet, or no purchase before the model's as-of day, is an answer (nulls), not an error; an
 * unknown customer is NOT_FOUND. Needs analytics.read.
 */
export async function customerClv(deps: Deps, ctx: Ctx, customerId: number) {
  requirePermission(ctx, 'analytics.read');
  await assertCustomerInScope(deps.store.db, ctx, customerId);
  const customer = await findCustomerById(deps.store.db, customerId);
  if (!customer) throw notFound('Customer', customerId);
  const m = await latestFinishedModel(deps.store.db);
  if (!m) return { model: null, prediction: null };
  const p = await findPrediction(deps.store.db, m.id, customerId);
  return { model: modelView(m), prediction: p ?? null };
}
