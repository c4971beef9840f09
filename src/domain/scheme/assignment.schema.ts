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

/** A percentage 0…100 with at most two decimals, so it is exact in basis points. */
const twoDecimalPercent = (field: string) =>
  finite(field)
    .refine((p) => p >= 0 && p <= 100, `${field} must be between 0 and 100`)
    .refine(
      (p) => Math.abs(p * 100 - Math.round(p * 100)) < 1e-6,
      `${field} takes at most two decimals`,
    );

/** Orderings that settle equal ranking keys before the customer code does. */
const tieBreakSchema = z
  .array(z.strictObject({ metric: metricKeySchema, order: z.enum(['desc', 'asc']) }))
  .max(3, 'at most three tie-break metrics')
  .default([]);

/**
 * Ranking of the customers no rule placed:
 * - thresholds: the best tier whose minScore the score reaches (score ≥ minScore);
 * - quotas: the ranked list cut into shares. Order: score desc, then each `tieBreak` metric
 *   (missing values last), then customer code ascending. Counts for m ranked customers:
 *   `largest_remainder` gives each tier ⌊m·p/100⌋ and hands the leftover customers one each to
 *   the tiers with the largest fractional remainders (ties: better tier first);
 *   `cumulative` ends tier k at round-half-up(m × cumulative share of tiers 1…k).
 *   Percentages carry at most two decimals (computed exactly in basis points);
 * - cumulative_share: the list ranked by `metric` (desc, then each `tieBreak`, then code) is
 *   cut where the running total of the metric crosses each tier's `upTo` share of the total
 *   (key = the customers who together make the first 50%, …). The customer who crosses a line
 *   belongs to the tier above it; lines ascend and the last is 100. The metric counts in
 *   hundredths, rounded half up, so running totals are exact; customers whose value is
 *   missing or not above 0 add nothing to the total and take the last tier. Scores play no
 *   part, so criteria are optional. Details in evaluation/cumulative-share.ts.
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
            percent: twoDecimalPercent('percent'),
          }),
        )
        .min(1, 'quotas needs at least one tier'),
      rounding: z
        .enum(QUOTA_ROUNDING, { error: `rounding must be one of ${QUOTA_ROUNDING.join(', ')}` })
        .default('largest_remainder'),
      tieBreak: tieBreakSchema,
    }),
    z.strictObject({
      kind: z.literal('cumulative_share'),
      metric: metricKeySchema,
      shares: z
        .array(
          z.strictObject({
            tier: idSchema('tier'),
            upTo: twoDecimalPercent('upTo').refine(
              (p) => p > 0,
              'upTo must be greater than 0: a line at 0% admits nobody',
            ),
          }),
        )
        .min(1, 'shares needs at least one tier')
        .max(50),
      tieBreak: tieBreakSchema,
    }),
  ],
  { error: 'ranking kind must be thresholds, quotas or cumulative_share' },
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
