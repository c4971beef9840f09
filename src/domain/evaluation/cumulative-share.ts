import { rankOrder, type TieBreakColumn } from './rank-order';

/**
 * A metric value in whole hundredths (cents for money), rounded half up; 0 for a missing or
 * non-positive value. Running totals of these are exact integers, so where a line falls does
 * not depend on the order floating-point additions happen in, and SQL agrees to the customer.
 */
export function shareUnits(v: number): number {
  return v > 0 ? Math.floor(v * 100 + 0.5) : 0;
}

export interface CumulativeCut {
  /** Line slot (0 = first, best line) per position of `order`. */
  slot: Int16Array;
  /** Cumulative share in percent at each position, counting its own value; NaN when not counted. */
  share: Float64Array;
  /** Σ hundredths of the counted customers (values above 0). */
  total: number;
}

/**
 * Cuts a ranked list by cumulative share. `order` lists rows best first (metric desc), `values`
 * the metric by row, `basisPoints` the ascending lines (last 10000). With T the total and C the
 * running total before a customer, the customer takes the first line L with C < L·T: the
 * customer whose value crosses a line still belongs to the tier above it, and the first
 * customer always takes the first line. Customers whose value is missing or rounds to 0 or
 * less add nothing and take the last line. Exact while T stays below 2^53 hundredths.
 */
export function cumulativeCut(
  order: Int32Array,
  values: Float64Array,
  basisPoints: ArrayLike<number>,
): CumulativeCut {
  const len = order.length;
  const k = basisPoints.length;
  let total = 0;
  for (let j = 0; j < len; j++) total += shareUnits(values[order[j]!]!);
  // C·10000 < bp·T  ⇔  C < ⌈bp·T / 10000⌉ for whole C: one integer limit per line, computed
  // in BigInt because bp·T can pass 2^53 when T is large.
  const limit = Array.from(basisPoints, (bp) => {
    const x = BigInt(bp) * BigInt(total);
    return Number((x + BigInt(9999)) / BigInt(10000));
  });
  const slot = new Int16Array(len);
  const share = new Float64Array(len);
  let before = 0;
  let t = 0;
  for (let j = 0; j < len; j++) {
    const u = shareUnits(values[order[j]!]!);
    if (u <= 0) {
      slot[j] = k - 1;
      share[j] = Number.NaN;
      continue;
    }
    while (t < k - 1 && !(before < limit[t]!)) t++;
    slot[j] = t;
    before += u;
    share[j] = (100 * before) / total;
  }
  return { slot, share, total };
}

export interface CumulativeInput {
  /** The metric by row; NaN (missing) and values ≤ 0 rank last and take the last tier. */
  values: Float64Array;
  /** Unique customer codes by row; the last tie-break, ascending in binary order. */
  codes: readonly string[];
  tieBreaks?: readonly TieBreakColumn[];
  /** Rows to rank (ascending); all rows when left out. */
  rows?: Int32Array;
}

export interface CumulativeAssignment {
  /** Line slot of each row (0 = first, best line); -1 for rows not ranked. */
  slot: Int16Array;
  /** Cumulative share in percent at each row, its own value counted; NaN when not counted. */
  share: Float64Array;
  /** Ranked rows, best first. */
  order: Int32Array;
}

/**
 * Cumulative-share assignment on its own: ranks the rows by the metric (desc, NaN last), each
 * tie-break, then code ascending — rankOrder, as quotas do — and cuts the list by
 * cumulativeCut. `cumulativeShareSql` states the same in SQL; the two are compared row by row.
 */
export function assignCumulativeShareTiers(
  input: CumulativeInput,
  basisPoints: ArrayLike<number>,
): CumulativeAssignment {
  const n = input.values.length;
  const rows = input.rows ?? Int32Array.from({ length: n }, (_, i) => i);
  const order = rankCumulative(rows, input.values, input.tieBreaks ?? [], input.codes);
  const cut = cumulativeCut(order, input.values, basisPoints);
  const slot = new Int16Array(n).fill(-1);
  const share = new Float64Array(n).fill(Number.NaN);
  for (let j = 0; j < order.length; j++) {
    slot[order[j]!] = cut.slot[j]!;
    share[order[j]!] = cut.share[j]!;
  }
  return { slot, share, order };
}

/**
 * Rows best first by the metric: rankOrder on the metric as the score. −0 becomes 0 first, so
 * the two tie as they do in SQL and the code decides between them.
 */
export function rankCumulative(
  rows: Int32Array,
  values: Float64Array,
  tieBreaks: readonly TieBreakColumn[],
  codes: readonly string[],
): Int32Array {
  const score = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) score[i] = values[i]! + 0;
  return rankOrder(rows, { score, tieBreaks, codes });
}
