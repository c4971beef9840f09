import { z } from 'zod';

/**
 * The time window a metric is aggregated over, relative to the run's as-of date. `offset`
 * picks an earlier year (-1 = the year before the as-of date's year), which is what an annual
 * review in March of the following year needs.
 */
export const windowSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      kind: z.literal('last_n_months'),
      months: z
        .number({ error: 'months must be a number' })
        .int('months must be a whole number')
        .min(1, 'months must be at least 1')
        .max(120, 'months must be at most 120'),
    }),
    z.strictObject({
      kind: z.literal('calendar_year'),
      offset: z.number().int().min(-10).max(0).default(0),
    }),
    z.strictObject({
      kind: z.literal('fiscal_year'),
      startMonth: z
        .number({ error: 'startMonth must be a month number 1–12' })
        .int()
        .min(1, 'startMonth must be a month number 1–12')
        .max(12, 'startMonth must be a month number 1–12'),
      offset: z.number().int().min(-10).max(0).default(0),
    }),
    z.strictObject({ kind: z.literal('year_to_date') }),
    z.strictObject({ kind: z.literal('all_time') }),
  ],
  {
    error:
      'window kind must be one of last_n_months, calendar_year, fiscal_year, year_to_date, all_time',
  },
);
export type MetricWindow = z.output<typeof windowSchema>;
