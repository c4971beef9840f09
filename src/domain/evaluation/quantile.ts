import { lowerBound, upperBound } from './sorted-search';

/**
 * The quantile bucket (1…buckets, higher = better) of a value among a population sorted
 * ascending: 1 + ⌊buckets × worse / count⌋, where `worse` counts the population's values
 * strictly worse than v (below it when higher is better, above it otherwise).
 *
 * Ties: equal values have the same `worse`, so they always share a bucket — the lowest one
 * their values reach. Nobody is lifted into a better bucket by a tie; a large tie at the
 * top can leave the best bucket empty, and buckets hold about count / buckets customers only
 * when values are distinct. In SQL the same bucket is
 * `1 + (buckets * (rank() OVER (ORDER BY v <worse first>) - 1)) / count(*) OVER ()`.
 * A value beyond the population (a missing-value substitute, say) is capped at `buckets`.
 * NaN for an empty population.
 */
export function quantileBucket(
  population: Float64Array,
  buckets: number,
  higherIsBetter: boolean,
): (v: number) => number {
  const count = population.length;
  return (v) => {
    if (count === 0 || Number.isNaN(v)) return Number.NaN;
    const worse = higherIsBetter ? lowerBound(population, v) : count - upperBound(population, v);
    return Math.min(buckets, 1 + Math.floor((buckets * worse) / count));
  };
}

/**
 * The smallest change that puts a value in bucket `bucket` or better, as a comparison with a
 * population value: `> x` (higher is better) or `< x`; undefined when any value will do.
 * An estimate for a customer in the population: moving its own value moves the others' counts.
 */
export function bucketTarget(
  population: Float64Array,
  buckets: number,
  higherIsBetter: boolean,
  bucket: number,
): { op: '>' | '<' | '>=' | '<='; value: number } | undefined {
  const count = population.length;
  if (count === 0) return undefined;
  // bucket b needs ⌊buckets·worse/count⌋ ≥ b − 1, i.e. worse ≥ ⌈(b − 1)·count / buckets⌉.
  const worse = Math.ceil(((Math.min(bucket, buckets) - 1) * count) / buckets);
  if (worse <= 0)
    return higherIsBetter
      ? { op: '>=', value: population[0]! }
      : { op: '<=', value: population[count - 1]! };
  if (worse > count) return undefined;
  return higherIsBetter
    ? { op: '>', value: population[worse - 1]! }
    : { op: '<', value: population[count - worse]! };
}
