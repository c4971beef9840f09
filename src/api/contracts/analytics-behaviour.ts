import { z } from 'zod';
import { NINE_GRID_METRICS } from '../../app/analytics/ninegrid-metrics';
import { NINE_GRID_CELLS } from '../../domain/analytics/ninegrid';
import {
  analyticsFilterQuery,
  drillPageResponse,
  drillQuery,
  exportQuery,
  periodResponse,
} from './analytics';
import { kpiRow } from './service-kpis';

const bar = (what: string) =>
  z
    .string()
    .optional()
    .describe(`${what}; give both bars of an axis or neither (tertiles). Money in minor units`);

/** Nine-grid query: filters, the axis metrics and optional thresholds per axis. */
export const ninegridQuery = analyticsFilterQuery.extend({
  x: z
    .string()
    .optional()
    .describe(
      `Metric of the letter axis, one of ${NINE_GRID_METRICS.join(', ')} (default revenue)`,
    ),
  y: z
    .string()
    .optional()
    .describe(`Metric of the digit axis (default growth); must differ from x`),
  xLow: bar('x value from which a customer is middle'),
  xHigh: bar('x value from which a customer is high'),
  yLow: bar('y value from which a customer is middle'),
  yHigh: bar('y value from which a customer is high'),
});

export const ninegridDrillQuery = ninegridQuery.extend(drillQuery.shape).extend({
  cell: z
    .string()
    .optional()
    .describe(`A cell of the grid, ${NINE_GRID_CELLS.join(', ')}`),
  fromCell: z
    .string()
    .optional()
    .describe('Movement cell: the previous period’s cell, or entered (with toCell)'),
  toCell: z.string().optional().describe('Movement cell: this period’s cell, or left'),
});
export const ninegridDrillExportQuery = ninegridDrillQuery.extend(exportQuery.shape);
export const ninegridExportQuery = ninegridQuery.extend(exportQuery.shape);

const cellName = z.enum(NINE_GRID_CELLS);

const axis = z.object({
  metric: z.enum(NINE_GRID_METRICS),
  split: z.enum(['thresholds', 'tertiles']),
  low: z.number().nullable().describe('Values ≥ low are middle or high; null: level empty'),
  high: z.number().nullable().describe('Values ≥ high are high; null: level empty'),
});

const nineCounts = z.array(z.number().int()).describe('Per cell, A1…C3');

export const ninegridResponse = z
  .object({
    period: periodResponse,
    asOf: z.string().describe('Day recency is counted to'),
    x: axis,
    y: axis,
    customers: z.number().int().describe('Customers who ordered in the period'),
    revenueMinor: z.number(),
    cells: z.array(
      z.object({
        cell: cellName,
        customers: z.number().int(),
        xSum: z.number(),
        ySum: z.number(),
        revenueMinor: z.number(),
      }),
    ),
    movement: z.object({
      previousPeriod: periodResponse,
      counts: z.array(nineCounts).describe('counts[from][to], cells A1…C3'),
      previousCells: nineCounts,
      entered: nineCounts,
      left: nineCounts,
    }),
    metrics: z.array(z.enum(NINE_GRID_METRICS)).describe('Metrics an axis can use now'),
    clvModel: z.object({ id: z.number().int(), asOf: z.string() }).nullable(),
  })
  .meta({ id: 'AnalyticsNinegrid' });

const multipleText = (what: string, d: number) =>
  z.string().optional().describe(`${what} (default ${d}); k1 < k2 < k3`);

/** Lifecycle query: filters and the stage rules. */
export const lifecycleQuery = analyticsFilterQuery.extend({
  newDays: z.string().optional().describe('New for this many days after the first order (30)'),
  k1: multipleText('Silent past k1 × the own interval', 2),
  k2: multipleText('At risk past k2 ×', 3),
  k3: multipleText('Churned past k3 ×', 5),
  maxDays: z.string().optional().describe('Churned past this many days without an order (365)'),
});
export const lifecycleDrillQuery = lifecycleQuery.extend(drillQuery.shape).extend({
  stage: z
    .string()
    .optional()
    .describe('Stages, comma-separated: new, active, silent, at_risk, churned'),
  cohort: z.string().optional().describe('Cohort (month of first order), YYYY-MM'),
  offset: z.string().optional().describe('Months after the cohort month (default: whole cohort)'),
});
export const lifecycleDrillExportQuery = lifecycleDrillQuery.extend(exportQuery.shape);
export const lifecycleExportQuery = lifecycleQuery.extend(exportQuery.shape).extend({
  table: z.string().optional().describe('stages (default) or cohorts'),
});

const stageKey = z.enum(['new', 'active', 'silent', 'at_risk', 'churned']);

export const lifecycleResponse = z
  .object({
    period: periodResponse,
    asOf: z.string(),
    parameters: z.object({
      newDays: z.number(),
      k1: z.number(),
      k2: z.number(),
      k3: z.number(),
      maxDays: z.number(),
      fallbackIntervalDays: z.number(),
    }),
    customers: z.number().int(),
    stages: z.array(
      z.object({
        stage: stageKey,
        customers: z.number().int(),
        share: z.number(),
        revenueMinor: z.number(),
      }),
    ),
    cohorts: z.array(
      z.object({
        month: z.string(),
        customers: z.number().int(),
        active: z.array(z.number().int()),
        share: z.array(z.number()),
      }),
    ),
    churnRisk: drillPageResponse,
  })
  .meta({ id: 'AnalyticsLifecycle' });

/** Service-by-tier query: the shared filters. */
export const serviceQuery = analyticsFilterQuery;
export const serviceDrillQuery = serviceQuery.extend(drillQuery.shape).extend({
  group: z.string().optional().describe('The tier row to list the customers of (required)'),
  month: z.string().optional().describe('Only tickets opened in this month, YYYY-MM'),
});
export const serviceDrillExportQuery = serviceDrillQuery.extend(exportQuery.shape);
export const serviceExportQuery = serviceQuery.extend(exportQuery.shape);

export const serviceResponse = z
  .object({
    period: periodResponse,
    months: z.array(z.string()),
    tiers: z.array(kpiRow),
    total: kpiRow.nullable(),
    trends: z.array(
      z.object({
        tier: z.string(),
        points: z.array(
          z.object({
            month: z.string(),
            tickets: z.number().int(),
            satisfaction: z.number().nullable(),
            surveys: z.number().int(),
            slaAttainment: z.number().nullable(),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'AnalyticsServiceByTier' });
