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
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'Customer' });
