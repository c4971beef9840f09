import { z } from 'zod';
import { STEP_KINDS } from '../../domain/review/steps';

const localized = z.object({ zh: z.string(), en: z.string() });

export const reviewStep = z
  .object({
    position: z.number().int(),
    kind: z.enum(STEP_KINDS),
    name: localized,
    roleId: z.string(),
    dueOn: z.string(),
    completedBy: z.number().int().nullable(),
    completedAt: z.string().nullable(),
  })
  .meta({ id: 'ReviewStep' });

const cycleScope = z.object({
  region: z.string().optional(),
  type: z.string().optional(),
  industry: z.string().optional(),
});

const cycleBase = {
  id: z.number().int(),
  name: z.string(),
  kind: z.string(),
  schemeId: z.number().int(),
  schemeVersionId: z.number().int(),
  runId: z.number().int().nullable(),
  asOf: z.string(),
  scope: cycleScope,
  deadline: z.string(),
  effectiveFrom: z.string().nullable(),
  status: z.enum(['open', 'published', 'cancelled']),
  currentStep: z.number().int(),
  createdBy: z.number().int().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  publishedAt: z.string().nullable(),
  steps: z.array(reviewStep),
};

export const cycleListItem = z.object(cycleBase).meta({ id: 'ReviewCycleSummary' });

export const publication = z
  .object({
    id: z.number().int(),
    schemeId: z.number().int(),
    runId: z.number().int(),
    cycleId: z.number().int().nullable(),
    effectiveFrom: z.string(),
    publishedBy: z.number().int().nullable(),
    publishedAt: z.string(),
    summary: z.unknown(),
  })
  .meta({ id: 'TierPublication' });

export const cycleDetail = z
  .object({
    ...cycleBase,
    schemeKey: z.string(),
    schemeName: localized,
    events: z.array(
      z.object({
        position: z.number().int(),
        action: z.string(),
        actorId: z.number().int().nullable(),
        actorName: z.string(),
        comment: z.string().nullable(),
        createdAt: z.string(),
      }),
    ),
    progress: z.object({
      total: z.number().int(),
      rated: z.number().int(),
      finance: z.number().int(),
      revised: z.number().int(),
    }),
    publication: publication.nullable(),
  })
  .meta({ id: 'ReviewCycle' });

export const createCycleBody = z.object({
  name: z.string(),
  kind: z.enum(['annual', 'interim']),
  schemeId: z.number().int(),
  asOf: z.string(),
  scope: cycleScope.optional(),
  deadline: z.string(),
  effectiveFrom: z.string().optional(),
  steps: z
    .array(
      z.object({
        kind: z.enum(STEP_KINDS),
        name: localized,
        roleId: z.string(),
        dueDays: z.number().int(),
      }),
    )
    .optional(),
});

export const proposal = z
  .object({
    customerId: z.number().int(),
    code: z.string(),
    name: z.string(),
    region: z.string().nullable(),
    ownerId: z.number().int().nullable(),
    computedTier: z.string(),
    score: z.number().nullable(),
    previousTier: z.string().nullable(),
    proposedTier: z.string().nullable(),
    proposalReason: z.string().nullable(),
    proposedBy: z.number().int().nullable(),
    proposedAt: z.string().nullable(),
    creditGrade: z.string().nullable(),
    receivablesConfirmed: z.boolean().nullable(),
    financeNote: z.string().nullable(),
    financeBy: z.number().int().nullable(),
    financeAt: z.string().nullable(),
    revisedTier: z.string().nullable(),
    revisionReason: z.string().nullable(),
    revisedBy: z.number().int().nullable(),
    revisedAt: z.string().nullable(),
    version: z.number().int(),
    finalTier: z.string(),
    /** Revenue over the 12 months up to the cycle's as-of date, in minor units. */
    revenueMinor: z.number(),
    /** Points of each criterion in the cycle's run (the evaluation form's columns). */
    points: z.record(z.string(), z.number().nullable()).optional(),
    proposedByName: z.string().nullable().optional(),
    financeByName: z.string().nullable().optional(),
    revisedByName: z.string().nullable().optional(),
  })
  .meta({ id: 'ReviewProposal' });

export const publishResult = z
  .object({
    publicationId: z.number().int(),
    runId: z.number().int(),
    cycleId: z.number().int().nullable(),
    schemeId: z.number().int(),
    effectiveFrom: z.string(),
    customers: z.number().int(),
    distribution: z.array(z.object({ tier: z.string(), count: z.number().int() })),
    upgrades: z.number().int(),
    downgrades: z.number().int(),
    unchanged: z.number().int(),
    entered: z.number().int(),
    left: z.number().int(),
    notified: z.number().int(),
    alreadyPublished: z.boolean(),
  })
  .meta({ id: 'PublishResult' });

export const historyRow = z
  .object({
    id: z.number().int(),
    schemeId: z.number().int(),
    customerId: z.number().int(),
    code: z.string(),
    name: z.string(),
    fromTier: z.string().nullable(),
    toTier: z.string().nullable(),
    reason: z.string().nullable(),
    publicationId: z.number().int().nullable(),
    runId: z.number().int().nullable(),
    cycleId: z.number().int().nullable(),
    approverId: z.number().int().nullable(),
    approverName: z.string().nullable(),
    effectiveFrom: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'TierHistoryEntry' });
