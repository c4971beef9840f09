import { z } from 'zod';
import { analyticsFilterQuery, drillQuery, exportQuery, periodResponse } from './analytics';

/** Query of the value figures (checked by the service; errors name the field). */
export const valueQuery = analyticsFilterQuery.extend({
  metric: z.string().optional().describe('revenue (default) or profit'),
  cuts: z
    .string()
    .optional()
    .describe(
      'Pyramid cut points: three increasing cumulative-share fractions (default 0.8,0.95,0.99)',
    ),
});

const valueSelector = z.object({
  level: z
    .string()
    .optional()
    .describe('Pyramid level key, important, ordinary, small — or loss (the loss-makers)'),
  top: z.string().optional().describe('The top x of customers by value, a fraction (0, 1]'),
});

/** Drill-down into a value figure: level or top, plus the figure's query and paging. */
export const valueDrillQuery = valueQuery.extend(valueSelector.shape).extend(drillQuery.shape);
export const valueDrillExportQuery = valueQuery
  .extend(valueSelector.shape)
  .extend(drillQuery.pick({ sort: true, order: true }).shape)
  .extend(exportQuery.shape);
export const valueExportQuery = valueQuery.extend(exportQuery.shape);

const share = z.number().describe('A fraction 0–1');

export const valueResponse = z
  .object({
    period: periodResponse,
    metric: z.enum(['revenue', 'profit']),
    cuts: z.array(z.number()),
    totals: z.object({
      customers: z.number().int().describe('Customers with at least one order in the period'),
      customersInScope: z.number().int(),
      customersWithoutOrders: z
        .number()
        .int()
        .describe('In scope without an order in the period: not counted in the figures'),
      revenueMinor: z.number(),
      profitMinor: z.number(),
      positiveMinor: z.number().describe('Sum of the positive values: what the shares divide'),
    }),
    losses: z.object({ customers: z.number().int(), valueMinor: z.number() }),
    gini: z.number(),
    lorenz: z.array(z.object({ customerShare: share, valueShare: share })),
    topShares: z.array(
      z.object({
        customerFraction: share,
        customers: z.number().int(),
        valueMinor: z.number(),
        valueShare: share,
      }),
    ),
    pyramid: z.array(
      z.object({
        key: z.enum(['key', 'important', 'ordinary', 'small']),
        zh: z.string(),
        en: z.string(),
        customers: z.number().int(),
        customerShare: share,
        valueMinor: z.number().describe('Net value of the level, losses included'),
        valueShare: share.describe('Share of the positive total'),
        minValueMinor: z.number(),
      }),
    ),
  })
  .meta({ id: 'AnalyticsValue' });

/** Query of the RFM figures. */
export const rfmQuery = analyticsFilterQuery;

const rfmSelector = z.object({
  segment: z.string().optional().describe('Segment key, e.g. important_value'),
  r: z.string().optional().describe('Recency score 1–5'),
  f: z.string().optional().describe('Frequency score 1–5'),
  m: z.string().optional().describe('Monetary score 1–5'),
});

export const rfmDrillQuery = rfmQuery.extend(rfmSelector.shape).extend(drillQuery.shape);
export const rfmDrillExportQuery = rfmQuery
  .extend(rfmSelector.shape)
  .extend(drillQuery.pick({ sort: true, order: true }).shape)
  .extend(exportQuery.shape);
export const rfmExportQuery = rfmQuery.extend(exportQuery.shape);

const columnStats = z.object({
  count: z.number(),
  mean: z.number(),
  std: z.number(),
  min: z.number(),
  median: z.number(),
  max: z.number(),
});

export const rfmResponse = z
  .object({
    period: periodResponse,
    asOf: z.string().describe('The day recency is measured to'),
    totals: z.object({
      customers: z.number().int().describe('Scored: ordered at least once up to the period end'),
      customersInScope: z.number().int(),
      customersWithoutOrders: z.number().int().describe('Never ordered: not scored'),
      customersWithoutOrdersInPeriod: z.number().int(),
      revenueMinor: z.number(),
      orders: z.number(),
    }),
    segments: z.array(
      z.object({
        key: z.string(),
        zh: z.string(),
        en: z.string(),
        action: z.object({ zh: z.string(), en: z.string() }),
        high: z.object({ r: z.boolean(), f: z.boolean(), m: z.boolean() }),
        customers: z.number().int(),
        share,
        revenueMinor: z.number(),
        revenueShare: share,
        avgR: z.number(),
        avgF: z.number(),
        avgM: z.number(),
        avgRecencyDays: z.number(),
        avgOrders: z.number(),
        avgRevenueMinor: z.number(),
      }),
    ),
    grid: z.array(
      z.object({
        r: z.number().int(),
        f: z.number().int(),
        customers: z.number().int(),
        revenueMinor: z.number(),
      }),
    ),
    distributions: z.object({
      r: z.array(z.number().int()),
      f: z.array(z.number().int()),
      m: z.array(z.number().int()),
    }),
    stats: z.object({
      recencyDays: columnStats,
      frequency: columnStats,
      monetaryMinor: columnStats,
    }),
  })
  .meta({ id: 'AnalyticsRfm' });
