import { criterionShortfall, type Shortfall } from './criterion-shortfall';
import { conditionColumns, type EvaluationResult } from './evaluate';
import type { EvaluationInput } from './evaluation-input';
import { type ConditionGap, conditionGap } from './explain-condition';
import { type Plan, TierSource } from './plan';
import { roundScore, rowFraction, SCORE_DECIMALS } from './score-total';

export interface RuleGap {
  rule: number;
  id?: string;
  gap: ConditionGap;
}

/** What one customer lacks for the next tier up. */
export interface Explanation {
  row: number;
  tier: number;
  /** The next better tier, or -1 at the top (or outside the segment). */
  nextTier: number;
  score: number;
  /** The score that reaches the next tier, when the ranking can lead there. */
  targetScore?: number;
  /** True for quotas and percentiles: everyone else moves too, so the target is an estimate. */
  estimate: boolean;
  /** Per criterion, the smallest change of its metric that alone reaches targetScore. */
  byCriterion: Shortfall[];
  /** Rules that would place the customer in the next tier, with the conditions they fail. */
  byRule: RuleGap[];
  /** Gates of the next tier the customer fails (needed however the tier is reached). */
  gates: ConditionGap[];
}

/** A tiny step above a quota line: scores carry six decimals. */
const STEP = 10 ** -SCORE_DECIMALS;

/**
 * Explains row i of a result: the next tier, the score it takes (a threshold, or just above
 * the lowest score the next tier's quota admitted — an estimate, since others move too), and
 * for each criterion the change of its metric that alone would close the gap, in the
 * metric's unit; plus the failing conditions of rules and gates that lead to that tier.
 */
export function explain(
  plan: Plan,
  input: EvaluationInput,
  result: EvaluationResult,
  i: number,
): Explanation {
  const tier = result.tier[i]!;
  const score = result.score[i]!;
  const out: Explanation = {
    row: i,
    tier,
    nextTier: tier > 0 ? tier - 1 : -1,
    score,
    estimate: false,
    byCriterion: [],
    byRule: [],
    gates: [],
  };
  if (tier <= 0) return out;
  const next = tier - 1;
  const cols = conditionColumns(input, result.work.columns);

  const r = plan.ranking;
  let target: number | undefined;
  if (r?.kind === 'thresholds' && !Number.isNaN(r.minScore[next]!)) target = r.minScore[next]!;
  if (r?.kind === 'quotas' && !Number.isNaN(result.lines[next]!)) {
    target = roundScore(result.lines[next]! + STEP);
    out.estimate = true;
  }
  // A customer a rule or the provisional step placed is not ranked, so its score leads nowhere.
  const ranked =
    result.source[i] !== TierSource.rule && result.source[i] !== TierSource.provisional;
  if (target !== undefined && ranked) {
    out.targetScore = target;
    if (score < target) out.byCriterion = criterionShortfalls(plan, input, result, i, target);
    if (out.byCriterion.some((s) => s.estimate)) out.estimate = true;
  }
  for (const rule of plan.rules) {
    if (rule.tier !== next) continue;
    const gap = conditionGap(rule.when, cols, i, `assignment.rules[${rule.index}].when`);
    if (gap) out.byRule.push({ rule: rule.index, ...(rule.id ? { id: rule.id } : {}), gap });
  }
  for (const g of plan.gates[next] ?? []) {
    const gap = conditionGap(g.when, cols, i, `assignment.gates[${g.index}].when`);
    if (gap) out.gates.push(gap);
  }
  return out;
}

/**
 * For each criterion c, the fraction f of its points that lifts the score to the target with
 * the other criteria unchanged: scale·(A + w·f)/W ≥ target, where A sums the others' weighted
 * fractions and W the weights the customer is scored on once c counts (a criterion excluded
 * for a missing value joins W when it gets a value).
 */
function criterionShortfalls(
  plan: Plan,
  input: EvaluationInput,
  result: EvaluationResult,
  i: number,
  target: number,
): Shortfall[] {
  const { populations, columns, categories } = result.work;
  const fractions = plan.criteria.map((c, k) =>
    rowFraction(c, columns.get(c.metric.key)![i]!, populations[k], categories?.[c.metric.key]),
  );
  let A = 0;
  let W = 0;
  plan.criteria.forEach((c, k) => {
    const f = fractions[k]!;
    if (!Number.isNaN(f)) {
      A += c.weight * f;
      W += c.weight;
    }
  });
  return plan.criteria.map((c, k) => {
    const f = fractions[k]!;
    const others = Number.isNaN(f) ? A : A - c.weight * f;
    const weights = Number.isNaN(f) ? W + c.weight : W;
    const needed = ((target * weights) / plan.scale - others) / c.weight;
    return criterionShortfall(c, {
      needed,
      current: columns.get(c.metric.key)![i]!,
      population: populations[k],
      labels: input.categories?.[c.metric.key],
    });
  });
}
