import { checkTierColumns } from './check-input';

/** One tier at one point: its customers and their revenue, with shares of the tiered total. */
export interface TierShare {
  customers: number;
  revenueMinor: number;
  /** Share of the tiered customers at this point, 0…1 (0 when nobody is tiered). */
  customerShare: number;
  /** Share of the tiered customers' revenue, 0…1 (0 when that revenue is not positive). */
  revenueShare: number;
}

/** The tier distribution at one point. */
export interface TierDistribution {
  /** One entry a tier index. */
  tiers: TierShare[];
  /** Customers with a tier, and their revenue. */
  customers: number;
  revenueMinor: number;
  /** Customers in scope without a tier at this point (not yet tiered, or left the scheme). */
  untiered: number;
  untieredRevenueMinor: number;
}

/**
 * Counts the customers of each of `k` tiers (`tiers[i]` = customer i's tier index, −1 none) and
 * sums their `revenue`. Shares never come out NaN: with nothing to divide by they are 0.
 */
export function tierDistribution(
  k: number,
  tiers: ArrayLike<number>,
  revenue: ArrayLike<number>,
): TierDistribution {
  const n = checkTierColumns('tierDistribution', [
    { field: 'tiers', values: tiers, tiers: k },
    { field: 'revenue', values: revenue },
  ]);
  const customers = new Array<number>(k).fill(0);
  const money = new Array<number>(k).fill(0);
  let untiered = 0;
  let untieredRevenueMinor = 0;
  for (let i = 0; i < n; i++) {
    const t = tiers[i]!;
    if (t < 0) {
      untiered++;
      untieredRevenueMinor += revenue[i]!;
    } else {
      customers[t]!++;
      money[t]! += revenue[i]!;
    }
  }
  const tiered = n - untiered;
  const total = money.reduce((a, b) => a + b, 0);
  return {
    tiers: customers.map((c, t) => ({
      customers: c,
      revenueMinor: money[t]!,
      customerShare: tiered > 0 ? c / tiered : 0,
      revenueShare: total > 0 ? money[t]! / total : 0,
    })),
    customers: tiered,
    revenueMinor: total,
    untiered,
    untieredRevenueMinor,
  };
}
