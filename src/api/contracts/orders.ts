import { z } from 'zod';
import { ORDER_REASON_CODES } from '../../domain/policy/order-check';
import { ORDER_STATUSES } from '../../domain/policy/order-status';

export const orderReason = z
  .object({
    code: z.enum(ORDER_REASON_CODES),
    field: z.string(),
    limit: z.union([z.string(), z.number()]).nullable(),
    requested: z.union([z.string(), z.number(), z.boolean()]).nullable(),
    message: z.string(),
  })
  .meta({ id: 'OrderReason' });

const pricedLine = z.object({
  index: z.number().int(),
  product: z.string(),
  quantity: z.number(),
  internalPriceMinor: z.number(),
  internalAmountMinor: z.number(),
  unitFloorMinor: z.number(),
  priceFloorMinor: z.number(),
  requestedUnitMinor: z.number(),
  requestedAmountMinor: z.number(),
});

/**
 * The order body: the customer (id or code) and the order. Fields are loose here on purpose:
 * the use case validates them all at once and names every field and line at fault.
 */
export const orderBody = z
  .object({
    customerId: z.number().optional(),
    customerCode: z.string().optional(),
    lines: z.array(
      z.object({
        product: z.unknown().optional(),
        quantity: z.unknown().optional(),
        internalPriceMinor: z.unknown().optional(),
      }),
    ),
    requestedDiscountPct: z.unknown().optional(),
    paymentTerm: z.unknown().optional(),
    deliveryDate: z.unknown().optional(),
    rush: z.unknown().optional(),
    note: z.string().optional(),
  })
  .meta({ id: 'OrderInput' });

export const orderCheckResponse = z
  .object({
    allowed: z.boolean(),
    reasons: z.array(orderReason),
    lines: z.array(pricedLine),
    totals: z.object({
      internalMinor: z.number(),
      priceFloorMinor: z.number(),
      requestedMinor: z.number(),
    }),
    maxDiscountPct: z.number().nullable(),
    earliestDelivery: z.string(),
    review: z.enum(['light', 'standard', 'strict']).nullable(),
    rushMode: z.enum(['jump_queue', 'by_capacity', 'none']).nullable(),
    priority: z.number().int(),
    customer: z.object({ id: z.number().int(), code: z.string(), name: z.string() }),
    policy: z.looseObject({ tier: z.string().nullable(), paymentTerm: z.string().nullable() }),
  })
  .meta({ id: 'OrderCheck' });

export const queuedOrder = z
  .looseObject({
    id: z.number().int(),
    customerId: z.number().int(),
    customerCode: z.string(),
    customerName: z.string(),
    lines: z.array(z.unknown()),
    internalTotalMinor: z.number(),
    requestedTotalMinor: z.number(),
    floorTotalMinor: z.number(),
    discountPct: z.number(),
    paymentTerm: z.string(),
    deliveryDate: z.string(),
    rush: z.boolean(),
    tier: z.string(),
    score: z.number().nullable(),
    priority: z.number().int(),
    review: z.string(),
    strictReview: z.boolean(),
    status: z.enum(ORDER_STATUSES),
    position: z.number().int().nullable(),
    createdByName: z.string().nullable(),
    createdAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'QueuedOrder' });

/** The body of a refused submission (422): the reasons and the whole check. */
export const orderRefusedResponse = z.object({
  error: z.object({
    code: z.literal('ORDER_REFUSED'),
    message: z.string(),
    details: z.object({ reasons: z.array(orderReason), check: z.unknown() }),
  }),
});

export const queueQuery = z.object({
  status: z.enum(ORDER_STATUSES).optional(),
  customerId: z.coerce.number().int().positive().optional(),
});

export const transitionBody = z.object({ status: z.string(), version: z.number() });
