import type { EvaluationResult } from './evaluate';
import type { Plan } from './plan';

export interface TierShare {
  tier: string;
  count: number;
  /** Share of the customers with a tier, 0…1. */
  share: number;
  revenue: number;
  revenueShare: number;
  profit: number;
  profitShare: number;
}

export interface Distribution {
  tiers: TierShare[];
  /** Customers with a tier (inside the segment, or overridden). */
  assigned: number;
  /** Customers without one (outside the segment). */
  unassigned: number;
  revenue: number;
  profit: number;
}

/**
 * Customers, revenue and profit per tier. `revenue` and `profit` are columns by row (e.g. the
 * scheme's revenue metric); missing values count as 0. Shares are of the assigned customers'
 * totals, 0 when a total is 0.
 */
export function distribution(
  plan: Plan,
  result: Pick<EvaluationResult, 'tier'>,
  money: { revenue?: Float64Array; profit?: Float64Array } = {},
): Distribution {
  const k = plan.tiers.length;
  const count = new Float64Array(k);
  const rev = new Float64Array(k);
  const prof = new Float64Array(k);
  const tier = result.tier;
  let unassigned = 0;
  for (let i = 0; i < tier.length; i++) {
    const t = tier[i]!;
    if (t < 0) {
      unassigned++;
      continue;
    }
    count[t]!++;
    const r = money.revenue?.[i];
    if (r !== undefined && !Number.isNaN(r)) rev[t]! += r;
    const p = money.profit?.[i];
    if (p !== undefined && !Number.isNaN(p)) prof[t]! += p;
  }
  const assigned = tier.length - unassigned;
  const revenue = rev.reduce((a, b) => a + b, 0);
  const profit = prof.reduce((a, b) => a + b, 0);
  const part = (x: number, total: number) => (total === 0 ? 0 : x / total);
  return {
    tiers: plan.tiers.map((t, i) => ({
      tier: t.id,
      count: count[i]!,
      share: part(count[i]!, assigned),
      revenue: rev[i]!,
      revenueShare: part(rev[i]!, revenue),
      profit: prof[i]!,
      profitShare: part(prof[i]!, profit),
    })),
    assigned,
    unassigned,
    revenue,
    profit,
  };
}
