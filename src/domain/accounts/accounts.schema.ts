import { z } from 'zod';
import { dateSchema } from '../money';
import { monthSchema } from './month';

const id = (field: string) =>
  z
    .number({ error: `${field} must be a user or customer id (a number)` })
    .int()
    .positive(`${field} must be positive`);

/** Assign chosen customers to one owner. */
export const assignInput = z.strictObject({
  customerIds: z
    .array(id('customerIds'), { error: 'customerIds must be a list of customer ids' })
    .min(1, 'customerIds needs at least one customer')
    .max(5000, 'customerIds takes at most 5000 customers at once'),
  ownerId: id('ownerId'),
  reason: z.string().trim().max(500).optional(),
});
export type AssignInput = z.infer<typeof assignInput>;

/** Give every customer that needs an owner one, balancing load. */
export const autoAssignInput = z.strictObject({
  tier: z.string().trim().min(1).max(100).optional(),
  region: z.string().trim().min(1).max(100).optional(),
  dryRun: z.boolean({ error: 'dryRun must be true or false' }).default(false),
});
export type AutoAssignInput = z.infer<typeof autoAssignInput>;

/** Move every customer of an owner who leaves. */
export const reassignInput = z
  .strictObject({
    fromOwnerId: id('fromOwnerId'),
    /** null: back to the pool or balanced over the region's other owners. */
    toOwnerId: id('toOwnerId').nullable(),
    reason: z
      .string({ error: 'reason is required' })
      .trim()
      .min(1, 'reason is required: say why the customers move')
      .max(500),
  })
  .refine((r) => r.toOwnerId !== r.fromOwnerId, {
    message: 'toOwnerId must differ from fromOwnerId',
    path: ['toOwnerId'],
  });
export type ReassignInput = z.infer<typeof reassignInput>;

/** Generate (or regenerate) a month's visit plans. */
export const generatePlansInput = z.strictObject({ month: monthSchema() });

/** Filters of the plan list. */
export const planQuery = z.object({
  month: monthSchema(),
  ownerId: z.coerce.number().int().positive('ownerId must be positive').optional(),
  /** One customer's line (the customer page); readable by whoever may read the customer. */
  customerId: z.coerce.number().int().positive('customerId must be positive').optional(),
});
export type PlanQuery = z.infer<typeof planQuery>;

/** A visit logged by the person who made it. */
export const logVisitInput = z.strictObject({
  visitedOn: dateSchema('visitedOn'),
  purpose: z.string().trim().max(200, 'purpose is at most 200 characters').optional(),
  notes: z.string().trim().max(5000, 'notes are at most 5000 characters').optional(),
});

/** Filters of the pool. */
export const poolQuery = z.object({
  tier: z.string().trim().min(1).max(100).optional(),
  region: z.string().trim().min(1).max(100).optional(),
  needsOwner: z.boolean().optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(500).default(50),
});
export type PoolQuery = z.infer<typeof poolQuery>;
