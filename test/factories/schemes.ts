/** A text in both languages, the same in each (tests read the English). */
export const both = (en: string) => ({ zh: en, en });

/**
 * A one-criterion scheme: 12-month revenue as a percentile, tiers A/B/C, placed by quotas
 * (default 20/30/50) or by thresholds when given. The shape most tiering tests need.
 */
export function revenueScheme(
  id: string,
  opts: { thresholds?: [number, number]; quotas?: [number, number, number]; extra?: object } = {},
) {
  const tiers = ['A', 'B', 'C'];
  const ranking = opts.thresholds
    ? {
        kind: 'thresholds',
        thresholds: [
          { tier: 'A', minScore: opts.thresholds[0] },
          { tier: 'B', minScore: opts.thresholds[1] },
          { tier: 'C', minScore: 0 },
        ],
      }
    : {
        kind: 'quotas',
        quotas: tiers.map((tier, i) => ({ tier, percent: (opts.quotas ?? [20, 30, 50])[i] })),
      };
  return {
    id,
    version: 1,
    name: both(`Revenue ${id}`),
    metrics: [{ id: 'revenue', window: { kind: 'last_n_months', months: 12 } }],
    criteria: [
      {
        id: 'rev',
        label: both('Revenue'),
        metric: 'revenue',
        weight: 1,
        kind: 'percentile',
        maxPoints: 100,
      },
    ],
    tiers: tiers.map((t, i) => ({ id: t, name: both(t), rank: i + 1 })),
    assignment: { ranking },
    ...opts.extra,
  };
}
