import { z } from 'zod';
import { CUSTOMER_SIZES, CUSTOMER_TYPES } from '../customers/customer.schema';
import { finite, metricKeySchema } from './scheme-fields';

/** Comparisons of a metric condition; `missing`/`present` test for a value. */
export const COMPARISON_OPS = ['>=', '>', '<=', '<', '==', '!=', 'missing', 'present'] as const;
export type ComparisonOp = (typeof COMPARISON_OPS)[number];

/** Customer attributes a condition can test; `custom.<key>` reads a select custom field. */
export const CONDITION_ATTRIBUTES = [
  'type',
  'size',
  'region',
  'province',
  'city',
  'industry',
  'source',
  'owner',
] as const;

/** Attributes whose values are a closed list, so a misspelt value can be refused. */
export const CLOSED_ATTRIBUTE_VALUES: Readonly<Record<string, readonly string[]>> = {
  type: CUSTOMER_TYPES,
  size: CUSTOMER_SIZES,
};

/**
 * A condition over one customer. Exactly one shape per node, written as plain JSON:
 * `{ "all": [...] }`, `{ "any": [...] }`, `{ "not": {...} }`,
 * `{ "metric": "revenue", "op": ">=", "value": 60000 }` (`missing`/`present` take no value),
 * `{ "attribute": "size", "in": ["large"] }`, `{ "tag": "long_term_agreement" }`.
 * One object type with optional keys (not a union) keeps zod's error paths pointing inside
 * nested conditions instead of stopping at "invalid union".
 */
export interface Condition {
  all?: Condition[];
  any?: Condition[];
  not?: Condition;
  metric?: string;
  op?: ComparisonOp;
  value?: number;
  attribute?: string;
  in?: string[];
  tag?: string;
}

const SHAPES = ['all', 'any', 'not', 'metric', 'attribute', 'tag'] as const;
export type ConditionShape = (typeof SHAPES)[number];

/** Which of the six shapes a validated condition has. */
export function conditionShape(c: Condition): ConditionShape {
  for (const s of SHAPES) if (c[s] !== undefined) return s;
  throw new Error('condition has no shape');
}

/** The zod schema of a condition, recursive; checks that each node has exactly one shape. */
export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z
    .strictObject({
      all: z.array(conditionSchema).min(1, 'all needs at least one condition').optional(),
      any: z.array(conditionSchema).min(1, 'any needs at least one condition').optional(),
      not: conditionSchema.optional(),
      metric: metricKeySchema.optional(),
      op: z
        .enum(COMPARISON_OPS, { error: `op must be one of ${COMPARISON_OPS.join(' ')}` })
        .optional(),
      value: finite('value').optional(),
      attribute: z
        .string()
        .refine(
          (a) =>
            (CONDITION_ATTRIBUTES as readonly string[]).includes(a) ||
            /^custom\.[a-z][a-z0-9_]{0,39}$/.test(a),
          `attribute must be one of ${CONDITION_ATTRIBUTES.join(', ')} or custom.<field key>`,
        )
        .optional(),
      in: z
        .array(z.string().trim().min(1, 'values must not be empty').max(100))
        .min(1, 'in needs at least one value')
        .optional(),
      tag: z.string().trim().min(1, 'tag must not be empty').max(50).optional(),
    })
    .superRefine((c, ctx) => {
      const present = SHAPES.filter((s) => c[s] !== undefined);
      if (present.length === 0) {
        ctx.addIssue({
          code: 'custom',
          message: 'a condition needs one of all, any, not, metric, attribute or tag',
        });
        return;
      }
      if (present.length > 1) {
        ctx.addIssue({
          code: 'custom',
          path: [present[1]!],
          message: `a condition holds exactly one of all, any, not, metric, attribute, tag; found ${present.join(' and ')}`,
        });
        return;
      }
      if (c.metric !== undefined) {
        if (c.op === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['op'],
            message: `op is required: one of ${COMPARISON_OPS.join(' ')}`,
          });
        } else if (c.op === 'missing' || c.op === 'present') {
          if (c.value !== undefined)
            ctx.addIssue({ code: 'custom', path: ['value'], message: `${c.op} takes no value` });
        } else if (c.value === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['value'],
            message: `value is required for ${c.op}`,
          });
        }
      } else if (c.op !== undefined || c.value !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [c.op !== undefined ? 'op' : 'value'],
          message: 'op and value belong to a metric condition',
        });
      }
      if (c.attribute !== undefined && c.in === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['in'],
          message: 'in is required: the values to match',
        });
      }
      if (c.attribute === undefined && c.in !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['in'],
          message: 'in belongs to an attribute condition',
        });
      }
      const closed = c.attribute ? CLOSED_ATTRIBUTE_VALUES[c.attribute] : undefined;
      c.in?.forEach((v, i) => {
        if (closed && !closed.includes(v)) {
          ctx.addIssue({
            code: 'custom',
            path: ['in', i],
            message: `unknown ${c.attribute} '${v}'; one of ${closed.join(', ')}`,
          });
        }
      });
    }),
);
