import { applyOverrides } from './apply-overrides';
import { type ConditionColumns, conditionMask } from './condition-mask';
import { cumulativeCut, rankCumulative, shareUnits } from './cumulative-share';
import type { EvaluationInput } from './evaluation-input';
import { Flag, type Plan, TierSource } from './plan';
import { quotaCounts } from './quota-counts';
import { rankOrder } from './rank-order';
import { applyGates, applyHysteresis } from './tier-adjustments';

/**
 * Tier assignment runs in this fixed order:
 * 1. segment: customers outside `appliesTo` get no tier (-1) and no score;
 * 2. rules, in listed order; the first that holds places the customer;
 * 3. provisional: customers younger than minTenureMonths are flagged; with a provisional
 *    tier they get it here and are left out of the ranking;
 * 4. ranking of everyone else: thresholds (best tier whose minScore the score reaches),
 *    quotas of the ranked list (rankOrder + quotaCounts), or cumulative-share lines of a metric
 *    (cumulative-share.ts); percentages and shares are of these customers;
 * 5. default tier for whoever is still without one (below every threshold);
 * 6. hysteresis against the previous run (never for provisional-tier customers);
 * 7. gates: a customer whose tier has a failing gate falls one tier, repeatedly;
 * 8. overrides replace the tier outright (gates do not apply to an approved override).
 */

/** The outcome of steps 1–3, which no what-if change can alter. */
export interface PreRanking {
  /** Tier from a rule or the provisional tier, else -1. */
  tier: Int16Array;
  rule: Int16Array;
  source: Uint8Array;
  flags: Uint8Array;
  /** In-segment rows the ranking places, ascending. */
  ranked: Int32Array;
}

/**
 * Steps 1–3: rules in order, then provisional flags and tiers; lists the in-segment rows left
 * for the ranking.
 */
export function preRank(
  plan: Plan,
  cols: ConditionColumns,
  segment: Uint8Array | null,
  input: EvaluationInput,
): PreRanking {
  const { n } = cols;
  const tier = new Int16Array(n).fill(-1);
  const rule = new Int16Array(n).fill(-1);
  const source = new Uint8Array(n);
  const flags = new Uint8Array(n);
  // Module constants read into locals: through a CommonJS interop getter a property read per
  // row costs as much as the rest of the loop.
  const { rule: RULE, provisional: PROVISIONAL } = TierSource;
  const YOUNG = Flag.provisional;
  for (const r of plan.rules) {
    const mask = conditionMask(r.when, cols);
    for (let i = 0; i < n; i++) {
      if (mask[i] && tier[i] === -1 && (!segment || segment[i])) {
        tier[i] = r.tier;
        rule[i] = r.index;
        source[i] = RULE;
      }
    }
  }
  const prov = plan.provisional;
  if (prov) {
    const tenure = input.tenureMonths!;
    for (let i = 0; i < n; i++) {
      if ((segment && !segment[i]) || !(tenure[i]! < prov.minTenureMonths)) continue;
      flags[i]! |= YOUNG;
      if (prov.tier >= 0 && tier[i] === -1) {
        tier[i] = prov.tier;
        source[i] = PROVISIONAL;
      }
    }
  }
  let count = 0;
  for (let i = 0; i < n; i++) if (tier[i] === -1 && (!segment || segment[i])) count++;
  const ranked = new Int32Array(count);
  for (let i = 0, j = 0; i < n; i++)
    if (tier[i] === -1 && (!segment || segment[i])) ranked[j++] = i;
  return { tier, rule, source, flags, ranked };
}

export interface Assignment {
  tier: Int16Array;
  rule: Int16Array;
  source: Uint8Array;
  flags: Uint8Array;
  belowCount: Uint16Array;
  /** Per tier: its score line — minScore, or the lowest score a quota admitted; NaN if none. */
  lines: Float64Array;
  /**
   * Quota and cumulative-share rankings: ranked rows best first (reusable while scores — for
   * cumulative shares, the metric — stay the same).
   */
  order: Int32Array | null;
  /** Cumulative-share rankings: where each customer stands on the running total. */
  cumulative: CumulativeShares | null;
}

/** Where the customers of a cumulative-share ranking stand, for explanations and reports. */
export interface CumulativeShares {
  /** The metric key added up. */
  metric: string;
  /** Cumulative share in percent at each row, its own value counted; NaN for rows not counted. */
  share: Float64Array;
  /**
   * Per tier: the metric value of the last counted customer its line admitted (the lowest
   * value in the tier; a customer above it would rank ahead of it); NaN when none.
   */
  floor: Float64Array;
  /** Per tier: its line (upTo) in percent; NaN for tiers without one. */
  upTo: Float64Array;
}

