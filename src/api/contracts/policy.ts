import { z } from 'zod';

const text = z.object({ zh: z.string(), en: z.string() });
const who = z.object({ id: z.number().int(), name: z.string().nullable() }).nullable();

export const schemeTier = z.object({ id: z.string(), name: text, rank: z.number() });

/** A catalog as stored; its full shape is policyCatalogSchema (domain/policy). */
export const catalogDocument = z
  .looseObject({
    paymentTerms: z.array(z.looseObject({ id: z.string(), name: text, creditDays: z.number() })),
    tiers: z.array(z.looseObject({ tier: z.string() })),
  })
  .meta({ id: 'PolicyCatalog' });

export const catalogInForceResponse = z
  .object({
    schemeId: z.number().int(),
    schemeKey: z.string(),
    schemeName: text,
    serviceTier: z.boolean(),
    version: z.number().int().nullable(),
    catalog: catalogDocument,
    tiers: z.array(schemeTier),
    savedBy: who,
    savedAt: z.string().nullable(),
    note: z.string().nullable(),
    savedVersion: z.number().int().optional(),
  })
  .meta({ id: 'PolicyCatalogInForce' });

export const catalogVersionSummary = z.object({
  version: z.number().int(),
  note: z.string().nullable(),
  savedBy: who,
  savedAt: z.string(),
});

export const catalogVersionResponse = z.object({
  schemeId: z.number().int(),
  version: z.number().int(),
  catalog: catalogDocument,
  tiers: z.array(schemeTier),
  note: z.string().nullable(),
  savedBy: who,
  savedAt: z.string(),
});

export const catalogTemplateResponse = z.object({
  schemeId: z.number().int(),
  catalog: catalogDocument,
  tiers: z.array(schemeTier),
});

export const saveCatalogBody = z.object({
  catalog: z.unknown(),
  note: z.string().optional(),
  baseVersion: z.number().int().nullable(),
});

export const policySchemeItem = z.object({
  id: z.number().int(),
  key: z.string(),
  name: text,
  serviceTier: z.boolean(),
});

export const schemeParams = z.object({
  schemeId: z.coerce.number({ error: 'schemeId must be a number' }).int().positive(),
});

const termAdjustment = z.object({
  id: z.number().int(),
  customerId: z.number().int(),
  steps: z.number().int(),
  reason: z.string(),
  source: z.string(),
  sourceId: z.string().nullable(),
  createdBy: z.number().int().nullable(),
  expiresOn: z.string().nullable(),
  createdAt: z.string(),
});

export const customerPolicyResponse = z
  .object({
    customerId: z.number().int(),
    customerCode: z.string(),
    customerName: z.string(),
    today: z.string(),
    schemeId: z.number().int().nullable(),
    catalogVersion: z.number().int().nullable(),
    tier: z.string().nullable(),
    since: z.string().nullable(),
    score: z.number().nullable(),
    policy: z.looseObject({ tier: z.string() }).nullable(),
    paymentTerms: z.array(z.looseObject({ id: z.string() })),
    paymentTerm: z.looseObject({ id: z.string() }).nullable(),
    termAdjustments: z.array(termAdjustment),
  })
  .meta({ id: 'CustomerPolicy' });

export const termAdjustmentBody = z.object({
  steps: z.number(),
  reason: z.string(),
  expiresOn: z.string().nullish(),
});
