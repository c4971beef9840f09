import { z } from 'zod';

/** The clocks a ticket runs (seed 000: 回复咨询 / 响应诉求 / 处理问题). */
export const SLA_TARGET_KEYS = ['firstReply', 'response', 'resolution'] as const;
export type SlaTargetKey = (typeof SLA_TARGET_KEYS)[number];

/** Units of a target. Minutes and hours count business time on the policy's calendar. */
export const SLA_UNITS = ['minutes', 'hours', 'working_days'] as const;
export type SlaUnit = (typeof SLA_UNITS)[number];

export const ESCALATION_ROLES = ['agent', 'supervisor', 'manager'] as const;
export type EscalationRole = (typeof ESCALATION_ROLES)[number];

/** A category code: dot-separated lower-case segments, e.g. `complaint.service_attitude`. */
export const CATEGORY_CODE = /^[a-z0-9_]+(\.[a-z0-9_]+)*$/;

const text = z.strictObject({
  zh: z.string().trim().min(1, 'a Chinese name is required').max(200),
  en: z.string().trim().min(1, 'an English name is required').max(200),
});

export const slaTargetSchema = z.strictObject({
  amount: z
    .number({ error: 'amount must be a number' })
    .int('amount must be a whole number')
    .positive('amount must be at least 1')
    .max(100_000, 'amount must be at most 100000'),
  unit: z.enum(SLA_UNITS, { error: `unit must be one of ${SLA_UNITS.join(', ')}` }),
});
export type SlaTarget = z.infer<typeof slaTargetSchema>;

export const slaTargetsSchema = z.strictObject({
  firstReply: slaTargetSchema.optional(),
  response: slaTargetSchema.optional(),
  resolution: slaTargetSchema.optional(),
});
export type SlaTargets = z.infer<typeof slaTargetsSchema>;

/**
 * One escalation step on one target: when `afterFraction` of the target's time is used
 * (1 = at the due instant, 1.5 = half as long again) or `afterMinutes` of business time after
 * the due instant, the ticket goes to `role`.
 */
export const escalationStepSchema = z
  .strictObject({
    target: z.enum(SLA_TARGET_KEYS).default('resolution'),
    afterFraction: z.number().positive('afterFraction must be above 0').max(10).optional(),
    afterMinutes: z.number().int().min(0).max(100_000).optional(),
    role: z.enum(ESCALATION_ROLES, { error: `role must be one of ${ESCALATION_ROLES.join(', ')}` }),
  })
  .refine((s) => (s.afterFraction === undefined) !== (s.afterMinutes === undefined), {
    message: 'give exactly one of afterFraction and afterMinutes',
    path: ['afterFraction'],
  });
export type EscalationStep = z.infer<typeof escalationStepSchema>;

export const slaMatchSchema = z.strictObject({
  /** A tier id of the service-tier scheme, or null for any tier (and customers without one). */
  tier: z.string().trim().min(1, 'tier must not be empty (use null for any)').max(100).nullable(),
  /** Service level 1 urgent … 4 consultation, or null for any. */
  level: z.number().int().min(1, 'level must be 1–4').max(4, 'level must be 1–4').nullable(),
  /** A category code prefix at a dot boundary: `complaint` matches `complaint.billing`. */
  category: z
    .string()
    .trim()
    .regex(CATEGORY_CODE, 'category must be a code like complaint or complaint.billing')
    .max(200)
    .nullable(),
});
export type SlaMatch = z.infer<typeof slaMatchSchema>;

export const slaPolicySchema = z.strictObject({
  key: z
    .string({ error: 'key is required' })
    .trim()
    .regex(/^[a-z0-9][a-z0-9_.-]*$/, 'key must be lower-case letters, digits, _ . -')
    .max(64),
  name: text,
  match: slaMatchSchema,
  targets: slaTargetsSchema,
  /** The key of the business calendar the clocks run on, e.g. `cn-mainland` or `24x7`. */
  calendar: z.string().trim().min(1, 'calendar is required').max(64),
  /** Fraction of a target's time after which the ticket shows a warning. */
  warnAt: z.number().gt(0, 'warnAt must be above 0').lt(1, 'warnAt must be below 1').default(0.75),
  escalation: z.array(escalationStepSchema).max(20).default([]),
});
export type SlaPolicy = z.infer<typeof slaPolicySchema>;
export type SlaPolicyInput = z.input<typeof slaPolicySchema>;

function matchKey(m: SlaMatch): string {
  return JSON.stringify([m.tier, m.level, m.category]);
}

/** A whole policy set: unique keys, unique match, every policy at least one target. */
export const slaPolicySetSchema = z
  .array(slaPolicySchema)
  .max(500, 'at most 500 policies')
  .superRefine((policies, ctx) => {
    const keys = new Map<string, number>();
    const matches = new Map<string, number>();
    policies.forEach((p, i) => {
      const k = keys.get(p.key);
      if (k !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: [i, 'key'],
          message: `key ${p.key} is already used by policy ${k + 1}`,
        });
      else keys.set(p.key, i);
      const m = matches.get(matchKey(p.match));
      if (m !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: [i, 'match'],
          message: `policy ${p.key} has the same match as ${policies[m]?.key} (tier ${p.match.tier ?? 'any'}, level ${p.match.level ?? 'any'}, category ${p.match.category ?? 'any'})`,
        });
      else matches.set(matchKey(p.match), i);
      if (!SLA_TARGET_KEYS.some((t) => p.targets[t]))
        ctx.addIssue({
          code: 'custom',
          path: [i, 'targets'],
          message: `policy ${p.key} sets no target`,
        });
    });
  });
