import { z } from 'zod';
import { conditionSchema } from './condition.schema';
import { finite, idSchema, localizedText, metricKeySchema } from './scheme-fields';

/** A tier given to every customer the condition holds for; rules are tried in listed order. */
export const ruleSchema = z.strictObject({
  id: idSchema('id').optional(),
  tier: idSchema('tier'),
  when: conditionSchema,
  label: localizedText('label').optional(),
});
export type TierRule = z.output<typeof ruleSchema>;

/** A further requirement of a tier: a customer placed in the tier who fails it falls one tier. */
export const gateSchema = z.strictObject({
  tier: idSchema('tier'),
  when: conditionSchema,
  label: localizedText('label').optional(),
});
export type TierGate = z.output<typeof gateSchema>;

/** Rounding rules for quota counts (see quotaCounts). */
export const QUOTA_ROUNDING = ['largest_remainder', 'cumulative'] as const;
export type QuotaRounding = (typeof QUOTA_ROUNDING)[number];

/**
 * Ranking of the customers no rule placed:
 * - thresholds: the best tier whose minScore the score reaches (score ≥ minScore);
 * - quotas: the ranked list cut into shares. Order: score desc, then each `tieBreak` metric
 *   (missing values last), then customer code ascending. Counts for m ranked customers:
 *   `largest_remainder` gives each tier ⌊m·p/100⌋ and hands the leftover customers one each to
 *   the tiers with the largest fractional remainders (ties: better tier first);
 *   `cumulative` ends tier k at round-half-up(m × cumulative share of tiers 1…k).
 *   Percentages carry at most two decimals (computed exactly in basis points).
 */
export const rankingSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      kind: z.literal('thresholds'),
      thresholds: z
        .array(z.strictObject({ tier: idSchema('tier'), minScore: finite('minScore') }))
        .min(1, 'thresholds needs at least one tier'),
    }),
    z.strictObject({
      kind: z.literal('quotas'),
      quotas: z
        .array(
          z.strictObject({
            tier: idSchema('tier'),
            percent: finite('percent')
              .refine((p) => p >= 0 && p <= 100, 'percent must be between 0 and 100')
              .refine(
                (p) => Math.abs(p * 100 - Math.round(p * 100)) < 1e-6,
                'percent takes at most two decimals',
              ),
          }),
        )
        .min(1, 'quotas needs at least one tier'),
      rounding: z
        .enum(QUOTA_ROUNDING, { error: `rounding must be one of ${QUOTA_ROUNDING.join(', ')}` })
        .default('largest_remainder'),
      tieBreak: z
        .array(z.strictObject({ metric: metricKeySchema, order: z.enum(['desc', 'asc']) }))
        .max(3, 'at most three tie-break metrics')
        .default([]),
    }),
  ],
  { error: 'ranking kind must be thresholds or quotas' },
);
export type Ranking = z.output<typeof rankingSchema>;

/**
 * How tiers are assigned. The order is fixed and documented in evaluation/assign-tiers.ts:
 * segment → rules → provisional → ranking → default → hysteresis → gates → overrides.
 */
export const assignmentSchema = z.strictObject({
  rules: z.array(ruleSchema).max(100).default([]),
  ranking: rankingSchema.optional(),
  default: idSchema('default').optional(),
  gates: z.array(gateSchema).max(100).default([]),
});
export type Assignment = z.output<typeof assignmentSchema>;
