import { z } from 'zod';
import { METRIC_UNITS } from './metric-catalog';
import { localizedText, metricKeySchema } from './scheme-fields';
import { windowSchema } from './window.schema';

/** Operations a derived metric may apply to two other metrics of the same scheme. */
export const DERIVE_OPS = ['ratio', 'percent_of', 'difference', 'sum', 'product'] as const;
export type DeriveOp = (typeof DERIVE_OPS)[number];

/**
 * A metric the scheme uses. Either a measured metric — `id` from the catalog (or
 * `custom.<key>`, `tag:<name>`) with its `window` — or a `derive`d one computed from two other
 * keys of this scheme (`ratio` a/b, `percent_of` 100·a/b, `difference` a−b, `sum`, `product`).
 * `key` names the column; it defaults to `id`, so the same metric over two windows needs keys.
 */
export const metricDeclSchema = z
  .strictObject({
    key: metricKeySchema.optional(),
    id: z.string({ error: 'id must be text' }).trim().min(1).max(100).optional(),
    window: windowSchema.optional(),
    derive: z
      .strictObject({
        op: z.enum(DERIVE_OPS, { error: `op must be one of ${DERIVE_OPS.join(', ')}` }),
        of: z.tuple([metricKeySchema, metricKeySchema], {
          error: 'of must list two metric keys',
        }),
      })
      .optional(),
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
  });
export type MetricDecl = z.output<typeof metricDeclSchema>;

/** The column key of a declared metric. */
export function metricKeyOf(d: MetricDecl): string {
  return d.key ?? d.id ?? '';
}
