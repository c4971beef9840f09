import type { Scores } from './clv-score';

/** Buckets of the CLV histogram below the cap; one more bucket holds everything above. */
const CLV_BUCKETS = 20;
const ALIVE_BUCKETS = 10;

/** What the CLV page draws of a model's predictions, computed once when the model is stored. */
export interface ClvDistribution {
  customers: number;
  /** CLV figures in minor units; null when the model has no spend part. */
  clv: {
    totalMinor: number;
    meanMinor: number;
    quantilesMinor: {
      p10: number;
      p25: number;
      p50: number;
      p75: number;
      p90: number;
      p99: number;
      max: number;
    };
    /** Share of the total CLV held by the top 20 % of customers (0 when the total is 0). */
    top20Share: number;
    /**
     * Histogram: bucket k counts CLV in [k·width, (k+1)·width) minor units for k < buckets; the
     * last entry counts CLV ≥ buckets·width (the long tail above the 99th percentile).
     */
    widthMinor: number;
    counts: number[];
  } | null;
  /** Customers per P(alive) tenth: [0, 0.1), …, [0.9, 1]. */
  pAliveCounts: number[];
  pAliveMean: number;
  expectedPurchasesTotal: number;
}

/** A "round" bucket width (1, 2 or 5 times a power of ten) at least `raw`. */
function niceWidth(raw: number): number {
  if (raw <= 1) return 1;
  const p = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * p >= raw) return m * p;
  return 10 * p;
}

/** The value at quantile q of sorted values (nearest rank). */
function at(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** Summaries of a model's scores for the page (one native sort of the CLV column). */
export function distributionOf(s: Scores): ClvDistribution {
  const n = s.pAlive.length;
  const pAliveCounts = new Array<number>(ALIVE_BUCKETS).fill(0);
  let aliveSum = 0;
  let expectedTotal = 0;
  for (let i = 0; i < n; i++) {
    const p = s.pAlive[i]!;
    aliveSum += p;
    expectedTotal += s.expectedPurchases[i]!;
    pAliveCounts[Math.min(ALIVE_BUCKETS - 1, Math.floor(p * ALIVE_BUCKETS))]!++;
  }
  let clv: ClvDistribution['clv'] = null;
  if (s.clv) {
    const minor = s.clv.map((v) => Math.round(v * 100));
    const sorted = minor.slice().sort();
    let total = 0;
    for (const v of sorted) total += v;
    let top = 0;
    const topCount = Math.ceil(0.2 * n);
    for (let i = n - topCount; i < n; i++) top += sorted[i]!;
    const p99 = at(sorted, 0.99);
    const width = niceWidth(p99 / CLV_BUCKETS);
    const counts = new Array<number>(CLV_BUCKETS + 1).fill(0);
    for (const v of sorted) counts[Math.min(CLV_BUCKETS, Math.floor(Math.max(0, v) / width))]!++;
    clv = {
      totalMinor: total,
      meanMinor: n > 0 ? total / n : 0,
      quantilesMinor: {
        p10: at(sorted, 0.1),
        p25: at(sorted, 0.25),
        p50: at(sorted, 0.5),
        p75: at(sorted, 0.75),
        p90: at(sorted, 0.9),
        p99,
        max: n > 0 ? sorted[n - 1]! : 0,
      },
      top20Share: total > 0 ? top / total : 0,
      widthMinor: width,
      counts,
    };
  }
  return {
    customers: n,
    clv,
    pAliveCounts,
    pAliveMean: n > 0 ? aliveSum / n : 0,
    expectedPurchasesTotal: expectedTotal,
  };
}
