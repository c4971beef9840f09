import { z } from 'zod';
import type { AnalyticsFilters, CustomerScope } from './analytics-filters';

/**
 * A query value that is absent when sent empty (`xLow=`), as forms send untouched inputs;
 * anything else goes through `schema`.
 */
export function optionalQueryValue<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (v === '' || v === null ? undefined : v), schema.optional());
}

/** A finite number from the query (thresholds, multiples …), named in its errors. */
export function queryNumber(field: string) {
  return z.coerce
    .number({ error: `${field} must be a number` })
    .refine((v) => Number.isFinite(v), `${field} must be a finite number`);
}

/** The customer scope of parsed filters: everything but the period. */
export function scopeOfFilters(filters: AnalyticsFilters): CustomerScope {
  return {
    region: filters.region,
    industry: filters.industry,
    type: filters.type,
    ownerId: filters.ownerId,
    schemeId: filters.schemeId,
    tier: filters.tier,
  };
}
