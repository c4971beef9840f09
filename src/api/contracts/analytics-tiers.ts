import { z } from 'zod';
import { analyticsFilterQuery, drillQuery, exportQuery, periodResponse } from './analytics';

const MOVES = 'up, down, stayed, new, gone';

/** What a migration compares (the service checks the values and names the field at fault). */
export const migrationQuery = analyticsFilterQuery.extend({
  compare: z
    .string()
    .optional()
    .describe(
      'runs, dates or previous (a run against the tiers published when it was made); left out: the two latest publications, else the latest publication and a newer run, else the newest run against its previous tiers',
    ),
  beforeRunId: z.string().optional().describe('Earlier run of the scheme (compare=runs)'),
  afterRunId: z.string().optional().describe('Later run (compare=runs or previous)'),
  beforeDate: z.string().optional().describe('Earlier date YYYY-MM-DD: tiers in force that day'),
  afterDate: z.string().optional().describe('Later date YYYY-MM-DD'),
});

/** The customers of one part of a migration. */
export const migrationDrillQuery = migrationQuery.extend({
  fromTier: z.string().optional().describe("Tier before (a tier id or 'none' for new customers)"),
  toTier: z.string().optional().describe("Tier after (a tier id or 'none' for gone customers)"),
  move: z.string().optional().describe(`One of ${MOVES}`),
  ...drillQuery.shape,
});
export const migrationDrillExportQuery = migrationDrillQuery
  .omit({ page: true, pageSize: true })
  .extend(exportQuery.shape);
export const migrationExportQuery = migrationQuery.extend(exportQuery.shape);

/** Points of a distribution. */
export const distributionQuery = analyticsFilterQuery.extend({
  by: z
    .string()
    .optional()
    .describe('publication (each publication, default) or month (each month end of the period)'),
  draft: z
    .string()
    .optional()
    .describe(
      'include (default) or exclude: by publication, the newest run made after the last publication as a last, draft point',
    ),
});
export const distributionDrillQuery = distributionQuery.extend({
  point: z
    .string()
    .describe("The point: a publication id or 'run-<id>' (by=publication), or a month YYYY-MM"),
  pointTier: z
    .string()
    .optional()
    .describe("Tier at that point ('none': customers without a tier); left out: every tiered one"),
  ...drillQuery.shape,
});
export const distributionDrillExportQuery = distributionDrillQuery
  .omit({ page: true, pageSize: true })
  .extend(exportQuery.shape);
export const distributionExportQuery = distributionQuery.extend(exportQuery.shape);

const schemeRef = z
  .object({ id: z.number().int(), key: z.string(), nameZh: z.string(), nameEn: z.string() })
  .meta({ id: 'AnalyticsTierScheme' });
const tierName = z
  .object({ id: z.string(), nameZh: z.string(), nameEn: z.string() })
  .meta({ id: 'AnalyticsTierName' });
const publication = z.object({
  id: z.number().int(),
  effectiveFrom: z.string(),
  publishedAt: z.string(),
});

export const tierSchemesResponse = z
  .object({
    items: z.array(
      z.object({
        id: z.number().int(),
        key: z.string(),
        nameZh: z.string(),
        nameEn: z.string(),
        serviceTier: z.boolean(),
        tiers: z.array(tierName).describe('Best first'),
        runs: z
          .array(
            z.object({
              id: z.number().int(),
              version: z.number().int(),
              asOf: z.string(),
              status: z.string(),
              customers: z.number().int(),
              createdAt: z.string(),
              publication: publication.nullable(),
            }),
          )
          .describe('Newest first, at most 100'),
      }),
    ),
  })
  .meta({ id: 'AnalyticsTierSchemes' });

const moveTotal = z
  .object({
    customers: z.number().int(),
    revenueMinor: z.number().describe('Revenue in the later period, minor units'),
    revenueBeforeMinor: z.number().describe('Revenue in the earlier period, minor units'),
  })
  .meta({ id: 'AnalyticsTierMoveTotal' });

const side = z
  .object({
    kind: z.enum(['run', 'date', 'previous']),
    runId: z.number().int().nullable(),
    asOf: z.string().nullable(),
    status: z.string().nullable(),
    version: z.number().int().nullable(),
    publicationId: z.number().int().nullable(),
    effectiveFrom: z.string().nullable(),
    date: z.string().nullable(),
    ofRunId: z
      .number()
      .int()
      .nullable()
      .describe('previous: the run whose previous tiers these are'),
    month: z.string().describe('The month the side’s revenue period ends with'),
  })
  .meta({ id: 'AnalyticsTierSide' });

const matrix = z.array(z.array(z.number()));

export const migrationResponse = z
  .object({
    scheme: schemeRef,
    compare: z.enum(['runs', 'dates', 'previous']),
    defaulted: z
      .enum(['latestPublished', 'publishedAndLatestRun', 'previousTiers'])
      .nullable()
      .describe('How the view chose the sides when none were asked'),
    before: side,
    after: side,
    periods: z.object({ before: periodResponse, after: periodResponse }),
    tiers: z.array(tierName),
    labels: z.array(z.string()).describe("Row and column labels: tier ids best first, then 'none'"),
    counts: matrix.describe('counts[before][after]'),
    revenueMinor: matrix.describe('Revenue in the later period per cell'),
    revenueBeforeMinor: matrix.describe('Revenue in the earlier period per cell'),
    totals: z.object({
      up: moveTotal,
      down: moveTotal,
      stayed: moveTotal,
      new: moveTotal,
      gone: moveTotal,
    }),
    all: moveTotal,
    sankey: z.object({
      nodes: z.array(
        z.object({
          id: z.string(),
          side: z.enum(['before', 'after']),
          tier: z.string(),
          customers: z.number().int(),
          revenueMinor: z.number(),
        }),
      ),
      links: z.array(
        z.object({
          source: z.string(),
          target: z.string(),
          from: z.string(),
          to: z.string(),
          move: z.enum(['up', 'down', 'stayed', 'new', 'gone']),
          customers: z.number().int(),
          revenueMinor: z.number(),
          revenueBeforeMinor: z.number(),
        }),
      ),
    }),
  })
  .meta({ id: 'AnalyticsTierMigration' });

const share = z.object({
  tier: z.string(),
  customers: z.number().int(),
  revenueMinor: z.number(),
  customerShare: z.number().describe('0–1 of the tiered customers'),
  revenueShare: z.number().describe('0–1 of the tiered customers’ revenue'),
});

export const distributionResponse = z
  .object({
    scheme: schemeRef,
    by: z.enum(['publication', 'month']),
    tiers: z.array(tierName),
    points: z.array(
      z.object({
        key: z.string().describe("Publication id, month, or 'run-<id>' for the draft point"),
        draft: z.boolean().describe('The newest run, not published: its computed tiers'),
        date: z.string().describe('Effective date of the publication, or the month end'),
        publicationId: z.number().int().nullable(),
        runId: z.number().int().nullable(),
        revenuePeriod: periodResponse,
        customers: z.number().int(),
        revenueMinor: z.number(),
        untiered: z.number().int(),
        untieredRevenueMinor: z.number(),
        tiers: z.array(share),
      }),
    ),
    truncated: z.boolean(),
  })
  .meta({ id: 'AnalyticsTierDistribution' });
