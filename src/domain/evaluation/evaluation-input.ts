import type { TierOverride } from './override.schema';

/** A dictionary-encoded text column: codes[i] indexes labels; -1 means no value. */
export interface AttributeColumn {
  codes: Int32Array;
  labels: readonly string[];
}

/** Tiers of the previous run, for hysteresis and the migration matrix. */
export interface PreviousTiers {
  /** Index into plan.tiers (rank order), -1 when the customer had no tier. */
  tier: Int16Array;
  /** Consecutive runs the customer has been below the previous tier (0 when unknown). */
  belowCount?: Uint16Array;
}

/**
 * One evaluation's customers, column by column (row i is the same customer in every column).
 * Loaders should give customers in ascending code order (binary collation, as
 * `ORDER BY code COLLATE "C"`): ties are then broken without comparing strings.
 */
export interface EvaluationInput {
  n: number;
  ids: Int32Array;
  codes: readonly string[];
  /** One column per measured metric key of the scheme (plan.requires.metrics); NaN = missing. */
  metrics: Readonly<Record<string, Float64Array>>;
  /** Labels of dictionary-encoded metric columns (category criteria on text values). */
  categories?: Readonly<Record<string, readonly string[]>>;
  /** Attribute columns named in conditions: type, size, region, industry, custom.<key> … */
  attributes?: Readonly<Record<string, AttributeColumn>>;
  /** Tag columns, 1 when the customer carries the tag; a tag without a column is carried by nobody. */
  tags?: Readonly<Record<string, Uint8Array>>;
  /** Months since the customer's first deal, for provisional tiers; NaN = unknown (not provisional). */
  tenureMonths?: Float64Array;
  previous?: PreviousTiers;
  overrides?: readonly TierOverride[];
  /** The run's as-of date (YYYY-MM-DD); needed when an override has an expiry. */
  asOf?: string;
}
