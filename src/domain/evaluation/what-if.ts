import { DomainError } from '../errors';
import type { Scheme, SchemeInput } from '../scheme/scheme.schema';
import { compileScheme } from './compile-scheme';
import {
  type EvaluationResult,
  type EvaluationWork,
  evaluate,
  finish,
  fractionsOf,
} from './evaluate';
import type { EvaluationInput } from './evaluation-input';
import type { Plan } from './plan';
import { quotaCounts } from './quota-counts';
import { codesAscending, rankOrder } from './rank-order';
import { roundScore } from './score-total';

/** Changes a manager tries live: by tier id and criterion id. */
export interface WhatIfChanges {
  thresholds?: Readonly<Record<string, number>>;
  quotas?: Readonly<Record<string, number>>;
  weights?: Readonly<Record<string, number>>;
}

export interface WhatIfResult {
  plan: Plan;
  result: EvaluationResult;
  /** Notes such as a weight total that no longer matches weightsMustSumTo. */
  warnings: string[];
}

const bad = (message: string) => new DomainError('VALIDATION', message);

/**
 * The scheme document with the changes applied. Weights may stop adding up to
 * weightsMustSumTo while a slider moves; the requirement is then dropped from the copy (scores
 * are normalised by the weight total anyway) and a warning says so.
 */
export function applyWhatIf(
  scheme: Scheme,
  changes: WhatIfChanges,
): { scheme: SchemeInput; warnings: string[] } {
  const s = structuredClone(scheme) as Scheme;
  const warnings: string[] = [];
  const r = s.assignment.ranking;
  if (changes.thresholds) {
    if (r?.kind !== 'thresholds') throw bad('this scheme ranks by quotas, not thresholds');
    for (const [tier, minScore] of Object.entries(changes.thresholds)) {
      const t = r.thresholds.find((x) => x.tier === tier);
      if (!t) throw bad(`tier ${tier} has no threshold in this scheme`);
      t.minScore = minScore;
    }
  }
  if (changes.quotas) {
    if (r?.kind !== 'quotas') throw bad('this scheme ranks by thresholds, not quotas');
    for (const [tier, percent] of Object.entries(changes.quotas)) {
      const q = r.quotas.find((x) => x.tier === tier);
      if (!q) throw bad(`tier ${tier} has no quota in this scheme`);
      q.percent = percent;
    }
  }
  if (changes.weights) {
    for (const [id, weight] of Object.entries(changes.weights)) {
      const c = s.criteria.find((x) => x.id === id);
      if (!c) throw bad(`unknown criterion ${id}`);
      c.weight = weight;
    }
    const must = s.score.weightsMustSumTo;
    const sum = s.criteria.reduce((t, c) => t + c.weight, 0);
    if (must !== undefined && Math.abs(sum - must) > 1e-9) {
      warnings.push(
        `weights add up to ${Math.round(sum * 1e6) / 1e6}, not ${must}; scores are rescaled to the full scale`,
      );
      delete s.score.weightsMustSumTo;
    }
  }
  return { scheme: s, warnings };
}

/**
 * Re-evaluates with changed thresholds, quotas or weights. Given the base result of the same
 * plan and input, it skips what the change cannot affect: rules and the segment always; with
 * new weights, metric scoring (the criterion fractions are kept after the first such step and
 * only re-added) and the full quota ranking (the tie-break order is kept and the new scores
 * only cut it into tiers, see quotaCut); with only thresholds or quotas changed, the scores
 * and the quota ranking too (a quota change is then one pass over the ranked list). Without a
 * base it evaluates in full. The result equals evaluate(compileScheme(changed scheme), input),
 * except that after a weight change `work.order` is null (no full ranking was made).
 */
