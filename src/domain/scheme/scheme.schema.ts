import { z } from 'zod';
import { assignmentSchema } from './assignment.schema';
import { checkAssignment } from './check-assignment';
import { checkCriteria } from './check-criteria';
import { checkMetrics } from './check-metrics';
import { conditionSchema } from './condition.schema';
import { criterionSchema } from './criterion.schema';
import { metricDeclSchema } from './metric-decl.schema';
import { finite, idSchema, localizedText } from './scheme-fields';
import type { SchemeIssue } from './scheme-issue';
import { tierSchema } from './tier.schema';

const optionalText = z.string().trim().max(2000).optional();

/** The fields of a scheme before the cross-field checks. */
export const schemeShape = z.strictObject({
  id: idSchema('id'),
  /** Edit version of this scheme; a version used by a published run never changes. */
  version: z.number({ error: 'version must be a number' }).int().min(1, 'version starts at 1'),
  name: localizedText('name'),
  description: z.strictObject({ zh: optionalText, en: optionalText }).optional(),
  /** Which customers the scheme applies to (attributes and tags); everyone when left out. */
  appliesTo: conditionSchema.optional(),
  metrics: z.array(metricDeclSchema).min(1, 'metrics needs at least one metric').max(100),
  criteria: z.array(criterionSchema).max(50).default([]),
  score: z
    .strictObject({
      /** Scores run from 0 to `scale`. */
      scale: finite('scale')
        .refine((v) => v > 0 && v <= 1000, 'scale must be greater than 0 and at most 1000')
        .default(100),
      /** When set, criterion weights must add up to exactly this. */
      weightsMustSumTo: finite('weightsMustSumTo')
        .refine((v) => v > 0, 'weightsMustSumTo must be greater than 0')
        .optional(),
    })
    .default({ scale: 100 }),
  tiers: z.array(tierSchema).min(1, 'tiers needs at least one tier').max(50),
  assignment: assignmentSchema,
  /** Customers younger than minTenureMonths are flagged provisional (and given `tier` if set). */
  provisional: z
    .strictObject({
      minTenureMonths: z
        .number()
        .int('minTenureMonths must be a whole number')
        .min(1, 'minTenureMonths must be at least 1')
        .max(120)
        .default(6),
      tier: idSchema('tier').optional(),
    })
    .optional(),
  /** Hold a customer in their previous tier while within `margin` of its line or for fewer than `consecutiveRuns` runs below it. */
  hysteresis: z
    .strictObject({
      margin: finite('margin')
        .refine((v) => v > 0, 'margin must be greater than 0')
        .optional(),
      consecutiveRuns: z
        .number()
        .int('consecutiveRuns must be a whole number')
        .min(2, 'consecutiveRuns must be at least 2 (1 means no hysteresis)')
        .max(20)
        .optional(),
    })
    .refine((h) => h.margin !== undefined || h.consecutiveRuns !== undefined, {
      message: 'hysteresis needs a margin, consecutiveRuns or both',
    })
    .optional(),
});
export type SchemeDocument = z.output<typeof schemeShape>;

/**
 * Runs every cross-field check of a structurally valid scheme and returns the issues, each
 * with the path of the exact field at fault.
 */
export function checkSchemeSemantics(s: SchemeDocument): SchemeIssue[] {
  const issues: SchemeIssue[] = [];
  const metrics = checkMetrics(s.metrics, issues);
  checkCriteria(s.criteria, metrics, s.score.weightsMustSumTo, issues);
  checkAssignment(s, metrics, issues);
  return issues;
}

/** A tiering scheme: the zod schema every scheme document is parsed with. */
export const schemeSchema = schemeShape.superRefine((s, ctx) => {
  for (const issue of checkSchemeSemantics(s)) {
    ctx.addIssue({ code: 'custom', path: [...issue.path], message: issue.message });
  }
});
export type Scheme = z.output<typeof schemeSchema>;
export type SchemeInput = z.input<typeof schemeSchema>;
