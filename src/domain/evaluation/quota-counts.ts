export type QuotaRoundingRule = 'largest_remainder' | 'cumulative';

/**
 * How many of m ranked customers each quota tier gets, in exact integer arithmetic on basis
 * points (1% = 100; the shares total 10000), so SQL can reproduce it (see quota-sql.ts):
 * - largest_remainder: tier i gets ⌊m·bpᵢ/10000⌋; the m − Σ leftover customers go one each to
 *   the tiers with the largest remainders (m·bpᵢ mod 10000), ties to the better tier;
 * - cumulative: tier i ends at position ⌊(m·Cᵢ + 5000)/10000⌋ where Cᵢ is the cumulative
 *   share of tiers 1…i (round half up), and gets the positions since the previous end.
 * Either way the counts add up to m.
 */
export function quotaCounts(
  m: number,
  basisPoints: ArrayLike<number>,
  rounding: QuotaRoundingRule,
): Int32Array {
  const k = basisPoints.length;
  const counts = new Int32Array(k);
  if (rounding === 'cumulative') {
    let cum = 0;
    let prevEnd = 0;
    for (let i = 0; i < k; i++) {
      cum += basisPoints[i]!;
      const end = Math.floor((m * cum + 5000) / 10000);
      counts[i] = end - prevEnd;
      prevEnd = end;
    }
    return counts;
  }
  let given = 0;
  const rem: { i: number; r: number }[] = [];
  for (let i = 0; i < k; i++) {
    const exact = m * basisPoints[i]!;
    counts[i] = Math.floor(exact / 10000);
    given += counts[i]!;
    rem.push({ i, r: exact % 10000 });
  }
  rem.sort((x, y) => y.r - x.r || x.i - y.i);
  for (let j = 0; j < m - given; j++) counts[rem[j]!.i]!++;
  return counts;
}
