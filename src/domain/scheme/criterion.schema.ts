import { z } from 'zod';
import { finite, idSchema, localizedText, metricKeySchema } from './scheme-fields';

const points = (field: string) =>
  finite(field).refine((p) => p >= 0, `${field} must not be negative`);
const positive = (field: string) =>
  finite(field).refine((p) => p > 0, `${field} must be greater than 0`);

/** One band of a banded criterion: values v with min ≤ v < max earn `points`; open ends allowed. */
export const bandSchema = z.strictObject({
  min: finite('min').optional(),
  max: finite('max').optional(),
  points: points('points'),
  label: z.string().trim().max(100).optional(),
});
export type Band = z.output<typeof bandSchema>;

/**
 * What a criterion does for a customer without a value: `zero` points, `exclude` the criterion
 * and rescale the customer's other criteria to the full scale, or score a fixed `value`.
 */
export const missingSchema = z.discriminatedUnion(
  'policy',
  [
    z.strictObject({ policy: z.literal('zero') }),
    z.strictObject({ policy: z.literal('exclude') }),
    z.strictObject({ policy: z.literal('value'), value: finite('value') }),
  ],
  { error: 'missing policy must be one of zero, exclude, value' },
);
export type MissingPolicy = z.output<typeof missingSchema>;

/**
 * A criterion: a metric turned into points (0 … maxPoints), weighted. `kind` says how:
 * - bands: the band holding the value; a value in no band earns 0 (refused when `cover`);
 * - linear: 0 at `min`, maxPoints at `max`, straight line between, clamped outside
 *   (reversed when lower is better);
 * - percentile: maxPoints × the customer's percentile among the scheme's customers with a value
 *   (`cume_dist` = share of customers at or below; `percent_rank` = (rank − 1)/(N − 1), as SQL);
 * - category: points for listed values, `otherwise` for the rest;
 * - quantile: maxPoints × b / buckets for the customer's bucket b (1…buckets) among the
 *   scheme's customers with a value: b = 1 + ⌊buckets × worse / count⌋, `worse` counting the
 *   customers with a strictly worse value. Equal values share a bucket (the lowest their
 *   values reach), so a bucket may hold more or fewer than count / buckets customers and one
 *   may stay empty; with 5 buckets and maxPoints 5 this is the classic 1–5 quintile score.
 * `higherIsBetter` defaults to the metric's catalog direction.
 */
const common = {
  id: idSchema('id'),
  label: localizedText('label'),
  metric: metricKeySchema,
  weight: positive('weight'),
  missing: missingSchema.default({ policy: 'zero' }),
};

/** The zod schema of a criterion, discriminated by `kind` (fields described above). */
export const criterionSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      ...common,
      kind: z.literal('bands'),
      bands: z.array(bandSchema).min(1, 'bands needs at least one band').max(50),
      cover: z.boolean().default(false),
      maxPoints: positive('maxPoints').optional(),
    }),
    z.strictObject({
      ...common,
      kind: z.literal('linear'),
      min: finite('min'),
      max: finite('max'),
      maxPoints: positive('maxPoints'),
      higherIsBetter: z.boolean().optional(),
    }),
    z.strictObject({
      ...common,
      kind: z.literal('percentile'),
      method: z.enum(['cume_dist', 'percent_rank']).default('cume_dist'),
      maxPoints: positive('maxPoints'),
      higherIsBetter: z.boolean().optional(),
    }),
    z.strictObject({
      ...common,
      kind: z.literal('category'),
      map: z
        .array(
          z.strictObject({
            value: z.union([z.string().trim().min(1).max(100), finite('value')], {
              error: 'value must be text or a number',
            }),
            points: points('points'),
          }),
        )
        .min(1, 'map needs at least one value')
        .max(200),
      otherwise: points('otherwise').default(0),
      maxPoints: positive('maxPoints').optional(),
    }),
    z.strictObject({
      ...common,
      kind: z.literal('quantile'),
      buckets: z
        .number({ error: 'buckets must be a number' })
        .int('buckets must be a whole number')
        .min(2, 'buckets must be at least 2')
        .max(100, 'buckets must be at most 100'),
      maxPoints: positive('maxPoints'),
      higherIsBetter: z.boolean().optional(),
    }),
  ],
  { error: 'criterion kind must be one of bands, linear, percentile, category, quantile' },
);
export type Criterion = z.output<typeof criterionSchema>;
/** The scoring part of a criterion is the criterion itself, discriminated by kind. */
export type Scoring = Criterion;

/** The most points a criterion can give: stated, or the best band / category. */
export function maxPointsOf(s: Scoring): number {
  if (s.kind === 'bands') return s.maxPoints ?? Math.max(...s.bands.map((b) => b.points));
  if (s.kind === 'category')
    return s.maxPoints ?? Math.max(s.otherwise, ...s.map.map((e) => e.points));
  return s.maxPoints;
}
