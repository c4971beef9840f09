import { categoryTable, fractionFunction } from './criterion-fraction';
import type { PlanCriterion } from './plan';

/**
 * Where scoring one criterion writes. The evaluation adds each criterion straight into the
 * score (weight × fraction, and the weight into `weightSum` when some criterion may be
 * excluded) without keeping a fraction array per criterion; `fraction` is filled only when
 * someone asks for per-criterion points.
 */
export interface ScoreSink {
  fraction?: Float64Array;
  score?: Float64Array;
  weightSum?: Float64Array | null;
}

/**
 * Scores one criterion for every row in the segment as a fraction (0…1) of its maxPoints.
 * A missing value (NaN) follows the criterion's policy: zero, exclude (fraction NaN, weight
 * left out of the sum) or a fixed value scored like any other. Rows outside the segment get
 * NaN and add nothing. `population` is the sorted population of a percentile criterion.
 */
export function scoreCriterion(
  c: PlanCriterion,
  values: Float64Array,
  segment: Uint8Array | null,
  labels: readonly string[] | undefined,
  sink: ScoreSink,
  population?: Float64Array,
): void {
  const n = values.length;
  const s = c.scoring;
  const one = fractionFunction(c, population, labels);
  const exclude = c.missing.policy === 'exclude';
  const missing = c.missing.policy === 'value' ? one(c.missing.value) : 0;
  const { fraction: out, score, weightSum } = sink;
  const w = c.weight;
  // One loop for every kind, adding straight into the score: measured faster than a tight
  // loop per kind writing a scratch array that a second loop adds in. The kind test is the
  // same on every row, so the branch predictor takes care of it.
  const kind =
    s.kind === 'bands' ? 0 : s.kind === 'linear' ? 1 : s.kind === 'category' && labels ? 2 : 3;
  const edges = c.edges ?? new Float64Array(0);
  const steps = c.stepFraction ?? new Float64Array(1);
  const m = edges.length;
  const lo = s.kind === 'linear' ? s.min : 0;
  const span = s.kind === 'linear' ? s.max - s.min : 1;
  const up = c.higherIsBetter;
  const table = kind === 2 ? categoryTable(c, labels!) : steps;
  const size = table.length;
  const other = s.kind === 'category' ? s.otherwise / c.maxPoints : 0;
  for (let i = 0; i < n; i++) {
    if (segment && !segment[i]) {
      if (out) out[i] = Number.NaN;
      continue;
    }
    const v = values[i]!;
    let f: number;
    if (Number.isNaN(v)) {
      if (exclude) {
        if (out) out[i] = Number.NaN;
        continue;
      }
      f = missing;
    } else if (kind === 0) {
      // The interval index is the count of band edges ≤ v (see bandSteps): no branch per band.
      let k = 0;
      for (let b = 0; b < m; b++) k += +(v >= edges[b]!);
      f = steps[k]!;
    } else if (kind === 1) {
      const t = Math.min(1, Math.max(0, (v - lo) / span));
      f = up ? t : 1 - t;
    } else if (kind === 2) {
      f = v >= 0 && v < size && v === Math.floor(v) ? table[v]! : other;
    } else {
      f = one(v);
    }
    if (out) out[i] = f;
    if (score) score[i]! += w * f;
    if (weightSum) weightSum[i]! += w;
  }
}

/** The sorted values of the segment's customers that have one (a percentile population). */
export function presentValues(values: Float64Array, segment: Uint8Array | null): Float64Array {
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    if (!Number.isNaN(values[i]!) && (!segment || segment[i])) count++;
  }
  const out = new Float64Array(count);
  let j = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isNaN(v) && (!segment || segment[i])) out[j++] = v;
  }
  return out.sort();
}
