import { z } from 'zod';

function isCalendarDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** What a demo load may be asked for; parsed at the edge of the use case. */
export const loadDemoInput = z.object({
  customers: z
    .number({ error: 'customers must be a number' })
    .int('customers must be a whole number')
    .min(1, 'customers must be at least 1')
    .max(5_000_000, 'customers must be at most 5,000,000'),
  seed: z
    .number({ error: 'seed must be a number' })
    .int('seed must be a whole number')
    .min(0, 'seed must be between 0 and 4294967295')
    .max(0xffffffff, 'seed must be between 0 and 4294967295')
    .optional(),
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'asOf must be a date written YYYY-MM-DD')
    .refine(isCalendarDate, 'asOf must be a real calendar date')
    .refine(
      (s) => s >= '2023-03-02' && s <= '2099-12-31',
      'asOf must be between 2023-03-02 and 2099-12-31 (facts start on 2023-01-01)',
    )
    .optional(),
  ordersPerCustomer: z
    .number({ error: 'ordersPerCustomer must be a number' })
    .positive('ordersPerCustomer must be positive')
    .max(1000, 'ordersPerCustomer must be at most 1000')
    .optional(),
});
export type LoadDemoInput = z.infer<typeof loadDemoInput>;
