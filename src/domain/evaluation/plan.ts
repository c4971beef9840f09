import type { MetricInfo } from '../scheme/check-metrics';
import type { Condition } from '../scheme/condition.schema';
import type { MissingPolicy, Scoring } from '../scheme/criterion.schema';
import type { LocalizedText } from '../scheme/metric-catalog';
import type { Scheme } from '../scheme/scheme.schema';

/** A tier of the compiled plan; plan.tiers is sorted by rank, so index 0 is the best tier. */
export interface PlanTier {
  id: string;
  name: LocalizedText;
  rank: number;
}

export interface PlanCriterion {
  id: string;
  label: LocalizedText;
  metric: MetricInfo;
  weight: number;
  scoring: Scoring;
  missing: MissingPolicy;
  maxPoints: number;
  higherIsBetter: boolean;
  /** Bands sorted by min, as parallel arrays (bands only). */
  bandMin?: Float64Array;
  bandMax?: Float64Array;
  bandFraction?: Float64Array;
  /**
   * Bands as a step function for the scoring loop: the distinct finite band edges, ascending,
   * and the fraction earned on each of the edges.length + 1 intervals between them (0 in a gap).
   */
  edges?: Float64Array;
  stepFraction?: Float64Array;
}

export interface PlanRule {
  index: number;
  id?: string;
  tier: number;
  when: Condition;
  label?: LocalizedText;
}

export interface PlanGate {
  index: number;
  tier: number;
  when: Condition;
  label?: LocalizedText;
}

export type PlanRanking =
  | {
      kind: 'thresholds';
      /** minScore per tier index; NaN for tiers not ranked by threshold. */
      minScore: Float64Array;
    }
  | {
      kind: 'quotas';
      /** Quota tiers in rank order with their shares in basis points (sum 10000). */
      tiers: Int16Array;
      basisPoints: Int32Array;
      rounding: 'largest_remainder' | 'cumulative';
      tieBreak: { metric: string; order: 'desc' | 'asc' }[];
    }
  | {
      kind: 'cumulative_share';
      /** The metric key whose running total is cut. */
      metric: string;
      /** Tiers best first, with their cumulative lines in basis points (ascending, last 10000). */
      tiers: Int16Array;
      basisPoints: Int32Array;
      tieBreak: { metric: string; order: 'desc' | 'asc' }[];
    };

/** A scheme compiled for evaluation: tiers by rank, resolved metrics, typed band tables. */
export interface Plan {
  scheme: Scheme;
  tiers: PlanTier[];
  tierIndex: ReadonlyMap<string, number>;
  /** Declared metrics, inputs before the metrics derived from them. */
  metrics: MetricInfo[];
  criteria: PlanCriterion[];
  scale: number;
  segment?: Condition;
  rules: PlanRule[];
  ranking?: PlanRanking;
  defaultTier: number;
  /** Gates per tier index. */
  gates: PlanGate[][];
  provisional?: { minTenureMonths: number; tier: number };
  hysteresis?: { margin?: number; consecutiveRuns?: number };
  /** Columns a loader must provide. */
  requires: {
    metrics: string[];
    categories: string[];
    attributes: string[];
    tags: string[];
    tenure: boolean;
  };
}

/** How a customer's tier was decided (before hysteresis, gates and overrides adjust it). */
export const TierSource = {
  none: 0,
  rule: 1,
  provisional: 2,
  threshold: 3,
  quota: 4,
  default: 5,
  override: 6,
  /** A cumulative-share line of the ranked metric. */
  share: 7,
} as const;
export type TierSourceCode = (typeof TierSource)[keyof typeof TierSource];

/** Bits of EvaluationResult.flags. */
export const Flag = {
  /** Younger than the scheme's provisional tenure: re-evaluate later. */
  provisional: 1,
  /** A manual override set the tier. */
  override: 2,
  /** Hysteresis kept the previous, better tier. */
  held: 4,
  /** A gate moved the customer down from the tier the score or rule gave. */
  gated: 8,
} as const;
