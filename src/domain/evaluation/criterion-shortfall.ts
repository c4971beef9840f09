import type { MetricUnit } from '../scheme/metric-catalog';
import type { PlanCriterion } from './plan';
import { bucketTarget } from './quantile';

/** The smallest change of one criterion's metric that alone lifts the score to a target. */
export interface Shortfall {
  criterion: string;
  metric: string;
  unit: MetricUnit;
  /** The customer's value; NaN when missing. */
  current: number;
  /** What the metric must reach, e.g. `>= 95` (on-time rate) or `in [direct]` (sales model). */
  target?: { op: '>=' | '>' | '<=' | '<'; value: number } | { op: 'in'; values: string[] };
  /** target − current for numeric targets, in the metric's unit (+12400 revenue). */
  change?: number;
  /** False when even full points on this criterion leave the score short. */
  reachable: boolean;
  /** True for percentile and quantile criteria: the others' values move too. */
  estimate: boolean;
}

export interface ShortfallContext {
  /** Fraction (0…1) the criterion must reach. */
  needed: number;
  current: number;
  population: Float64Array | undefined;
  labels: readonly string[] | undefined;
}

/** Translates a needed fraction of a criterion's points into a metric target. */
export function criterionShortfall(c: PlanCriterion, ctx: ShortfallContext): Shortfall {
  const base: Shortfall = {
    criterion: c.id,
    metric: c.metric.key,
    unit: c.metric.unit,
    current: ctx.current,
    reachable: ctx.needed <= 1 + 1e-12,
    estimate: c.scoring.kind === 'percentile' || c.scoring.kind === 'quantile',
  };
  if (!base.reachable) return base;
  const need = Math.max(0, ctx.needed);
  const v = ctx.current;
  const s = c.scoring;
  let target: Shortfall['target'];
  if (s.kind === 'linear') {
    const span = s.max - s.min;
    target = c.higherIsBetter
      ? { op: '>=', value: s.min + need * span }
      : { op: '<=', value: s.max - need * span };
  } else if (s.kind === 'bands') {
    target = bandTarget(c, need, v);
  } else if (s.kind === 'percentile') {
    target = percentileTarget(
      ctx.population ?? new Float64Array(0),
      s.method,
      c.higherIsBetter,
      need,
    );
  } else if (s.kind === 'quantile') {
    // The bucket worth the needed fraction: points are maxPoints × bucket / buckets.
    const bucket = Math.max(1, Math.ceil(need * s.buckets - 1e-9));
    target = bucketTarget(
      ctx.population ?? new Float64Array(0),
      s.buckets,
      c.higherIsBetter,
      bucket,
    );
  } else {
    const values = s.map
      .filter((e) => e.points / c.maxPoints >= need - 1e-12)
      .map((e) => String(e.value));
    target = { op: 'in', values };
  }
  if (!target) return { ...base, reachable: false };
  base.target = target;
  if (target.op !== 'in' && !Number.isNaN(v)) base.change = target.value - v;
  return base;
}

/** The band nearest to the current value among those worth enough points. */
function bandTarget(c: PlanCriterion, need: number, v: number): Shortfall['target'] {
  const lo = c.bandMin!;
  const hi = c.bandMax!;
  const fr = c.bandFraction!;
  let best: Shortfall['target'];
  let bestDistance = Number.POSITIVE_INFINITY;
  for (let b = 0; b < lo.length; b++) {
    if (fr[b]! < need - 1e-12) continue;
    const min = lo[b]!;
    const max = hi[b]!;
    // A missing value has no distance; prefer the band a higher-is-better metric reaches first.
    const ref = Number.isNaN(v)
      ? c.higherIsBetter
        ? Number.NEGATIVE_INFINITY
        : Number.POSITIVE_INFINITY
      : v;
    let d: number;
    let t: Shortfall['target'];
    if (ref < min) {
      d = min - ref;
      t = { op: '>=', value: min };
    } else if (ref >= max) {
      d = ref - max;
      t = { op: '<', value: max };
    } else {
      d = 0;
      t = Number.isFinite(min) ? { op: '>=', value: min } : { op: '<', value: max };
    }
    if (d < bestDistance || (d === bestDistance && best === undefined)) {
      bestDistance = d;
      best = t;
    }
  }
  return best;
}

function percentileTarget(
  pop: Float64Array,
  method: 'cume_dist' | 'percent_rank',
  higherIsBetter: boolean,
  need: number,
): Shortfall['target'] {
  const N = pop.length;
  if (N === 0) return undefined;
  if (method === 'cume_dist') {
    const k = Math.max(1, Math.ceil(need * N - 1e-9));
    return higherIsBetter ? { op: '>=', value: pop[k - 1]! } : { op: '<=', value: pop[N - k]! };
  }
  if (N === 1) return undefined;
  const k = Math.ceil(need * (N - 1) - 1e-9);
  if (k <= 0)
    return higherIsBetter ? { op: '>=', value: pop[0]! } : { op: '<=', value: pop[N - 1]! };
  return higherIsBetter ? { op: '>', value: pop[k - 1]! } : { op: '<', value: pop[N - k]! };
}
