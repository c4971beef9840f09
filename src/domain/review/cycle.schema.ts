import { z } from 'zod';
import { dateSchema } from '../money';
import { checkSteps, DEFAULT_STEPS, stepDefSchema } from './steps';

export const CYCLE_KINDS = ['annual', 'interim'] as const;
export type CycleKind = (typeof CYCLE_KINDS)[number];

/** Which customers a cycle reviews; every given field must match (none given: all customers). */
export const cycleScopeSchema = z.strictObject({
  region: z.string().trim().min(1).max(100).optional(),
  type: z.enum(['individual', 'enterprise', 'group', 'internal']).optional(),
  industry: z.string().trim().min(1).max(100).optional(),
});
export type CycleScope = z.output<typeof cycleScopeSchema>;

/** A new review cycle: the scheme it reviews at an as-of date, its scope, deadline and steps. */
export const createCycleInput = z
  .strictObject({
    name: z.string({ error: 'name is required' }).trim().min(1, 'name is required').max(200),
    kind: z.enum(CYCLE_KINDS, { error: 'kind must be annual or interim' }),
    schemeId: z.number({ error: 'schemeId must be a number' }).int().positive(),
    asOf: dateSchema('asOf'),
    scope: cycleScopeSchema.default({}),
    deadline: dateSchema('deadline'),
    /** When the published tiers take effect; the publish date when absent. */
    effectiveFrom: dateSchema('effectiveFrom').optional(),
    steps: z
      .array(stepDefSchema)
      .min(1)
      .max(10)
      .default([...DEFAULT_STEPS]),
  })
  .superRefine((c, ctx) => {
    for (const i of checkSteps(c.steps)) {
      ctx.addIssue({ code: 'custom', message: i.message, path: i.field.split('.') });
    }
    if (c.deadline < c.asOf)
      ctx.addIssue({
        code: 'custom',
        message: `deadline must not be before asOf (${c.asOf})`,
        path: ['deadline'],
      });
  });
export type CreateCycleInput = z.input<typeof createCycleInput>;
