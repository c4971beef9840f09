import { z } from 'zod';

/**
 * A tier policy catalog: what each tier of the service-tier scheme gets (seeds 002, 000, 004).
 * One document per version; the latest version of a scheme's catalog is the one in force.
 */

const text = z.strictObject({
  zh: z.string().trim().min(1, 'zh is required').max(200),
  en: z.string().trim().min(1, 'en is required').max(200),
});

const key = z
  .string()
  .trim()
  .regex(
    /^[a-z][a-z0-9_]{0,63}$/,
    'must be lower-case letters, digits and _ (start with a letter)',
  );

/**
 * One rung of the payment-terms ladder. The ladder is ordered from the most generous term to
 * the strictest; "one level down" means one rung later.
 */
export const paymentTermSchema = z.strictObject({
  id: key,
  name: text,
  /** Days after delivery the customer may pay; 0 = on delivery; negative = before shipment. */
  creditDays: z.number().int().min(-365).max(3650),
});
export type PaymentTerm = z.infer<typeof paymentTermSchema>;

export const ENTITLEMENT_PERIODS = ['month', 'quarter', 'year', 'lifetime'] as const;
export type EntitlementPeriod = (typeof ENTITLEMENT_PERIODS)[number];

/** A named service a tier is entitled to, with how many uses a period allows. */
export const entitlementSchema = z.strictObject({
  key,
  name: text,
  /** Uses allowed per period; null = as often as needed. */
  quantity: z.number().int().min(1).max(1_000_000).nullable(),
  period: z.enum(ENTITLEMENT_PERIODS),
  /** The entitlement applies only to requests of at least this many items (green channel). */
  minBatch: z.number().int().min(1).max(1_000_000).nullable().default(null),
  /**
   * Alternatives to choose from at each use (e.g. one of three gifts); with `noRepeat`, a
   * customer never receives the same choice twice.
   */
  choices: z
    .array(z.strictObject({ key, name: text }))
    .max(50)
    .default([]),
  noRepeat: z.boolean().default(false),
});
export type Entitlement = z.infer<typeof entitlementSchema>;

export const RUSH_MODES = ['jump_queue', 'by_capacity', 'none'] as const;
export const REVIEW_MODES = ['light', 'standard', 'strict'] as const;
export const ACCOUNT_MODELS = ['dedicated', 'team', 'pooled'] as const;
export type AccountModel = (typeof ACCOUNT_MODELS)[number];

/** What one tier gets. */
export const tierPolicySchema = z
  .strictObject({
    tier: z.string().trim().min(1).max(100),
    /**
     * The lowest price allowed, as a percentage offset from the internal price: -5 means up
     * to 5% below it, 0 not below it, +5 at least 5% above it.
     */
    priceFloorPct: z.number().min(-100).max(1000),
    /** The most generous payment term the tier allows (an id on the ladder). */
    paymentTerm: key,
    /** Days from order to the earliest delivery the tier may ask for; null = no rule. */
    leadTimeDays: z.number().int().min(0).max(3650).nullable(),
    rush: z.enum(RUSH_MODES),
    orderReview: z.enum(REVIEW_MODES),
    /** Hours within which every inquiry gets an answer. */
    inquiryReplyHours: z
      .number()
      .min(0)
      .max(24 * 365),
    visits: z.strictObject({
      minPerMonth: z.number().min(0).max(100),
      maxPerMonth: z.number().min(0).max(100),
      /** Group customers are visited once every this many months instead. */
      groupEveryMonths: z.number().int().min(1).max(24).nullable(),
    }),
    accountModel: z.enum(ACCOUNT_MODELS),
    /** An executive acts as the customer's sponsor ("chief customer representative"). */
    executiveSponsor: z.boolean(),
    entitlements: z.array(entitlementSchema).max(100).default([]),
  })
  .refine((p) => p.visits.minPerMonth <= p.visits.maxPerMonth, {
    message: 'visits.minPerMonth must not exceed visits.maxPerMonth',
    path: ['visits', 'minPerMonth'],
  });
export type TierPolicy = z.infer<typeof tierPolicySchema>;

/** The whole catalog: the payment-terms ladder and one policy per tier. */
export const policyCatalogSchema = z
  .strictObject({
    paymentTerms: z
      .array(paymentTermSchema)
      .min(1, 'the payment-terms ladder needs a rung')
      .max(20),
    tiers: z.array(tierPolicySchema).min(1).max(20),
  })
  .superRefine((doc, ctx) => {
    const terms = new Set<string>();
    doc.paymentTerms.forEach((t, i) => {
      if (terms.has(t.id))
        ctx.addIssue({
          code: 'custom',
          path: ['paymentTerms', i, 'id'],
          message: `duplicate term ${t.id}`,
        });
      terms.add(t.id);
    });
    const tiers = new Set<string>();
    doc.tiers.forEach((p, i) => {
      if (tiers.has(p.tier))
        ctx.addIssue({
          code: 'custom',
          path: ['tiers', i, 'tier'],
          message: `duplicate tier ${p.tier}`,
        });
      tiers.add(p.tier);
      if (!terms.has(p.paymentTerm))
        ctx.addIssue({
          code: 'custom',
          path: ['tiers', i, 'paymentTerm'],
          message: `paymentTerm must be one of ${[...terms].join(', ')}`,
        });
      const keys = new Set<string>();
      p.entitlements.forEach((e, j) => {
        if (keys.has(e.key))
          ctx.addIssue({
            code: 'custom',
            path: ['tiers', i, 'entitlements', j, 'key'],
            message: `duplicate entitlement ${e.key}`,
          });
        keys.add(e.key);
        if (e.noRepeat && e.choices.length === 0)
          ctx.addIssue({
            code: 'custom',
            path: ['tiers', i, 'entitlements', j, 'noRepeat'],
            message: 'noRepeat needs choices to choose from',
          });
      });
    });
  });
export type PolicyCatalog = z.infer<typeof policyCatalogSchema>;
