import { z } from 'zod';

const month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM')
  .optional();
const text = (field: string) =>
  z
    .string()
    .trim()
    .min(1, `${field} must not be empty`)
    .max(100, `${field} must be at most 100 characters`)
    .optional();
const id = (field: string) =>
  z.coerce
    .number({ error: `${field} must be a number` })
    .int(`${field} must be a whole number`)
    .positive(`${field} must be a positive id`)
    .optional();

/**
 * The filters every analytics view takes: the period (months) and who is counted. `tier` reads
 * the published tier of `schemeId`, or of the service-tier scheme when no scheme is named;
 * `type` is the customer segment (enterprise, retail, …).
 */
export const analyticsFilterShape = {
  from: month,
  to: month,
  region: text('region'),
  industry: text('industry'),
  type: text('type'),
  ownerId: id('ownerId'),
  schemeId: id('schemeId'),
  tier: text('tier'),
};

export const analyticsFilterSchema = z.object(analyticsFilterShape);

/** Filters as a caller sends them. */
export type AnalyticsFilterInput = z.input<typeof analyticsFilterSchema>;
/** Filters after parsing. */
export type AnalyticsFilters = z.output<typeof analyticsFilterSchema>;

/** Who is counted: the filters without the period. */
export type CustomerScope = Omit<AnalyticsFilters, 'from' | 'to'>;
