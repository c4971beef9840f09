import { z } from 'zod';

const minor = z.number().describe('Money in minor units (fen)');

/**
 * Body of POST /api/analytics/clv/fit. Bounds are checked by the service (one error naming
 * every bad field, e.g. horizonMonths 0 or a negative discountRate); this documents the shape.
 */
export const clvFitBody = z
  .object({
    asOf: z.string().optional().describe('Last day of data, YYYY-MM-DD (default today)'),
    holdoutWeeks: z
      .number()
      .optional()
      .describe('Weeks before asOf kept out of the fit for the holdout comparison (default 0)'),
    horizonMonths: z.number().optional().describe('CLV horizon in months, 1–120 (default 12)'),
    discountRate: z
      .number()
      .optional()
      .describe('Annual discount rate as a fraction, 0–1 (default 0.1)'),
    margin: z.number().nullable().optional().describe('Gross margin 0–1 applied to CLV'),
    unit: z
      .enum(['days', 'weeks', 'months'])
      .optional()
      .describe('Model time unit (default weeks)'),
  })
  .meta({ id: 'ClvFitRequest' });

export const clvFitAccepted = z
  .object({ jobId: z.number().int(), created: z.boolean() })
  .meta({ id: 'ClvFitAccepted' });

export const clvFitJob = z
  .object({
    jobId: z.number().int(),
    status: z.enum(['queued', 'running', 'done', 'failed']),
    progress: z
      .record(z.string(), z.unknown())
      .nullable()
      .describe(
        'phase (loading, fitting, scoring, storing, done), done, total, iteration, modelId',
      ),
    error: z.string().nullable(),
    modelId: z.number().int().nullable(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'ClvFitJob' });

const frequencyBin = z.string().describe('Calibration repeat purchase days: 0 … 6 or 7+');

export const clvEvaluation = z
  .object({
    calibration: z
      .object({
        customers: z.number().int(),
        actualRepeat: z.number(),
        expectedRepeat: z.number(),
        bins: z.array(
          z.object({ frequency: frequencyBin, actual: z.number(), expected: z.number() }),
        ),
      })
      .nullable(),
    holdout: z
      .object({
        weeks: z.number().int(),
        from: z.string(),
        to: z.string(),
        customers: z.number().int(),
        actual: z.number(),
        predicted: z.number(),
        bins: z.array(
          z.object({
            frequency: frequencyBin,
            customers: z.number().int(),
            actual: z.number(),
            predicted: z.number(),
          }),
        ),
      })
      .nullable(),
  })
  .meta({ id: 'ClvEvaluation' });

export const clvDistribution = z
  .object({
    customers: z.number().int(),
    clv: z
      .object({
        totalMinor: minor,
        meanMinor: minor,
        quantilesMinor: z.object({
          p10: minor,
          p25: minor,
          p50: minor,
          p75: minor,
          p90: minor,
          p99: minor,
          max: minor,
        }),
        top20Share: z.number(),
        widthMinor: minor,
        counts: z.array(z.number().int()).describe('Customers per bucket; the last is the tail'),
      })
      .nullable(),
    pAliveCounts: z.array(z.number().int()).describe('Customers per P(alive) tenth'),
    pAliveMean: z.number(),
    expectedPurchasesTotal: z.number(),
  })
  .meta({ id: 'ClvDistribution' });

export const clvModel = z
  .object({
    id: z.number().int(),
    status: z.enum(['running', 'finished', 'failed']),
    asOf: z.string(),
    calibrationEnd: z.string(),
    holdoutWeeks: z.number().int(),
    unit: z.enum(['days', 'weeks', 'months']),
    horizonMonths: z.number().int(),
    discountRate: z.number(),
    margin: z.number().nullable(),
    customers: z.number().int(),
    repeatCustomers: z.number().int(),
    scoredCustomers: z.number().int(),
    bgnbd: z
      .object({
        r: z.number(),
        alpha: z.number(),
        a: z.number(),
        b: z.number(),
        logLikelihood: z.number(),
        iterations: z.number().int(),
      })
      .nullable(),
    gammaGamma: z
      .object({
        p: z.number(),
        q: z.number(),
        gamma: z.number().describe('In major currency units (yuan)'),
        logLikelihood: z.number(),
        iterations: z.number().int(),
        customers: z.number().int(),
      })
      .nullable()
      .describe('Null when spend could not be fitted (see warnings)'),
    evaluation: clvEvaluation.nullable(),
    distribution: clvDistribution.nullable(),
    warnings: z.array(z.looseObject({ code: z.string(), message: z.string() })),
    error: z.string().nullable(),
    predictionsKept: z.boolean(),
    jobId: z.number().int().nullable(),
    createdBy: z.number().int().nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'ClvModel' });

export const clvModelsQuery = z.object({
  page: z.string().optional(),
  pageSize: z.string().optional(),
});

export const clvModelsPage = z
  .object({
    items: z.array(clvModel),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: 'ClvModelsPage' });

/** Query of the predictions list; checked by the service, which names bad fields. */
export const clvCustomersQuery = z.object({
  modelId: z.string().optional().describe('Default: the newest finished model'),
  page: z.string().optional(),
  pageSize: z.string().optional(),
  sort: z.enum(['clv', 'p_alive', 'expected_purchases']).optional(),
  order: z.enum(['asc', 'desc']).optional(),
  region: z.string().optional(),
  industry: z.string().optional(),
  ownerId: z.string().optional(),
});

export const clvExportQuery = clvCustomersQuery
  .omit({ page: true, pageSize: true })
  .extend({ lang: z.enum(['zh-CN', 'en']).default('zh-CN') });

export const clvPrediction = z
  .object({
    customerId: z.number().int(),
    code: z.string(),
    name: z.string(),
    region: z.string().nullable(),
    industry: z.string().nullable(),
    ownerId: z.number().int().nullable(),
    x: z.number().int().describe('Repeat purchase days up to the as-of day'),
    tX: z.number().describe('First to last purchase, in the model time unit'),
    T: z.number().describe('First purchase to the as-of day, in the model time unit'),
    monetaryMinor: minor,
    pAlive: z.number(),
    expectedPurchases: z.number().describe('Expected purchase days over the horizon'),
    expectedSpendMinor: minor.nullable(),
    clvMinor: minor.nullable(),
  })
  .meta({ id: 'ClvPrediction' });

export const clvCustomersPage = z
  .object({
    model: clvModel.nullable().describe('Null until a model has finished'),
    sort: z.enum(['clv', 'p_alive', 'expected_purchases']),
    order: z.enum(['asc', 'desc']),
    items: z.array(clvPrediction),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: 'ClvCustomersPage' });

export const clvCustomer = z
  .object({
    model: clvModel.nullable().describe('Null until a model has finished'),
    prediction: clvPrediction
      .nullable()
      .describe('Null when the customer had no purchase by the model’s as-of day'),
  })
  .meta({ id: 'ClvCustomer' });
