import { fractionFunction } from './criterion-fraction';
import type { Plan, PlanCriterion } from './plan';
import { presentValues, scoreCriterion } from './score-criteria';

/** Scores keep six decimals: sums of the same points then compare equal in any order. */
export const SCORE_DECIMALS = 6;
const STEP = 10 ** SCORE_DECIMALS;
/** Rounds a score to its six decimals. */
export const roundScore = (x: number) => Math.round(x * STEP) / STEP;

/** What scoring reads besides the plan. */
export interface ScoringColumns {
  n: number;
  columns: ReadonlyMap<string, Float64Array>;
  segment: Uint8Array | null;
  categories?: Readonly<Record<string, readonly string[]>> | undefined;
}

export interface ScoreTotals {
  /** 0…scale, six decimals; NaN outside the segment. */
  score: Float64Array;
  /**
   * Σ weights the customer is scored on, by row; null when every customer is scored on all
   * criteria (no `exclude` policy), the common case that needs no array.
   */
  weightSum: Float64Array | null;
  /** Per criterion: the sorted population of a percentile criterion. */
  populations: (Float64Array | undefined)[];
}

/**
 * Weighted total: score = scale × Σ wᵢ·fᵢ / Σ wᵢ over the criteria the customer is scored on
 * (fᵢ = fraction of the criterion's maxPoints), summed in criterion order. A criterion
 * excluded for a missing value drops out of both sums, so the others are rescaled to the full
 * scale. A customer with every criterion excluded, or a scheme without criteria, scores 0.
 */
export function totalScores(
  plan: Plan,
  s: ScoringColumns,
  populations?: (Float64Array | undefined)[],
): ScoreTotals {
  const { n, segment } = s;
  const score = new Float64Array(n);
  const excludes = plan.criteria.some((c) => c.missing.policy === 'exclude');
  const weightSum = excludes ? new Float64Array(n) : null;
  const pops = populations ?? percentilePopulations(plan, s);
  plan.criteria.forEach((c, k) => {
    const values = s.columns.get(c.metric.key)!;
    scoreCriterion(c, values, segment, s.categories?.[c.metric.key], { score, weightSum }, pops[k]);
  });
  finalizeScores(plan, score, weightSum, segment);
  return { score, weightSum, populations: pops };
}

/**
 * The same totals from kept per-criterion fractions, added in the same order so the result is
 * bit for bit what totalScores gives: what-if steps that change weights use it.
 */
export function totalsFromFractions(
  plan: Plan,
  fractions: readonly Float64Array[],
  s: ScoringColumns,
  populations: (Float64Array | undefined)[],
): ScoreTotals {
  const { n, segment } = s;
  const score = new Float64Array(n);
  const weightSum = plan.criteria.some((c) => c.missing.policy === 'exclude')
    ? new Float64Array(n)
    : null;
  plan.criteria.forEach((c, k) => {
    const f = fractions[k]!;
    const w = c.weight;
    for (let i = 0; i < n; i++) {
      const x = f[i]!;
      if (Number.isNaN(x)) continue;
      score[i]! += w * x;
      if (weightSum) weightSum[i]! += w;
    }
  });
  finalizeScores(plan, score, weightSum, segment);
  return { score, weightSum, populations };
}

function finalizeScores(
  plan: Plan,
  score: Float64Array,
  weightSum: Float64Array | null,
  segment: Uint8Array | null,
): void {
  const total = plan.criteria.reduce((t, c) => t + c.weight, 0);
  const scale = plan.scale;
  for (let i = 0; i < score.length; i++) {
    if (segment && !segment[i]) score[i] = Number.NaN;
    else {
      const d = weightSum ? weightSum[i]! : total;
      score[i] = d > 0 ? roundScore((scale * score[i]!) / d) : 0;
    }
  }
}

/**
 * The sorted populations of the plan's percentile and quantile criteria (undefined for the
 * others): the segment's customers with a value.
 */
export function percentilePopulations(plan: Plan, s: ScoringColumns): (Float64Array | undefined)[] {
  return plan.criteria.map((c) =>
    c.scoring.kind === 'percentile' || c.scoring.kind === 'quantile'
      ? presentValues(s.columns.get(c.metric.key)!, s.segment)
      : undefined,
  );
}

/** Per criterion and row, the fraction of maxPoints earned (NaN when excluded or outside). */
export function criterionFractions(
  plan: Plan,
  s: ScoringColumns,
  populations: (Float64Array | undefined)[],
): Float64Array[] {
  return plan.criteria.map((c, k) => {
    const fraction = new Float64Array(s.n);
    const values = s.columns.get(c.metric.key)!;
    scoreCriterion(
      c,
      values,
      s.segment,
      s.categories?.[c.metric.key],
      { fraction },
      populations[k],
    );
    return fraction;
  });
}

/** One customer's fraction of a criterion's points, missing policy applied (NaN when excluded). */
export function rowFraction(
  c: PlanCriterion,
  v: number,
  population: Float64Array | undefined,
  labels: readonly string[] | undefined,
): number {
  const one = fractionFunction(c, population, labels);
  if (!Number.isNaN(v)) return one(v);
  if (c.missing.policy === 'exclude') return Number.NaN;
  return c.missing.policy === 'value' ? one(c.missing.value) : 0;
}

/**
 * Points of each criterion on the score scale (they add up to the score up to its six-decimal
 * rounding): fraction × weight × scale / Σ weights scored; NaN when excluded or outside the
 * segment.
 */
export function criterionPoints(
  plan: Plan,
  fractions: readonly Float64Array[],
  weightSum: Float64Array | null,
): Float64Array[] {
  const total = plan.criteria.reduce((t, c) => t + c.weight, 0);
  return plan.criteria.map((c, k) => {
    const f = fractions[k]!;
    const n = f.length;
    const p = new Float64Array(n);
    const ws = c.weight * plan.scale;
    if (weightSum) {
      for (let i = 0; i < n; i++) {
        const d = weightSum[i]!;
        p[i] = d > 0 ? (f[i]! * ws) / d : Number.NaN;
      }
    } else {
      const m = total > 0 ? ws / total : Number.NaN;
      for (let i = 0; i < n; i++) p[i] = f[i]! * m;
    }
    return p;
  });
}
