import { z } from 'zod';

const nullableInt = z.number().int().nullable();
const model = z.enum(['dedicated', 'team', 'pooled']).nullable();

export const poolItem = z
  .object({
    customerId: z.number().int(),
    code: z.string(),
    name: z.string(),
    type: z.string(),
    region: z.string().nullable(),
    tier: z.string().nullable(),
    model,
    ownerId: nullableInt,
    ownerName: z.string().nullable(),
    needsOwner: z.boolean(),
    exceptionsTo: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  })
  .meta({ id: 'PoolCustomer' });

export const ownersResponse = z.object({
  tiers: z.array(z.string()),
  owners: z.array(
    z
      .object({
        id: z.number().int(),
        username: z.string(),
        displayName: z.string(),
        roleId: z.string(),
        region: z.string().nullable(),
        active: z.boolean(),
        customers: z.number().int(),
        load: z.number(),
        byTier: z.record(z.string(), z.number().int()),
      })
      .meta({ id: 'AccountOwner' }),
  ),
  needingOwner: z.object({
    total: z.number().int(),
    items: z.array(
      z.object({
        customerId: z.number().int(),
        code: z.string(),
        name: z.string(),
        tier: z.string().nullable(),
        region: z.string().nullable(),
        ownerId: nullableInt,
      }),
    ),
  }),
});

export const ownerMove = z
  .object({
    customerId: z.number().int(),
    code: z.string(),
    name: z.string(),
    tier: z.string().nullable(),
    fromOwnerId: nullableInt,
    toOwnerId: nullableInt,
    toOwnerName: z.string().nullable(),
  })
  .meta({ id: 'OwnerMove' });

export const assignResponse = z.object({
  changed: z.array(ownerMove),
  unchanged: z.number().int(),
});

export const autoAssignResponse = z.object({
  dryRun: z.boolean(),
  changed: z.array(ownerMove),
  unassigned: z.array(
    z.object({ customerId: z.number().int(), reason: z.enum(['pooled', 'no_candidate']) }),
  ),
});

export const reassignResponse = z.object({
  changed: z.array(ownerMove),
  toPool: z.number().int(),
});

export const generateResponse = z.object({
  month: z.string(),
  lines: z.number().int(),
  planned: z.number().int(),
  priority: z.number().int(),
  owners: z.number().int(),
  replaced: z.number().int(),
});

export const planItem = z
  .object({
    customerId: z.number().int(),
    code: z.string(),
    name: z.string(),
    tier: z.string(),
    ownerId: nullableInt,
    ownerName: z.string().nullable(),
    planned: z.number().int(),
    ceiling: z.number().int(),
    priority: z.boolean(),
    done: z.number().int(),
  })
  .meta({ id: 'VisitPlanLine' });

export const plansResponse = z.object({
  month: z.string(),
  generated: z.boolean(),
  ownerId: nullableInt,
  planned: z.number().int(),
  done: z.number().int(),
  items: z.array(planItem),
});

const figure = {
  priority: z.number().int(),
  visited: z.number().int(),
  share: z.number().nullable(),
  meetsTarget: z.boolean(),
};

export const coverageResponse = z
  .object({
    month: z.string(),
    planGenerated: z.boolean(),
    target: z.number(),
    overall: z.object(figure),
    owners: z.array(
      z.object({ ownerId: nullableInt, ownerName: z.string().nullable(), ...figure }),
    ),
    notVisitedTotal: z.number().int(),
    notVisited: z.array(
      z.object({
        customerId: z.number().int(),
        code: z.string(),
        name: z.string(),
        tier: z.string(),
        ownerId: nullableInt,
        ownerName: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'VisitCoverage' });

export const visitResponse = z
  .object({
    id: z.number().int(),
    customerId: z.number().int().optional(),
    visitedOn: z.string(),
    userId: nullableInt,
    purpose: z.string().nullable(),
    notes: z.string().nullable(),
  })
  .meta({ id: 'Visit' });
