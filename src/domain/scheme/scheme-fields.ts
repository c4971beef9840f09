import { z } from 'zod';

/** A name shown in both languages of the product. */
export const localizedText = (field: string, max = 100) =>
  z.strictObject({
    zh: z
      .string({ error: `${field}.zh must be text` })
      .trim()
      .min(1, `${field}.zh must not be empty`)
      .max(max, `${field}.zh must be at most ${max} characters`),
    en: z
      .string({ error: `${field}.en must be text` })
      .trim()
      .min(1, `${field}.en must not be empty`)
      .max(max, `${field}.en must be at most ${max} characters`),
  });

/** Ids of schemes, tiers, criteria and rules: short, stable, safe in URLs and CSV headers. */
export const idSchema = (field: string) =>
  z
    .string({ error: `${field} must be text` })
    .regex(
      /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/,
      `${field} must be 1–40 letters, digits, _ or -, starting with a letter or digit`,
    );

/**
 * The name a metric column goes by inside a scheme: a catalog id (`revenue`), `custom.<key>`,
 * `tag:<name>`, or any key the scheme declares (`revenue_6m`).
 */
export const metricKeySchema = z
  .string({ error: 'metric must be text' })
  .regex(
    /^[A-Za-z][A-Za-z0-9_.:-]{0,63}$/,
    'metric must be a metric key such as revenue, revenue_6m, custom.sales_model or tag:vip',
  );

/** A finite number; JSON has no NaN or Infinity, and neither should a scheme. */
export const finite = (field: string) =>
  z
    .number({ error: `${field} must be a number` })
    .refine(Number.isFinite, `${field} must be finite`);
