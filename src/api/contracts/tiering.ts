import { z } from 'zod';

const versionRef = z.object({
  id: z.number(),
  version: z.number(),
  locked: z.boolean(),
  createdAt: z.string(),
});

export const schemeSummary = z
  .object({
    id: z.number(),
    key: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    serviceTier: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
    latest: versionRef.nullable(),
  })
  .meta({ id: 'TierScheme' });

export const schemeVersion = z
  .object({
    id: z.number(),
    schemeId: z.number(),
    schemeKey: z.string(),
    version: z.number(),
    locked: z.boolean(),
    createdAt: z.string(),
    document: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'TierSchemeVersion' });

/** A scheme document; validated in full by the scheme parser, which names every bad path. */
export const schemeDocumentBody = z
  .record(z.string(), z.unknown())
  .meta({ id: 'TierSchemeDocument', description: 'A scheme document (see the scheme reference)' });

export const tierShare = z.object({
  tier: z.string(),
  count: z.number(),
  share: z.number(),
  revenue: z.number(),
  revenueShare: z.number(),
  profit: z.number(),
  profitShare: z.number(),
});

export const distributionSchema = z
  .object({
    tiers: z.array(tierShare),
    assigned: z.number(),
    unassigned: z.number(),
    revenue: z.number(),
    profit: z.number(),
  })
  .meta({ id: 'TierDistribution' });

export const migrationSchema = z
  .object({
    labels: z.array(z.string()),
    counts: z.array(z.array(z.number())),
    upgrades: z.number(),
    downgrades: z.number(),
    unchanged: z.number(),
    entered: z.number(),
    left: z.number(),
  })
  .meta({ id: 'TierMigration' });

export const runBody = z.strictObject({
  schemeVersionId: z.number().int().positive(),
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'asOf must be YYYY-MM-DD'),
});

export const runSummary = z
  .object({
    runId: z.number(),
    schemeId: z.number(),
    schemeKey: z.string(),
    schemeVersionId: z.number(),
    version: z.number(),
    asOf: z.string(),
    customers: z.number(),
    distribution: distributionSchema,
    migration: migrationSchema,
  })
  .meta({ id: 'TierRunSummary' });

const runFields = {
  id: z.number(),
  schemeVersionId: z.number(),
  asOf: z.string(),
  status: z.string(),
  customers: z.number(),
  createdBy: z.number().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
};

export const runListItem = z
  .object({ ...runFields, schemeId: z.number(), schemeKey: z.string(), version: z.number() })
  .meta({ id: 'TierRun' });

export const runDetail = z
  .object({
    ...runFields,
    summary: z.object({ distribution: distributionSchema, migration: migrationSchema }).nullable(),
  })
  .meta({ id: 'TierRunDetail' });

export const resultRow = z
  .object({
    customerId: z.number(),
    code: z.string(),
    name: z.string(),
    score: z.number().nullable(),
    tier: z.string(),
    rank: z.number().nullable(),
    points: z.record(z.string(), z.number().nullable()).nullable(),
    rules: z.unknown(),
    flags: z.number(),
    previousTier: z.string().nullable(),
  })
  .meta({ id: 'TierResult' });

export const resultsQuerystring = z.object({
  tier: z.string().min(1).max(100).optional(),
  moved: z.enum(['up', 'down', 'any']).optional(),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

export const explanationSchema = z
  .object({
    tier: z.string().nullable(),
    nextTier: z.string().nullable(),
    score: z.number().nullable(),
    targetScore: z.number().nullable(),
    estimate: z.boolean(),
    shortfalls: z.array(
      z.object({
        criterion: z.string(),
        metric: z.string(),
        current: z.number().nullable(),
        change: z.number().nullable(),
        reachable: z.boolean(),
        zh: z.string(),
        en: z.string(),
      }),
    ),
    rules: z.array(z.object({ rule: z.number(), id: z.string().nullable(), gap: z.unknown() })),
    gates: z.array(z.unknown()),
  })
  .meta({ id: 'TierExplanation' });

export const whatIfBody = z.strictObject({
  schemeVersionId: z.number().int().positive(),
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'asOf must be YYYY-MM-DD'),
  changes: z.strictObject({
    thresholds: z.record(z.string(), z.number()).optional(),
    quotas: z.record(z.string(), z.number()).optional(),
    weights: z.record(z.string(), z.number()).optional(),
  }),
  limit: z.number().int().min(0).max(1000).optional(),
});

export const whatIfResponse = z
  .object({
    distribution: distributionSchema,
    migration: migrationSchema,
    moversTotal: z.number(),
    movers: z.array(
      z.object({
        customerId: z.number(),
        code: z.string(),
        name: z.string(),
        score: z.number().nullable(),
        from: z.string().nullable(),
        to: z.string().nullable(),
      }),
    ),
    warnings: z.array(z.string()),
  })
  .meta({ id: 'TierWhatIf' });

const localized = z.object({ zh: z.string(), en: z.string() });

export const templateSummary = z
  .object({
    key: z.string(),
    name: localized,
    description: localized,
    tiers: z.number().int(),
    schemeId: z.number().int().nullable(),
  })
  .meta({ id: 'SchemeTemplate' });

export const customerTier = z
  .object({
    schemeId: z.number().int(),
    schemeKey: z.string(),
    schemeName: localized,
    serviceTier: z.boolean(),
    published: z.object({ tier: z.string(), tierName: localized, since: z.string() }).nullable(),
    upcoming: z.object({ tier: z.string(), tierName: localized, from: z.string() }).nullable(),
    latestRun: z
      .object({
        runId: z.number().int(),
        asOf: z.string(),
        tier: z.string(),
        tierName: localized,
        score: z.number().nullable(),
      })
      .nullable(),
  })
  .meta({ id: 'CustomerTier' });

export const tierOverride = z
  .object({
    id: z.number().int(),
    schemeId: z.number().int(),
    customerId: z.number().int(),
    customerCode: z.string(),
    customerName: z.string(),
    tier: z.string(),
    reason: z.string(),
    approverId: z.number().int().nullable(),
    approverName: z.string().nullable(),
    expiresOn: z.string().nullable(),
    createdBy: z.number().int().nullable(),
    createdAt: z.string(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'TierOverride' });

export const overrideBody = z.object({
  customerId: z.number().int().positive(),
  tier: z.string(),
  reason: z.string(),
  expiresOn: z.string().nullish(),
});
