import { z } from 'zod';
import { CUSTOMER_SIZES, CUSTOMER_TYPES } from '../../domain/customers/customer.schema';

export const customerResponse = z
  .object({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    type: z.enum(CUSTOMER_TYPES),
    industry: z.string().nullable(),
    region: z.string().nullable(),
    province: z.string().nullable(),
    city: z.string().nullable(),
    size: z.enum(CUSTOMER_SIZES).nullable(),
    ownerId: z.number().int().nullable(),
    ownerName: z.string().nullable(),
    district: z.string().nullable(),
    regionCode: z.string().nullable(),
    creditCode: z.string().nullable(),
    source: z.string().nullable(),
    tags: z.array(z.string()),
    customFields: z.record(z.string(), z.unknown()),
    status: z.enum(['active', 'merged']),
    lifecycleStage: z.enum(['prospect', 'active', 'terminating', 'terminated']),
    mergedIntoId: z.number().int().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'Customer' });

export const mergeInput = z.object({
  survivorId: z.number().int().positive(),
  mergedId: z.number().int().positive(),
  survivorVersion: z.number().int().positive(),
  mergedVersion: z.number().int().positive(),
  reasons: z.array(z.string().max(200)).max(20).optional(),
});

export const mergeResponse = z.object({
  survivor: customerResponse,
  mergedId: z.number().int(),
  mergedCode: z.string(),
  moved: z.record(z.string(), z.number()),
});
