import { addMonths, monthEnd, type Period } from '../../domain/analytics/period';
import type { KpiSurvey, KpiTicket } from '../../domain/service-kpis';
import { kpiSurveyRows } from '../../store/service-kpis/service-kpis.repository';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import {
  openingMonth,
  ticketRowsOpened,
  tierKeyedTickets,
} from '../service-kpis/service-kpis.service';
import type { AnalyticsFilters } from './analytics-filters';
import { scopeOfFilters } from './analytics-query';
import { type CustomerColumns, customerColumns, periodOf } from './customer-columns';

/** A ticket of the period, with its tier (`group`), opening month and customer position. */
export interface TierTicket extends KpiTicket {
  month: string;
  position: number;
}

/** The tickets and survey answers of the customers in scope over the period. */
export interface ServiceState {
  period: Period;
  months: string[];
  cols: CustomerColumns;
  tickets: TierTicket[];
  surveys: (KpiSurvey & { month: string })[];
}

/**
 * Tickets opened in the period by the customers in scope, each with the tier its SLA clock was
 * computed for or else the customer's tier in force today (as the service KPIs group them), and
 * the survey answers of the period by those customers.
 */
export async function serviceState(
  deps: Deps,
  ctx: Ctx,
  filters: AnalyticsFilters,
): Promise<ServiceState> {
  const period = periodOf(deps, ctx, filters);
  const cols = await customerColumns(deps, ctx, scopeOfFilters(filters), period);
  const at = new Map<number, number>();
  for (let i = 0; i < cols.n; i++) at.set(cols.ids[i]!, i);
  const first = `${period.from}-01`;
  const last = monthEnd(period.to);
  const rows = (await ticketRowsOpened(deps, first, last)).filter((r) => at.has(r.customerId));
  const keyed = await tierKeyedTickets(deps, ctx, rows);
  const tickets: TierTicket[] = keyed.map((t, k) => ({
    ...t,
    month: openingMonth(rows[k]!, deps.config.timeZone),
    position: at.get(t.customerId)!,
  }));
  const customers = [...new Set(tickets.map((t) => t.customerId))];
  const surveys = (await kpiSurveyRows(deps.store.db, first, last, customers)).map((s) => ({
    customerId: s.customerId,
    score: s.score,
    month: s.answeredOn.slice(0, 7),
  }));
  const months = Array.from({ length: period.months }, (_, k) => addMonths(period.from, k));
  return { period, months, cols, tickets, surveys };
}
