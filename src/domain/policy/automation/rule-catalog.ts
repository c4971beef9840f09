import { z } from 'zod';

/** The automation rules the product ships with, in the order the settings page lists them. */
export const RULE_KEYS = [
  'late_payments',
  'silent_customer',
  'satisfaction',
  'complaint_tag',
  'provisional_due',
  'bottom_tier',
] as const;
export type RuleKey = (typeof RULE_KEYS)[number];

const int = (field: string, min: number, max: number) =>
  z
    .number({ error: `${field} must be a number` })
    .int(`${field} must be a whole number`)
    .min(min, `${field} must be at least ${min}`)
    .max(max, `${field} must be at most ${max}`);

const num = (field: string, min: number, max: number) =>
  z
    .number({ error: `${field} must be a number` })
    .min(min, `${field} must be at least ${min}`)
    .max(max, `${field} must be at most ${max}`);

/**
 * Parameters of each rule, with the seed defaults. Survey scores in the data are 1–5 (the demo
 * generator and the survey import both use that scale), so the satisfaction threshold is too.
 */
export const ruleParamSchemas = {
  /** Seed 002: two or more late payments in one quarter drop payment terms one level at once. */
  late_payments: z.strictObject({
    minLate: int('minLate', 1, 50).default(2),
    steps: int('steps', 1, 5).default(1),
  }),
  /** No order for more than k times the customer's own average interval between orders. */
  silent_customer: z.strictObject({
    k: num('k', 1, 20).default(2),
    minOrders: int('minOrders', 2, 1000).default(3),
  }),
  /** Average survey score of the last `windowMonths` below `threshold`, or fallen by `fallingBy`. */
  satisfaction: z.strictObject({
    threshold: num('threshold', 1, 5).default(3),
    fallingBy: num('fallingBy', 0.1, 4).default(1),
    windowMonths: int('windowMonths', 1, 24).default(3),
    minResponses: int('minResponses', 1, 100).default(1),
  }),
  /** `minComplaints` complaints within `months` months tag the customer. */
  complaint_tag: z.strictObject({
    tag: z
      .string({ error: 'tag must be text' })
      .trim()
      .min(1, 'tag is required')
      .max(50, 'tag must be at most 50 characters')
      .default('complaint_history'),
    months: int('months', 1, 120).default(12),
    minComplaints: int('minComplaints', 1, 100).default(1),
  }),
  /** Seed 002: a provisional tier is reviewed after `months` months of dealings. */
  provisional_due: z.strictObject({
    months: int('months', 1, 60).default(6),
  }),
  /** In the service scheme's bottom tier without a break for `years` years. */
  bottom_tier: z.strictObject({
    years: int('years', 1, 20).default(2),
  }),
} as const satisfies Record<RuleKey, z.ZodType>;

export type RuleParams = { [K in RuleKey]: z.output<(typeof ruleParamSchemas)[K]> };

/** What each rule does when it fires; drives the actions and the documentation. */
export const RULE_ACTIONS: Record<RuleKey, 'term_down' | 'alert' | 'tag' | 'review' | 'eliminate'> =
  {
    late_payments: 'term_down',
    silent_customer: 'alert',
    satisfaction: 'alert',
    complaint_tag: 'tag',
    provisional_due: 'review',
    bottom_tier: 'eliminate',
  };

/** True when `key` names a rule of the catalog. */
export function isRuleKey(key: string): key is RuleKey {
  return (RULE_KEYS as readonly string[]).includes(key);
}

/** The default parameters of a rule. */
export function defaultParams<K extends RuleKey>(key: K): RuleParams[K] {
  return ruleParamSchemas[key].parse({}) as RuleParams[K];
}

/**
 * Stored parameters read back leniently: a field that no longer parses (an older version of the
 * rule) falls back to its default rather than stopping the sweep.
 */
export function storedParams<K extends RuleKey>(key: K, stored: unknown): RuleParams[K] {
  const r = ruleParamSchemas[key].safeParse(stored ?? {});
  return r.success ? (r.data as RuleParams[K]) : defaultParams(key);
}
