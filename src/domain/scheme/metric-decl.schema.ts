import { z } from 'zod';
import { METRIC_UNITS } from './metric-catalog';
import { finite, localizedText, metricKeySchema } from './scheme-fields';
import { windowSchema } from './window.schema';

/** Operations a derived metric may apply to two operands (metric keys or constants). */
export const BINARY_DERIVE_OPS = ['ratio', 'percent_of', 'difference', 'sum', 'product'] as const;
/** Every derive operation: the binary ones, and `quantile` of one metric. */
export const DERIVE_OPS = [...BINARY_DERIVE_OPS, 'quantile'] as const;
export type DeriveOp = (typeof DERIVE_OPS)[number];

/** One operand of a derived metric: another metric key of the scheme, or a constant. */
export type DeriveOperand = string | number;

/** Most buckets a quantile may have (percentiles). */
export const MAX_QUANTILE_BUCKETS = 100;

const deriveSchema = z.strictObject({
  op: z.enum(DERIVE_OPS, { error: `op must be one of ${DERIVE_OPS.join(', ')}` }),
  of: z
    .array(
      z.union([metricKeySchema, finite('of')], {
        error: 'of lists metric keys or numbers (constants)',
      }),
      { error: 'of must list metric keys or numbers' },
    )
    .min(1, 'of must list one metric (quantile) or two operands')
    .max(2, 'of takes at most two operands'),
  buckets: z
    .number({ error: 'buckets must be a number' })
    .int('buckets must be a whole number')
    .min(2, 'buckets must be at least 2')
    .max(MAX_QUANTILE_BUCKETS, `buckets must be at most ${MAX_QUANTILE_BUCKETS}`)
    .optional(),
  higherIsBetter: z.boolean().optional(),
});

/**
 * A metric the scheme uses. Either a measured metric — `id` from the catalog (or
 * `custom.<key>`, `tag:<name>`) with its `window` — or a `derive`d one:
 * - from two operands, each a key of this scheme or a constant (`ratio` a/b, `percent_of`
 *   100·a/b, `difference` a−b, `sum`, `product`), e.g. `["revenue_6m", 6]` with `ratio` for
 *   the average month of a 6-month window; at least one operand is a metric;
 * - `quantile` of one metric: its bucket 1…`buckets` among the segment's customers with a
 *   value (1 + ⌊buckets × worse / count⌋, where `worse` counts customers with a strictly worse
 *   value, so ties share a bucket — the lowest their values reach; see quantile.ts). Higher
 *   buckets are better; `derive.higherIsBetter` defaults to the metric's direction.
 * `key` names the column; it defaults to `id`, so the same metric over two windows needs keys.
 */
export const metricDeclSchema = z
  .strictObject({
    key: metricKeySchema.optional(),
    id: z.string({ error: 'id must be text' }).trim().min(1).max(100).optional(),
    window: windowSchema.optional(),
    derive: deriveSchema.optional(),
    label: localizedText('label').optional(),
    unit: z.enum(METRIC_UNITS).optional(),
    higherIsBetter: z.boolean().optional(),
  })
  .superRefine((d, ctx) => {
    if (d.id === undefined && d.derive === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['id'],
        message: 'a metric needs an id from the catalog or a derive formula',
      });
    }
    if (d.id !== undefined && d.derive !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['derive'],
        message: 'a metric is either measured (id) or derived (derive), not both',
      });
    }
    if (d.derive !== undefined && d.key === undefined) {
      ctx.addIssue({ code: 'custom', path: ['key'], message: 'a derived metric needs a key' });
    }
    if (d.derive !== undefined && d.window !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['window'],
        message: 'a derived metric takes the windows of the metrics it is derived from',
      });
    }
    if (d.derive) checkDerive(d.derive, ctx);
  });
export type MetricDecl = z.output<typeof metricDeclSchema>;

function checkDerive(dv: z.output<typeof deriveSchema>, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string) =>
    ctx.addIssue({ code: 'custom', path: ['derive', ...path], message });
  if (dv.op === 'quantile') {
    if (dv.of.length !== 1) issue(['of'], 'quantile takes exactly one metric: of: ["revenue"]');
    else if (typeof dv.of[0] !== 'string')
      issue(['of', 0], 'quantile needs a metric key, not a constant');
    if (dv.buckets === undefined)
      issue(['buckets'], 'quantile needs buckets, e.g. 5 for quintiles');
    return;
  }
  if (dv.buckets !== undefined)
    issue(['buckets'], `buckets applies to quantile only, not ${dv.op}`);
  if (dv.higherIsBetter !== undefined)
    issue(['higherIsBetter'], `derive.higherIsBetter applies to quantile only, not ${dv.op}`);
  if (dv.of.length !== 2) {
    issue(['of'], `${dv.op} takes two operands (metric keys or numbers)`);
    return;
  }
  if (dv.of.every((o) => typeof o === 'number'))
    issue(['of'], 'at least one operand must be a metric key: two constants derive nothing');
  const divisor = dv.of[1];
  if ((dv.op === 'ratio' || dv.op === 'percent_of') && divisor === 0)
    issue(['of', 1], `${dv.op} divides by its second operand, which must not be 0`);
}

/** The column key of a declared metric. */
export function metricKeyOf(d: MetricDecl): string {
  return d.key ?? d.id ?? '';
}
