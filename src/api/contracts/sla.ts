import { z } from 'zod';

const text = z.object({ zh: z.string(), en: z.string() });
const who = z.object({ id: z.number().int(), name: z.string().nullable() }).nullable();
const tier = z.object({ id: z.string(), name: text, rank: z.number() });
const target = z.object({ amount: z.number(), unit: z.string() });
const match = z.object({
  tier: z.string().nullable(),
  level: z.number().int().nullable(),
  category: z.string().nullable(),
});

/** One policy as stored; its full rules are slaPolicySchema (domain/sla). */
export const slaPolicy = z
  .looseObject({
    key: z.string(),
    name: text,
    match,
    targets: z.object({
      firstReply: target.optional(),
      response: target.optional(),
      resolution: target.optional(),
    }),
    calendar: z.string(),
    warnAt: z.number(),
    escalation: z.array(z.looseObject({ role: z.string() })),
  })
  .meta({ id: 'SlaPolicy' });

export const slaPoliciesResponse = z
  .object({
    version: z.number().int().nullable(),
    policies: z.array(slaPolicy),
    schemeId: z.number().int().nullable(),
    tiers: z.array(tier),
    calendars: z.array(z.object({ key: z.string(), name: text, shipped: z.boolean() })),
    savedBy: who,
    savedAt: z.string().nullable(),
    note: z.string().nullable(),
    savedVersion: z.number().int().optional(),
  })
  .meta({ id: 'SlaPoliciesInForce' });

export const slaVersionSummary = z.object({
  version: z.number().int(),
  note: z.string().nullable(),
  savedBy: who,
  savedAt: z.string(),
});

export const slaVersionResponse = slaVersionSummary.extend({ policies: z.array(slaPolicy) });

export const slaTemplateResponse = z.object({
  schemeId: z.number().int().nullable(),
  tiers: z.array(tier),
  policies: z.array(slaPolicy),
});

export const saveSlaBody = z.object({
  policies: z.array(z.unknown()),
  version: z.number().int().nullable(),
  note: z.string().optional(),
});

export const slaExplainBody = z.object({
  tier: z.string().nullable().optional(),
  customerId: z.number().int().optional(),
  level: z.number().int(),
  category: z.string(),
  openedAt: z.string().optional(),
});

export const slaExplainResponse = z
  .object({
    version: z.number().int().nullable(),
    facts: z.object({
      tier: z.string().nullable(),
      tierSource: z.enum(['given', 'customer', 'none']),
      customerId: z.number().int().nullable(),
      level: z.number().int(),
      category: z.string(),
      openedAt: z.string(),
    }),
    winner: slaPolicy.nullable(),
    candidates: z.array(
      z.object({
        key: z.string(),
        name: text,
        match,
        calendar: z.string(),
        outcome: z.enum(['winner', 'less_specific', 'no_match']),
        specificity: z.array(z.number()),
        mismatches: z.array(
          z.object({
            field: z.string(),
            wanted: z.union([z.string(), z.number()]),
            got: z.union([z.string(), z.number()]).nullable(),
          }),
        ),
        lostOn: z.string().nullable(),
        beatenBy: z.string().nullable(),
      }),
    ),
    targets: z.array(
      z.object({
        key: z.string(),
        amount: z.number(),
        unit: z.string(),
        policyKey: z.string(),
        calendar: z.string(),
        inherited: z.boolean(),
        budgetMinutes: z.number(),
        dueAt: z.string().nullable(),
        warnAt: z.string().nullable(),
        escalations: z.array(
          z.object({
            role: z.string(),
            afterFraction: z.number().nullable(),
            afterMinutes: z.number().nullable(),
            at: z.string().nullable(),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'SlaExplanation' });
