import { z } from 'zod';

export const CUSTOMER_TYPES = ['individual', 'enterprise', 'group', 'internal'] as const;
export const CUSTOMER_SIZES = ['large', 'medium', 'small', 'micro'] as const;

/** Sortable columns of the customer list; anything else is refused with the allowed list. */
export const CUSTOMER_SORT_FIELDS = [
  'code',
  'name',
  'type',
  'industry',
  'region',
  'size',
  'created_at',
  'updated_at',
] as const;

const text = (field: string, max: number) =>
  z
    .string({ error: `${field} must be text` })
    .trim()
    .min(1, `${field} must not be empty`)
    .max(max, `${field} must be at most ${max} characters`);

/** Fields a person may set on a customer. */
export const customerFields = z.object({
  code: text('code', 64).regex(
    /^[A-Za-z0-9][A-Za-z0-9_.\-/]*$/,
    'code may hold letters, digits and _ . - / and must start with a letter or digit',
  ),
  name: text('name', 200),
  type: z.enum(CUSTOMER_TYPES, {
    error: `type must be one of ${CUSTOMER_TYPES.join(', ')}`,
  }),
  industry: text('industry', 100).nullable().optional(),
  region: text('region', 100).nullable().optional(),
  province: text('province', 50).nullable().optional(),
  city: text('city', 50).nullable().optional(),
  district: text('district', 50).nullable().optional(),
  regionCode: z
    .string()
    .regex(/^\d{6}$/, 'regionCode must be a 6-digit GB/T 2260 code')
    .nullable()
    .optional(),
  creditCode: z
    .string()
    .trim()
    .toUpperCase()
    .nullable()
    .optional()
    .transform((v) => (v === '' ? null : v)),
  source: text('source', 100).nullable().optional(),
  tags: z
    .array(text('tag', 50))
    .max(100, 'at most 100 tags')
    .optional()
    .transform((t) => (t ? [...new Set(t)] : t)),
  customFields: z.record(z.string(), z.unknown()).optional(),
  size: z
    .enum(CUSTOMER_SIZES, { error: `size must be one of ${CUSTOMER_SIZES.join(', ')}` })
    .nullable()
    .optional(),
  ownerId: z.number().int().positive().nullable().optional(),
  /**
   * Prospect or active; the later stages (terminating, terminated) come only from the
   * termination workflow.
   */
  lifecycleStage: z
    .enum(['prospect', 'active'], {
      error: 'lifecycleStage must be prospect or active (termination has its own workflow)',
    })
    .optional(),
});

export const createCustomerInput = customerFields;
export type CreateCustomerInput = z.input<typeof createCustomerInput>;
export type CustomerFields = z.output<typeof createCustomerInput>;

/** An edit names the version it was based on, so a stale edit is refused, not silently merged. */
export const updateCustomerInput = customerFields.partial().extend({
  version: z.number({ error: 'version is required (the version you edited)' }).int().positive(),
});
export type UpdateCustomerInput = z.input<typeof updateCustomerInput>;
export type CustomerEdit = z.output<typeof updateCustomerInput>;

export const listCustomersQuery = z.object({
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1, 'page starts at 1').default(1),
  pageSize: z.coerce.number().int().min(1).max(500, 'pageSize must be at most 500').default(20),
  sort: z
    .enum(CUSTOMER_SORT_FIELDS, {
      error: `sort must be one of ${CUSTOMER_SORT_FIELDS.join(', ')}`,
    })
    .default('code'),
  order: z.enum(['asc', 'desc'], { error: 'order must be asc or desc' }).default('asc'),
  type: z.enum(CUSTOMER_TYPES).optional(),
  ownerId: z.coerce.number().int().positive().optional(),
  tag: z.string().trim().max(50).optional(),
  industry: z.string().trim().max(100).optional(),
  region: z.string().trim().max(100).optional(),
  province: z.string().trim().max(50).optional(),
  size: z.enum(CUSTOMER_SIZES).optional(),
  lifecycleStage: z
    .enum(['prospect', 'active', 'terminating', 'terminated'], {
      error: 'lifecycleStage must be prospect, active, terminating or terminated',
    })
    .optional(),
  /**
   * `marketing` selects what a marketing list may hold: customers leaving or gone are left out
   * whatever the other filters say (seed 001 §4: after termination, no marketing).
   */
  purpose: z.enum(['marketing'], { error: 'purpose must be marketing' }).optional(),
  // Accepts the query-string text and the boolean it becomes, so parsing twice is harmless.
  includeMerged: z
    .union([z.boolean(), z.enum(['true', 'false'])])
    .optional()
    .transform((v) => v === true || v === 'true'),
});
export type ListCustomersQuery = z.infer<typeof listCustomersQuery>;

/** A customer as the app layer returns it. */
export interface Customer {
  id: number;
  code: string;
  name: string;
  type: (typeof CUSTOMER_TYPES)[number];
  industry: string | null;
  region: string | null;
  province: string | null;
  city: string | null;
  size: (typeof CUSTOMER_SIZES)[number] | null;
  ownerId: number | null;
  ownerName: string | null;
  district: string | null;
  regionCode: string | null;
  creditCode: string | null;
  source: string | null;
  tags: string[];
  customFields: Record<string, unknown>;
  status: 'active' | 'merged';
  /** Where the relationship stands; terminating and terminated customers get no marketing. */
  lifecycleStage: LifecycleStage;
  mergedIntoId: number | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** Stages of the relationship (seed 001 §4): from prospect to active to terminated. */
export const LIFECYCLE_STAGES = ['prospect', 'active', 'terminating', 'terminated'] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];