/** Steps 4–8, given scores and the pre-ranking; `order` reuses an earlier ranking of the same scores. */
export function finishAssignment(
  plan: Plan,
  input: EvaluationInput,
  cols: ConditionColumns,
  score: Float64Array,
  pre: PreRanking,
  order: Int32Array | null = null,
): Assignment {
  const tier = pre.tier.slice();
  const source = pre.source.slice();
  const flags = pre.flags.slice();
  const lines = new Float64Array(plan.tiers.length).fill(Number.NaN);
  const { threshold: THRESHOLD, quota: QUOTA, default: DEFAULT } = TierSource;
  const r = plan.ranking;
  let cumulative: CumulativeShares | null = null;
  if (r?.kind === 'thresholds') {
    const list = [...r.minScore].map((min, t) => ({ t, min })).filter((x) => !Number.isNaN(x.min));
    for (const { t, min } of list) lines[t] = min;
    const ranked = pre.ranked;
    for (let j = 0; j < ranked.length; j++) {
      const i = ranked[j]!;
      const s = score[i]!;
      for (const { t, min } of list) {
        if (s >= min) {
          tier[i] = t;
          source[i] = THRESHOLD;
          break;
        }
      }
    }
  } else if (r?.kind === 'quotas') {
    order ??= rankOrder(pre.ranked, {
      score,
      tieBreaks: r.tieBreak.map((t) => ({ values: cols.metrics.get(t.metric)!, order: t.order })),
      codes: input.codes,
    });
    const ranked = order;
    const counts = quotaCounts(ranked.length, r.basisPoints, r.rounding);
    let j = 0;
    for (let q = 0; q < counts.length; q++) {
      const t = r.tiers[q]!;
      const end = j + counts[q]!;
      for (; j < end; j++) {
        const i = ranked[j]!;
        tier[i] = t;
        source[i] = QUOTA;
      }
      // The quota line: the lowest score this tier admitted.
      if (counts[q]! > 0) lines[t] = score[ranked[j - 1]!]!;
    }
  } else if (r?.kind === 'cumulative_share') {
    const values = cols.metrics.get(r.metric)!;
    order ??= rankCumulative(
      pre.ranked,
      values,
      r.tieBreak.map((t) => ({ values: cols.metrics.get(t.metric)!, order: t.order })),
      input.codes,
    );
    cumulative = cumulativeTiers(r, values, order, tier, source, plan.tiers.length);
  }
  if (plan.defaultTier >= 0) {
    const ranked = pre.ranked;
    for (let j = 0; j < ranked.length; j++) {
      const i = ranked[j]!;
      if (tier[i] === -1) {
        tier[i] = plan.defaultTier;
        source[i] = DEFAULT;
      }
    }
  }
  const belowCount = applyHysteresis(plan, input, score, tier, source, flags, lines);
  applyGates(plan, cols, tier, flags);
  applyOverrides(plan, input, tier, source, flags);
  return {
    tier,
    rule: pre.rule,
    source,
    flags,
    belowCount,
    lines,
    order: r?.kind === 'quotas' || r?.kind === 'cumulative_share' ? order : null,
    cumulative,
  };
}

/** Step 4 for cumulative-share rankings: tiers along the ranked list (see cumulativeCut). */
function cumulativeTiers(
  r: Extract<NonNullable<Plan['ranking']>, { kind: 'cumulative_share' }>,
  values: Float64Array,
  order: Int32Array,
  tier: Int16Array,
  source: Uint8Array,
  tierCount: number,
): CumulativeShares {
  const cut = cumulativeCut(order, values, r.basisPoints);
  const share = new Float64Array(tier.length).fill(Number.NaN);
  const floor = new Float64Array(tierCount).fill(Number.NaN);
  const upTo = new Float64Array(tierCount).fill(Number.NaN);
  r.tiers.forEach((t, k) => {
    upTo[t] = r.basisPoints[k]! / 100;
  });
  const SHARE = TierSource.share;
  for (let j = 0; j < order.length; j++) {
    const i = order[j]!;
    const t = r.tiers[cut.slot[j]!]!;
    tier[i] = t;
    source[i] = SHARE;
    share[i] = cut.share[j]!;
    // Descending order: the last counted customer of a tier has its lowest counted value.
    if (shareUnits(values[i]!) > 0) floor[t] = values[i]!;
  }
  return { metric: r.metric, share, floor, upTo };
}
