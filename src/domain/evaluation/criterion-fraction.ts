import { DomainError } from '../errors';
import type { PlanCriterion } from './plan';
import { quantileBucket } from './quantile';
import { lowerBound, upperBound } from './sorted-search';

/** The fraction of maxPoints a present value earns under criterion c, whatever its kind. */
export function fractionFunction(
  c: PlanCriterion,
  population: Float64Array | undefined,
  labels: readonly string[] | undefined,
): (v: number) => number {
  const s = c.scoring;
  if (s.kind === 'percentile')
    return percentileFraction(population ?? new Float64Array(0), s.method, c.higherIsBetter);
  if (s.kind === 'category') return categoryFraction(c, labels);
  if (s.kind === 'quantile') {
    const bucket = quantileBucket(population ?? new Float64Array(0), s.buckets, c.higherIsBetter);
    // An empty population only happens for a missing-value substitute: it earns nothing.
    return (v) => {
      const b = bucket(v);
      return Number.isNaN(b) ? 0 : b / s.buckets;
    };
  }
  return valueFraction(c);
}

/** Fraction of maxPoints that a value earns under a bands or linear criterion. */
export function valueFraction(c: PlanCriterion): (v: number) => number {
  const s = c.scoring;
  if (s.kind === 'bands') {
    const lo = c.bandMin!;
    const hi = c.bandMax!;
    const fr = c.bandFraction!;
    return (v) => {
      for (let b = 0; b < lo.length; b++) if (v >= lo[b]! && v < hi[b]!) return fr[b]!;
      return 0;
    };
  }
  if (s.kind === 'linear') {
    const span = s.max - s.min;
    const up = c.higherIsBetter;
    return (v) => {
      const t = Math.min(1, Math.max(0, (v - s.min) / span));
      return up ? t : 1 - t;
    };
  }
  throw new Error(`valueFraction does not score ${s.kind}`);
}

/**
 * Percentile of v among the population (ascending). Higher is better: cume_dist = share of
 * values ≤ v; percent_rank = (values < v)/(N − 1), 0 when N = 1, as SQL's window functions.
 * Lower is better mirrors both, counting values ≥ v and > v.
 */
export function percentileFraction(
  population: Float64Array,
  method: 'cume_dist' | 'percent_rank',
  higherIsBetter: boolean,
): (v: number) => number {
  const N = population.length;
  return (v) => {
    if (N === 0) return 0;
    const less = lowerBound(population, v);
    const leq = upperBound(population, v);
    if (method === 'cume_dist') return higherIsBetter ? leq / N : (N - less) / N;
    if (N === 1) return 0;
    return Math.min(1, (higherIsBetter ? less : N - leq) / (N - 1));
  };
}

function categoryFraction(
  c: PlanCriterion,
  labels: readonly string[] | undefined,
): (v: number) => number {
  const s = c.scoring;
  if (s.kind !== 'category') throw new Error('not a category criterion');
  const other = s.otherwise / c.maxPoints;
  if (labels) {
    const table = categoryTable(c, labels);
    return (v) => (Number.isInteger(v) && v >= 0 && v < table.length ? table[v]! : other);
  }
  const byNumber = new Map<number, number>();
  for (const e of s.map) {
    const num = typeof e.value === 'number' ? e.value : Number(e.value);
    if (!Number.isFinite(num)) {
      throw new DomainError(
        'VALIDATION',
        `criterion ${c.id} maps text values, so the input must give category labels for metric ${c.metric.key}`,
        { criterion: c.id, metric: c.metric.key },
      );
    }
    byNumber.set(num, e.points / c.maxPoints);
  }
  return (v) => byNumber.get(v) ?? other;
}

/** Fractions of maxPoints by dictionary code, for a category criterion on a text column. */
export function categoryTable(c: PlanCriterion, labels: readonly string[]): Float64Array {
  const s = c.scoring;
  if (s.kind !== 'category') throw new Error('not a category criterion');
  const other = s.otherwise / c.maxPoints;
  const byLabel = new Map(s.map.map((e) => [String(e.value), e.points / c.maxPoints]));
  return Float64Array.from(labels, (l) => byLabel.get(l) ?? other);
}
