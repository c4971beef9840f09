import { type CumulativeShares, finishAssignment, type PreRanking, preRank } from './assign-tiers';
import { checkInput, metricColumns } from './columns';
import { type ConditionColumns, conditionMask } from './condition-mask';
import type { EvaluationInput } from './evaluation-input';
import type { Plan } from './plan';
import {
  criterionFractions,
  criterionPoints,
  type ScoringColumns,
  totalScores,
  totalsFromFractions,
} from './score-total';

/** Working arrays kept with a result so explanations and what-if steps can reuse them. */
export interface EvaluationWork {
  columns: Map<string, Float64Array>;
  /** 1 for rows in the scheme's segment; null when the scheme applies to everyone. */
  segment: Uint8Array | null;
  /** Labels of dictionary-encoded metric columns (from the input). */
  categories?: Readonly<Record<string, readonly string[]>> | undefined;
  /** Per criterion: sorted population of a percentile criterion. */
  populations: (Float64Array | undefined)[];
  pre: PreRanking;
  /**
   * Quota or cumulative-share ranking of `pre.ranked`, best first; null for threshold and rule
   * schemes.
   */
  order: Int32Array | null;
  /** Σ weights each customer is scored on; null when that is every criterion's weight. */
  weightSum: Float64Array | null;
  /**
   * Per-criterion fractions once someone needed them (points, a what-if on weights). Shared by
   * every result derived from the same evaluation: fractions do not depend on weights,
   * thresholds or quotas.
   */
  cache: { fractions?: Float64Array[] };
}

/** Per-customer results, column by column, in input row order. */
export interface EvaluationResult {
  n: number;
  /** 0…scale with six decimals; NaN outside the segment. */
  score: Float64Array;
  /** Index into plan.tiers (0 = best); -1 = no tier (outside the segment). */
  tier: Int16Array;
  /**
   * Per criterion (plan.criteria order): points on the score scale; NaN when excluded.
   * Computed on first read and kept, so what-if steps that never look at points skip them.
   */
  readonly points: Float64Array[];
  /** Index of the rule that placed the customer, -1 if none. */
  rule: Int16Array;
  /** TierSource code: how the tier was decided. */
  source: Uint8Array;
  /** Flag bits: provisional, override, held (hysteresis), gated. */
  flags: Uint8Array;
  /** Consecutive runs held above the computed tier; feed back as previous.belowCount. */
  belowCount: Uint16Array;
  /** Per tier: the score line (threshold, or lowest score a quota admitted); NaN if none. */
  lines: Float64Array;
  /**
   * Cumulative-share rankings only: each customer's cumulative share of the metric and each
   * tier's line and lowest admitted value.
   */
  cumulative?: CumulativeShares;
  /** Customers in the segment. */
  inSegment: number;
  work: EvaluationWork;
}

/**
 * Evaluates a compiled scheme over columnar input: segment, criterion points, scores, then
 * the tier pipeline documented in assign-tiers.ts. Pure: same input, same result, whatever
 * the row order (ties end on the customer code).
 */
export function evaluate(plan: Plan, input: EvaluationInput): EvaluationResult {
  // The segment reads attributes and tags only (the scheme checks refuse metrics there), so
  // it comes first: quantile metrics rank the segment's customers.
  checkInput(plan, input);
  const segment = plan.segment
    ? conditionMask(plan.segment, conditionColumns(input, new Map()))
    : null;
  const columns = metricColumns(plan, input, segment);
  const cols = conditionColumns(input, columns);
  const scoring: ScoringColumns = { n: input.n, columns, segment, categories: input.categories };
  const totals = totalScores(plan, scoring);
  const pre = preRank(plan, cols, segment, input);
  const work: EvaluationWork = {
    columns,
    segment,
    categories: input.categories,
    populations: totals.populations,
    pre,
    order: null,
    weightSum: totals.weightSum,
    cache: {},
  };
  return finish(plan, input, work, totals.score);
}

/**
 * The second half of an evaluation, from scores on. What-if calls it with the work of an
 * earlier result: new weights need new totals (rules, segment and percentile populations
 * stay), new thresholds or quotas only a new cut of the same ranking (`work.order`).
 */
export function finish(
  plan: Plan,
  input: EvaluationInput,
  work: EvaluationWork,
  reuseScore?: Float64Array,
): EvaluationResult {
  const n = input.n;
  const scoring: ScoringColumns = {
    n,
    columns: work.columns,
    segment: work.segment,
    categories: work.categories,
  };
  const kept = work.cache.fractions;
  const totals = reuseScore
    ? { score: reuseScore, weightSum: work.weightSum }
    : kept
      ? totalsFromFractions(plan, kept, scoring, work.populations)
      : totalScores(plan, scoring, work.populations);
  const cols = conditionColumns(input, work.columns);
  const a = finishAssignment(plan, input, cols, totals.score, work.pre, work.order);
  let inSegment = n;
  if (work.segment) {
    inSegment = 0;
    for (let i = 0; i < n; i++) inSegment += work.segment[i]!;
  }
  const result = {
    n,
    score: totals.score,
    tier: a.tier,
    rule: a.rule,
    source: a.source,
    flags: a.flags,
    belowCount: a.belowCount,
    lines: a.lines,
    inSegment,
    ...(a.cumulative ? { cumulative: a.cumulative } : {}),
    work: { ...work, order: a.order, weightSum: totals.weightSum },
  } as Omit<EvaluationResult, 'points'> as EvaluationResult;
  let points: Float64Array[] | undefined;
  Object.defineProperty(result, 'points', {
    enumerable: true,
    get: () => {
      points ??= criterionPoints(
        plan,
        criterionFractions(plan, scoring, work.populations),
        totals.weightSum,
      );
      return points;
    },
  });
  return result;
}

/** Per-criterion fractions of an evaluation, computed once and kept in its work. */
export function fractionsOf(plan: Plan, work: EvaluationWork, n: number): Float64Array[] {
  const scoring = { n, columns: work.columns, segment: work.segment, categories: work.categories };
  work.cache.fractions ??= criterionFractions(plan, scoring, work.populations);
  return work.cache.fractions;
}

/** The columns conditions read, from the input and the resolved metric columns. */
export function conditionColumns(
  input: EvaluationInput,
  columns: Map<string, Float64Array>,
): ConditionColumns {
  return { n: input.n, metrics: columns, attributes: input.attributes, tags: input.tags };
}
