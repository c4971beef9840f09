import type { Period } from '../../domain/analytics/period';
import { type KpiRow, kpiRows } from '../../domain/service-kpis';
import type { ServiceState } from './service-trends-state';

/** One month of a tier's trend; null where nothing was measured. */
export interface ServiceTrendPoint {
  month: string;
  tickets: number;
  satisfaction: number | null;
  surveys: number;
  slaAttainment: number | null;
}

export interface ServiceTierTrend {
  tier: string;
  points: ServiceTrendPoint[];
}

export interface ServiceByTier {
  period: Period;
  /** The period's months, in order (every trend has one point per month). */
  months: string[];
  /** KPIs per tier over the whole period (`group` is the tier). */
  tiers: KpiRow[];
  total: KpiRow | null;
  trends: ServiceTierTrend[];
}

/** KPIs per tier and in total over the period, and each tier's KPIs month by month. */
export function serviceFigure(s: ServiceState): ServiceByTier {
  const plain = s.surveys.map((v) => ({ ...v, month: null }));
  const tiers = kpiRows(s.tickets, plain, false);
  const total = kpiRows(
    s.tickets.map((t) => ({ ...t, group: 'total' })),
    plain,
    false,
  );
  const trends = tiers.map((row) => {
    const byMonth = new Map(
      kpiRows(
        s.tickets.filter((t) => t.group === row.group).map((t) => ({ ...t, group: t.month })),
        s.surveys,
        true,
      ).map((r) => [r.group, r]),
    );
    return {
      tier: row.group,
      points: s.months.map((month) => {
        const r = byMonth.get(month);
        return {
          month,
          tickets: r?.tickets ?? 0,
          satisfaction: r?.satisfaction ?? null,
          surveys: r?.surveys ?? 0,
          slaAttainment: r?.slaAttainment ?? null,
        };
      }),
    };
  });
  return { period: s.period, months: s.months, tiers, total: total[0] ?? null, trends };
}
