import { type Period, resolvePeriod } from '../../domain/analytics/period';
import { validationError } from '../../domain/errors';
import {
  type ColumnScope,
  type CustomerColumns,
  loadCustomerColumns,
} from '../../store/analytics/customer-columns.repository';
import { serviceTierSchemeId } from '../../store/policy/service-tier.repository';
import { businessToday } from '../business-today';
import type { Ctx } from '../context';
import { customerFilter } from '../customers/customer-scope';
import type { Deps } from '../deps';
import type { AnalyticsFilters, CustomerScope } from './analytics-filters';

export type { CustomerColumns } from '../../store/analytics/customer-columns.repository';

/** The period of a view from its filters, defaulting to the twelve months to this month. */
export function periodOf(deps: Deps, ctx: Ctx, filters: AnalyticsFilters): Period {
  return resolvePeriod(filters, businessToday(deps, ctx).slice(0, 7));
}

/**
 * The store scope of the filters, narrowed to the actor's row scope (an account manager's
 * analytics count only their own customers): a tier filter without a scheme reads the
 * service-tier scheme; with no such scheme it is an error naming `schemeId`.
 */
export async function scopeOf(deps: Deps, ctx: Ctx, scope: CustomerScope): Promise<ColumnScope> {
  const { schemeId, tier, ...filters } = scope;
  const rows = customerFilter(ctx);
  const rest: ColumnScope = rows.kind === 'all' ? filters : { ...filters, rows };
  if (tier === undefined) return rest;
  const scheme = schemeId ?? (await serviceTierSchemeId(deps.store.db));
  if (scheme === undefined) {
    throw validationError('a tier filter needs a scheme', [
      { field: 'schemeId', message: 'name the scheme whose tier to filter on', value: null },
    ]);
  }
  return { ...rest, tier: { schemeId: scheme, tier } };
}

/**
 * The customers an analytics view counts (within the actor's row scope), with their sums over `period` (see
 * CustomerColumns). `customerIds` narrows to a drill-down's customers.
 */
export async function customerColumns(
  deps: Deps,
  ctx: Ctx,
  scope: CustomerScope,
  period: Period,
  customerIds?: readonly number[],
): Promise<CustomerColumns> {
  const s = await scopeOf(deps, ctx, scope);
  return loadCustomerColumns(
    deps.store.db,
    customerIds ? { ...s, customerIds } : s,
    period.from,
    period.to,
  );
}
