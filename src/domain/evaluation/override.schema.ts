import { z } from 'zod';
import { dateSchema } from '../money';

const text = (field: string, max: number) =>
  z
    .string({ error: `${field} is required` })
    .trim()
    .min(1, `${field} is required`)
    .max(max, `${field} must be at most ${max} characters`);

/**
 * A manual tier decision for one customer, e.g. a strategic customer made A2 for its social
 * influence. It needs a reason and an approver, and lapses after `expiresOn` (inclusive).
 */
export const overrideSchema = z.strictObject({
  customerId: z.number({ error: 'customerId must be a number' }).int().positive(),
  tier: z.string({ error: 'tier is required' }).min(1, 'tier is required'),
  reason: text('reason', 1000),
  approver: text('approver', 200),
  expiresOn: dateSchema('expiresOn').optional(),
});
export type TierOverride = z.output<typeof overrideSchema>;
