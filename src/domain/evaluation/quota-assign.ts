import { type QuotaRoundingRule, quotaCounts } from './quota-counts';
import { rankOrder, type TieBreakColumn } from './rank-order';

export interface QuotaInput {
  /** Scores by row; NaN ranks last. */
  scores: Float64Array;
  /** Unique customer codes by row; the last tie-break, ascending in binary order. */
  codes: readonly string[];
  tieBreaks?: readonly TieBreakColumn[];
  /** Rows to rank (ascending); all rows when left out. */
  rows?: Int32Array;
}

export interface QuotaAssignment {
  /** Quota slot of each row (0 = first, best quota tier); -1 for rows not ranked. */
  slot: Int16Array;
  /** Ranked rows, best first. */
  order: Int32Array;
  /** Customers per slot; they add up to the number of ranked rows. */
  counts: Int32Array;
}

/**
 * Quota assignment on its own: ranks the rows (score desc, tie-breaks, code asc — see
 * rankOrder) and cuts the list by quotaCounts. `quotaAssignmentSql` states the same in SQL;
 * the two are meant to be compared row for row.
 */
export function assignQuotaTiers(
  input: QuotaInput,
  basisPoints: ArrayLike<number>,
  rounding: QuotaRoundingRule,
): QuotaAssignment {
  const n = input.scores.length;
  const rows = input.rows ?? Int32Array.from({ length: n }, (_, i) => i);
  const order = rankOrder(rows, {
    score: input.scores,
    tieBreaks: input.tieBreaks ?? [],
    codes: input.codes,
  });
  const counts = quotaCounts(order.length, basisPoints, rounding);
  const slot = new Int16Array(n).fill(-1);
  fillSlots(order, counts, slot);
  return { slot, order, counts };
}

/** Writes slot numbers along the ranked order: the first counts[0] rows get 0, and so on. */
export function fillSlots(order: Int32Array, counts: Int32Array, slot: Int16Array): void {
  let j = 0;
  for (let s = 0; s < counts.length; s++) {
    const end = j + counts[s]!;
    for (; j < end; j++) slot[order[j]!] = s;
  }
}