export function whatIf(
  plan: Plan,
  input: EvaluationInput,
  changes: WhatIfChanges,
  base?: EvaluationResult,
): WhatIfResult {
  const { scheme, warnings } = applyWhatIf(plan.scheme, changes);
  const next = compileScheme(scheme);
  if (!base) return { plan: next, result: evaluate(next, input), warnings };
  if (base.n !== input.n) throw bad('the base result belongs to another input');
  const weightsChanged = changes.weights !== undefined && Object.keys(changes.weights).length > 0;
  if (!weightsChanged) {
    // Same scores, same ranking: only the cut (thresholds or quota counts) moves.
    return { plan: next, result: finish(next, input, base.work, base.score), warnings };
  }
  // New weights: re-add the kept criterion fractions with the new weights, rank the new
  // scores, and hand both to the second half of the evaluation as if they had been reused.
  const fractions = fractionsOf(plan, base.work, input.n);
  const totals = weightedTotals(next, fractions, base.work.segment, input.n);
  const cut = quotaCut(next, input, base.work, totals.score);
  const work = { ...base.work, order: cut?.order ?? null, weightSum: totals.weightSum };
  const result = finish(next, input, work, totals.score);
  // A cut order is not a full ranking: nothing may reuse it as one (a later quota step on
  // this result ranks again).
  if (cut && !cut.ranking) result.work.order = null;
  return { plan: next, result, warnings };
}

/**
 * scale × Σ wᵢfᵢ / Σ wᵢ per row from kept fractions (NaN = excluded), rounded like every
 * score: the same additions in the same order per row as totalsFromFractions (criterion 0
 * first, starting from 0), so the scores are bit for bit equal. One pass over the rows with
 * the criteria inside, instead of a pass per criterion reading and writing the score array
 * again: measured on a million rows of ABCD's eight criteria (interleaved runs, minimum),
 * ~50 ms against ~115 ms, and against ~130 ms for a branch-free variant (NaN read as 0).
 */
function weightedTotals(
  plan: Plan,
  fractions: readonly Float64Array[],
  segment: Uint8Array | null,
  n: number,
): { score: Float64Array; weightSum: Float64Array | null } {
  const k = plan.criteria.length;
  const weights = Float64Array.from(plan.criteria, (c) => c.weight);
  const total = plan.criteria.reduce((t, c) => t + c.weight, 0);
  const perRow = plan.criteria.some((c) => c.missing.policy === 'exclude');
  const score = new Float64Array(n);
  const weightSum = perRow ? new Float64Array(n) : null;
  const scale = plan.scale;
  for (let i = 0; i < n; i++) {
    if (segment && !segment[i]) {
      score[i] = Number.NaN;
      continue;
    }
    let s = 0;
    let d = 0;
    for (let c = 0; c < k; c++) {
      const x = fractions[c]![i]!;
      // NaN: an excluded criterion adds neither points nor weight.
      if (Number.isNaN(x)) continue;
      const w = weights[c]!;
      s += w * x;
      d += w;
    }
    if (weightSum) weightSum[i] = d;
    else d = total;
    score[i] = d > 0 ? roundScore((scale * s) / d) : 0;
  }
  return { score, weightSum };
}

/**
 * The rows a quota ranking orders (work.pre.ranked) sorted by every key but the score: the
 * tie-break columns, then the code; and each row's position in that order. Weights change
 * the scores only, so this is computed once per evaluation and kept beside its fraction cache
 * (which every result derived from the same evaluation shares).
 */
const tieOrders = new WeakMap<object, { key: string; order: Int32Array; position: Int32Array }>();

/** Score steps: scores carry six decimals (score-total.ts). */
const SCORE_STEPS = 1e6;

/**
 * An order of the ranked rows that quota assignment can cut exactly as it would cut the full
 * ranking (score descending, then tie-breaks, then code), or null for schemes not ranked by
 * quotas. `ranking` says whether it is that full ranking.
 *
 * Cutting needs less than sorting: every quota tier must receive the right set of rows, and
 * the last row of each tier must be its lowest-ranked one (its score is the tier's line).
 * So the rows are bucketed by the high bits of their score (one counting pass, in row order),
 * and only the buckets holding a tier's last position are sorted exactly, by the low bits of
 * the score and then the row's place in the kept tie order; every other bucket lies wholly
 * inside one tier. This is the full ranking's cut because rows in better buckets rank before
 * rows in worse ones. Falls back to a stable sort of the kept tie order by score (the full
 * ranking) when a score is not a whole number of steps, and to rankOrder when rows are not in
 * code order (its tie rules then need the codes).
 */
