import type { Readable } from 'node:stream';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import type { ExportFormat } from '../export/table-writer';
import { requirePermission } from '../guard';
import { parseInput } from '../parse';
import { analyticsFilterSchema } from './analytics-filters';
import type { Lang } from './drill';
import { serviceTrendsDrill } from './service-trends-drill';
import { writeServiceByTier } from './service-trends-export';
import { type ServiceByTier, serviceFigure } from './service-trends-figure';
import { serviceState } from './service-trends-state';
import type { DrillExportHandler, DrillPageHandler } from './view-drill';

export { NO_TIER } from '../service-kpis/service-kpis.service';
export type {
  ServiceByTier,
  ServiceTierTrend,
  ServiceTrendPoint,
} from './service-trends-figure';

/**
 * Service KPIs by tier for the customers in scope over the period — first reply and resolution
 * times, SLA attainment, resolution, reopen and complaint rates, satisfaction — computed as the
 * service KPI table computes them (same tickets, tiers and survey rule), and each tier's
 * satisfaction, ticket count and SLA attainment month by month. Needs 'analytics.read'.
 */
export async function serviceByTier(deps: Deps, ctx: Ctx, input: unknown): Promise<ServiceByTier> {
  requirePermission(ctx, 'analytics.read');
  const filters = parseInput(analyticsFilterSchema, input, 'The service query is not valid');
  return serviceFigure(await serviceState(deps, ctx, filters));
}

/**
 * The customers behind a tier's KPIs (`group=A`, the row's tier, optionally one `month`): those
 * in scope with tickets of that tier in the period, as the shared drill-down page with {tickets}
 * per customer (`tier` stays the shared tier filter). Needs 'analytics.read'.
 */
export const serviceTierCustomers: DrillPageHandler = serviceTrendsDrill.page;

/**
 * The customers behind a tier's KPIs as CSV or XLSX, with their ticket count. Needs
 * 'analytics.read' and 'customers.export'.
 */
export const exportServiceTierCustomers: DrillExportHandler = serviceTrendsDrill.export;

/**
 * The view as CSV or XLSX: one row per tier (and a total) with its KPIs, then its average
 * satisfaction month by month. Needs 'analytics.read'.
 */
export async function exportServiceByTier(
  deps: Deps,
  ctx: Ctx,
  input: unknown,
  format: ExportFormat,
  lang: Lang,
): Promise<Readable> {
  return writeServiceByTier(await serviceByTier(deps, ctx, input), format, lang);
}
