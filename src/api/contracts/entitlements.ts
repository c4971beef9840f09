import { z } from 'zod';

const text = z.object({ zh: z.string(), en: z.string() });

/** One entitlement of the customer's tier with its balance in the current period. */
export const entitlementBalance = z
  .object({
    key: z.string(),
    name: text,
    quantity: z.number().int().nullable(),
    period: z.enum(['month', 'quarter', 'year', 'lifetime']),
    periodKey: z.string(),
    periodStart: z.string().nullable(),
    periodEnd: z.string().nullable(),
    used: z.number().int(),
    remaining: z.number().int().nullable(),
    minBatch: z.number().int().nullable(),
    choices: z.array(z.object({ key: z.string(), name: text })),
    noRepeat: z.boolean(),
    received: z.array(z.string()),
  })
  .meta({ id: 'EntitlementBalance' });

export const customerEntitlements = z
  .object({
    customerId: z.number().int(),
    tier: z.string().nullable(),
    entitlements: z.array(entitlementBalance),
  })
  .meta({ id: 'CustomerEntitlements' });

export const entitlementUse = z
  .object({
    id: z.number().int(),
    customerId: z.number().int(),
    entitlementKey: z.string(),
    periodKey: z.string(),
    quantity: z.number().int(),
    choice: z.string().nullable(),
    batchSize: z.number().int().nullable(),
    note: z.string().nullable(),
    tier: z.string().nullable(),
    usedBy: z.number().int().nullable(),
    usedByName: z.string().nullable(),
    usedAt: z.string(),
    voidedAt: z.string().nullable(),
    voidedBy: z.number().int().nullable(),
    voidReason: z.string().nullable(),
  })
  .meta({ id: 'EntitlementUse' });

/** Body of a use; checked again by the use case, which names the field on every refusal. */
export const useBody = z
  .object({
    quantity: z.number().optional(),
    choice: z.string().optional(),
    batchSize: z.number().optional(),
    note: z.string().optional(),
  })
  .optional();

export const keyParams = z.object({
  id: z.coerce.number({ error: 'id must be a number' }).int().positive('id must be positive'),
  key: z.string().min(1).max(64),
});
