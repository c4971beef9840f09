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
  /** Cumulative-share rankings: where the customer stands on the running total. */
  share?: ShareStanding;
}

/**
 * A customer on a cumulative-share ranking: "cumulative profit share at this customer 47.3%,
 * line 50%", and what its metric must exceed for the next tier up.
 */
export interface ShareStanding {
  metric: string;
  /** The customer's value of the metric (NaN when missing). */
  value: number;
  /** Cumulative share in percent at this customer, its own value counted; NaN when not counted. */
  share: number;
  /** The line (upTo, percent) of the customer's tier. */
  line: number;
  /** The next tier's line, when there is a next tier on the ranking. */
  nextLine?: number;
  /**
   * Beat the last customer the next tier admitted (`> floor`): ranked ahead of it, the customer
   * has at most that customer's running total before it, below the line — so with the others
   * unchanged this is enough. A smaller rise can suffice when the line moves with the total.
   */
  target?: { op: '>'; value: number };
  /** target − value; absent when the value is missing. */
  change?: number;
}

/** A tiny step above a quota line: scores carry six decimals. */
const STEP = 10 ** -SCORE_DECIMALS;

/**
 * Explains row i of a result: the next tier, the score it takes (a threshold, or just above
 * the lowest score the next tier's quota admitted — an estimate, since others move too) or,
 * on a cumulative-share ranking, the customer's share, its tier's line and the metric value
 * to beat (`share`, an estimate too), and
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
  if (tier === 0 && result.cumulative && result.source[i] === TierSource.share)
    out.share = shareStanding(result, i, tier, -1);
  if (tier <= 0) return out;
  const next = tier - 1;
  const cols = conditionColumns(input, result.work.columns);

  const r = plan.ranking;
  if (
    r?.kind === 'cumulative_share' &&
    result.cumulative &&
    result.source[i] === TierSource.share
  ) {
    out.share = shareStanding(result, i, tier, next);
    // Others' values move the total and the lines with it.
    if (out.share.target) out.estimate = true;
  }
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

/** Row i on the cumulative-share ranking; `next` is -1 at the top. */
function shareStanding(
  result: EvaluationResult,
  i: number,
  tier: number,
  next: number,
): ShareStanding {
  const c = result.cumulative!;
  const value = result.work.columns.get(c.metric)![i]!;
  const out: ShareStanding = { metric: c.metric, value, share: c.share[i]!, line: c.upTo[tier]! };
  if (next < 0 || Number.isNaN(c.upTo[next]!)) return out;
  out.nextLine = c.upTo[next]!;
  const floor = c.floor[next]!;
  if (!Number.isNaN(floor)) {
    out.target = { op: '>', value: floor };
    if (!Number.isNaN(value)) out.change = floor - value;
  }
  return out;
}