function quotaCut(
  plan: Plan,
  input: EvaluationInput,
  work: EvaluationWork,
  score: Float64Array,
): { order: Int32Array; ranking: boolean } | null {
  const r = plan.ranking;
  if (r?.kind !== 'quotas') return null;
  const tieBreaks = r.tieBreak.map((t) => ({
    values: work.columns.get(t.metric)!,
    order: t.order,
  }));
  const ranked = work.pre.ranked;
  if (!codesAscending(input.codes)) {
    return { order: rankOrder(ranked, { score, tieBreaks, codes: input.codes }), ranking: true };
  }
  const key = JSON.stringify(r.tieBreak);
  let kept = tieOrders.get(work.cache);
  if (kept?.key !== key) {
    // A constant score leaves only the tie-break keys and the code to order by.
    const order = rankOrder(ranked, {
      score: new Float64Array(input.n),
      tieBreaks,
      codes: input.codes,
    });
    const position = new Int32Array(input.n);
    for (let j = 0; j < order.length; j++) position[order[j]!] = j;
    kept = { key, order, position };
    tieOrders.set(work.cache, kept);
  }
  const m = ranked.length;
  const steps = new Uint32Array(m);
  let best = 0;
  for (let j = 0; j < m; j++) {
    const s = score[ranked[j]!]!;
    const k = Math.round(s * SCORE_STEPS);
    if (!(k >= 0 && k <= 0xffffffff && k / SCORE_STEPS === s)) {
      const order = rankOrder(kept.order, { score, tieBreaks: [], codes: input.codes });
      return { order, ranking: true };
    }
    steps[j] = k;
    if (k > best) best = k;
  }
  // Bucket b holds the rows whose distance below the best score has high bits b: bucket 0 is
  // the best. At most 2^16 buckets; the low `shift` bits order rows inside a bucket.
  const shift = Math.max(0, 32 - Math.clz32(best) - 16);
  const buckets = (best >>> shift) + 1;
  const start = new Int32Array(buckets + 1);
  for (let j = 0; j < m; j++) start[((best - steps[j]!) >>> shift) + 1]!++;
  for (let b = 0; b < buckets; b++) start[b + 1]! += start[b]!;
  // Buckets holding the last position of a non-empty quota tier are sorted exactly.
  const exact = new Uint8Array(buckets);
  const counts = quotaCounts(m, r.basisPoints, r.rounding);
  let end = 0;
  for (let q = 0; q < counts.length; q++) {
    end += counts[q]!;
    if (counts[q]! === 0) continue;
    let lo = 0;
    let hi = buckets - 1;
    // The bucket b with start[b] ≤ end − 1 < start[b + 1].
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (start[mid]! <= end - 1) lo = mid;
      else hi = mid - 1;
    }
    exact[lo] = 1;
  }
  const order = new Int32Array(m);
  const next = start.slice(0, buckets);
  const pending = new Map<number, number[]>();
  const mask = 2 ** shift - 1;
  for (let j = 0; j < m; j++) {
    const d = best - steps[j]!;
    const b = d >>> shift;
    const row = ranked[j]!;
    if (!exact[b]) {
      order[next[b]!++] = row;
      continue;
    }
    // Low score bits, then the place in the tie order: below 2^16 × 2^31, exact as a double.
    let list = pending.get(b);
    if (!list) {
      list = [];
      pending.set(b, list);
    }
    list.push((d & mask) * 2 ** 31 + kept.position[row]!);
  }
  for (const [b, list] of pending) {
    const sorted = Float64Array.from(list).sort();
    let at = start[b]!;
    for (const v of sorted) order[at++] = kept.order[v % 2 ** 31]!;
  }
  return { order, ranking: false };
}
