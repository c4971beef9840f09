import { cohortRetention, monthNumber } from '../../domain/analytics/lifecycle';
import { loadCohortPurchaseMonths } from '../../store/analytics/purchase-months.repository';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import type { AnalyticsFilters } from './analytics-filters';
import { scopeOfFilters } from './analytics-query';
import { scopeOf } from './customer-columns';
import type { LifeState } from './lifecycle-state';

/**
 * The purchase months of the customers in scope whose first order is in the period, and their
 * retention table (customers of each first month active k months later).
 */
export async function cohortsOf(deps: Deps, ctx: Ctx, filters: AnalyticsFilters, s: LifeState) {
  const scope = await scopeOf(deps, ctx, scopeOfFilters(filters));
  const pm = await loadCohortPurchaseMonths(deps.store.db, scope, s.period.from, s.period.to);
  const months = pm.months.map((m) => monthNumber(m));
  return { pm, rows: cohortRetention({ offsets: pm.offsets, months }, monthNumber(s.period.to)) };
}

/**
 * Positions of a cohort's customers (first order in `cohort`) who ordered `offset` months
 * later (0: the whole cohort).
 */
export async function cohortPositions(
  deps: Deps,
  ctx: Ctx,
  filters: AnalyticsFilters,
  s: LifeState,
  cohortMonth: string,
  offset: number,
): Promise<number[]> {
  const { pm } = await cohortsOf(deps, ctx, filters, s);
  const cohort = monthNumber(cohortMonth);
  const target = cohort + offset;
  const out: number[] = [];
  // Both lists are in ascending customer id: one merge walk.
  let i = 0;
  for (let k = 0; k < pm.customerIds.length; k++) {
    const id = pm.customerIds[k]!;
    while (i < s.cols.n && s.cols.ids[i]! < id) i++;
    if (i >= s.cols.n || s.cols.ids[i] !== id) continue;
    const months = pm.months.slice(pm.offsets[k]!, pm.offsets[k + 1]!).map((m) => monthNumber(m));
    if (months[0] === cohort && months.includes(target)) out.push(i);
  }
  return out;
}
