import { invalidOption } from './check-columns';
import { sortedShares } from './sorted-values';

/** The pyramid levels, top first (seed 004 「客户利润金字塔」: 关键 / 重要 / 普通 / 小客户). */
export const PYRAMID_LEVELS = [
  { key: 'key', zh: '关键客户', en: 'Key' },
  { key: 'important', zh: '重要客户', en: 'Important' },
  { key: 'ordinary', zh: '普通客户', en: 'Ordinary' },
  { key: 'small', zh: '小客户', en: 'Small' },
] as const;

export type PyramidLevelKey = (typeof PYRAMID_LEVELS)[number]['key'];

/**
 * Default cumulative profit-share cut points. Seed 000 (logistics section): 5% of customers
 * bring 80% of profit, the next 15% bring 15%, the other 80% bring 5% — so key customers are
 * those who make up the first 80%, important ones the next 15% (to 95%); 99% separates the
 * ordinary customers from the small ones who bring the last 1%.
 */
export const DEFAULT_PYRAMID_CUTS: readonly [number, number, number] = [0.8, 0.95, 0.99];

export interface PyramidLevel {
  key: PyramidLevelKey;
  zh: string;
  en: string;
  customers: number;
  /** customers / n; the four sum to 1. */
  customerShare: number;
  /** Σ value of the level's customers, losses included (net). */
  value: number;
  /** The level's share of the positive total (losses count 0); the four sum to 1 when anything is positive, else all 0. */
  valueShare: number;
  /** Smallest value in the level (the level's entry bar); NaN-free: 0 for an empty level. */
  minValue: number;
}

export interface ValuePyramid {
  /** Level index (0 = key … 3 = small) per customer, in input order. */
  level: Uint8Array;
  levels: PyramidLevel[];
}

/**
 * The value pyramid by cumulative profit share. Customers are ranked by value, largest first;
 * walking down, a customer joins the first level whose cut the running total *before* it has
 * not reached (the customer whose value crosses a cut still belongs to the level above — the
 * same rule as cumulative-share tiers in the evaluation engine), so the top customer is always
 * key. Equal values always share a level (the level of the first of them), so the result does
 * not depend on input order and needs no customer id. Customers with value ≤ 0 bring nothing
 * to the positive total and sit at the bottom (small); losses are kept in each level's net value.
 * All-zero input: everyone is small, value shares all 0.
 */
export function valuePyramid(
  values: ArrayLike<number>,
  cuts: readonly number[] = DEFAULT_PYRAMID_CUTS,
  field = 'profit',
): ValuePyramid {
  if (
    cuts.length !== 3 ||
    cuts.some((c, i) => !(c > 0 && c < 1) || (i > 0 && !(c > cuts[i - 1]!)))
  ) {
    invalidOption('valuePyramid', 'cuts', cuts, 'three increasing fractions in (0, 1)');
  }
  const { sorted, total } = sortedShares(field, values);
  const n = sorted.length;
  const levelsCount = PYRAMID_LEVELS.length;
  const limit = cuts.map((c) => c * total);
  // Entry bar of each level: a customer with v > 0 takes the first level with v ≥ bar.
  const bar = new Float64Array(levelsCount).fill(Number.POSITIVE_INFINITY);
  let t = 0;
  let before = 0;
  let previous = Number.NaN;
  for (let i = n - 1; i >= 0; i--) {
    const v = sorted[i]!;
    if (v <= 0) break;
    if (v !== previous) {
      while (t < levelsCount - 1 && !(before < limit[t]!)) t++;
      previous = v;
    }
    bar[t] = v;
    before += v;
  }
  const level = new Uint8Array(n);
  const counts = new Float64Array(levelsCount);
  const net = new Float64Array(levelsCount);
  const positive = new Float64Array(levelsCount);
  const min = new Float64Array(levelsCount).fill(Number.POSITIVE_INFINITY);
  const bottom = levelsCount - 1;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    let l = bottom;
    if (v > 0) {
      l = 0;
      while (l < bottom && v < bar[l]!) l++;
      positive[l]! += v;
    }
    level[i] = l;
    counts[l]!++;
    net[l]! += v;
    if (v < min[l]!) min[l] = v;
  }
  const levels = PYRAMID_LEVELS.map((d, l): PyramidLevel => {
    const minValue = min[l]!;
    return {
      ...d,
      customers: counts[l]!,
      customerShare: counts[l]! / n,
      value: net[l]!,
      valueShare: total > 0 ? positive[l]! / total : 0,
      minValue: Number.isFinite(minValue) ? minValue : 0,
    };
  });
  return { level, levels };
}
