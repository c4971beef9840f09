import type { Readable } from 'node:stream';
import { z } from 'zod';
import { addMonths, monthEnd, type Period } from '../../domain/analytics/period';
import { businessDate } from '../../domain/business-date';
import { DAY_MS, dateToDay, fromWall } from '../../domain/calendar/time-zone';
import { validationError } from '../../domain/errors';
import { type KpiRow, type KpiSurvey, type KpiTicket, kpiRows } from '../../domain/service-kpis';
import { serviceTierSchemeId, tiersInForce } from '../../store/policy/service-tier.repository';
import { kpiSurveyRows, kpiTicketRows } from '../../store/service-kpis/service-kpis.repository';
import { businessToday } from '../business-today';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { type ExportFormat, writeTable } from '../export/table-writer';
import { requirePermission } from '../guard';
import { parseInput } from '../parse';
import { KPI_TICKET_LIMIT } from '../service-kpis/service-kpis.service';
import { analyticsFilterSchema, analyticsFilterShape } from './analytics-filters';
import { optionalQueryValue, scopeOfFilters } from './analytics-query';
import { type CustomerColumns, customerColumns, periodOf } from './customer-columns';
import { type DrillPage, drillExport, drillPage, drillPageShape, type Lang } from './drill';

/** The tier of a ticket whose customer has none in the service-tier scheme. */
export const NO_TIER = '-';

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

const MINUTE = 60_000;
const minutesBetween = (a: string, b: string | null) =>
  b === null ? null : Math.max(0, Math.round((Date.parse(b) - Date.parse(a)) / MINUTE));

/** A ticket of the period, with its tier and opening month. */
interface TierTicket extends KpiTicket {
  month: string;
  position: number;
}

interface ServiceState {
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
async function serviceState(deps: Deps, ctx: Ctx, input: unknown): Promise<ServiceState> {
  const filters = parseInput(analyticsFilterSchema, input, 'The service query is not valid');
  const period = periodOf(deps, ctx, filters);
  const cols = await customerColumns(deps, scopeOfFilters(filters), period);
  const at = new Map<number, number>();
  for (let i = 0; i < cols.n; i++) at.set(cols.ids[i]!, i);
  const tz = deps.config.timeZone;
  const first = `${period.from}-01`;
  const last = monthEnd(period.to);
  const start = new Date(fromWall(tz, dateToDay(first) * DAY_MS)).toISOString();
  const end = new Date(fromWall(tz, (dateToDay(last) + 1) * DAY_MS)).toISOString();
  const db = deps.store.db;
  const rows = await kpiTicketRows(db, start, end, KPI_TICKET_LIMIT + 1);
  if (rows.length > KPI_TICKET_LIMIT) {
    throw validationError('Too many tickets in the period', [
      {
        field: 'from',
        message: `the period holds more than ${KPI_TICKET_LIMIT} tickets: choose a shorter one`,
      },
    ]);
  }
  const inScope = rows.filter((r) => at.has(r.customerId));
  const schemeId = inScope.some((r) => r.slaTier === null)
    ? await serviceTierSchemeId(db)
    : undefined;
  const tiers =
    schemeId === undefined
      ? new Map<number, string>()
      : await tiersInForce(db, schemeId, businessToday(deps, ctx));
  const tickets: TierTicket[] = inScope.map((r) => ({
    group: r.slaTier ?? tiers.get(r.customerId) ?? NO_TIER,
    month: businessDate(new Date(r.openedAt), tz).slice(0, 7),
    position: at.get(r.customerId)!,
    customerId: r.customerId,
    firstReplyMinutes: minutesBetween(r.openedAt, r.firstRepliedAt),
    resolutionMinutes: minutesBetween(r.openedAt, r.resolvedAt),
    resolved: r.resolvedAt !== null || ['resolved', 'confirmed', 'closed'].includes(r.status),
    reopened: r.reopenedCount > 0,
    complaint: r.category === 'complaint',
    firstReplyMet: r.firstReplyMet,
    resolutionMet: r.resolutionMet,
  }));
  const customers = [...new Set(tickets.map((t) => t.customerId))];
  const surveys = (await kpiSurveyRows(db, first, last, customers)).map((s) => ({
    customerId: s.customerId,
    score: s.score,
    month: s.answeredOn.slice(0, 7),
  }));
  const months = Array.from({ length: period.months }, (_, k) => addMonths(period.from, k));
  return { period, months, cols, tickets, surveys };
}

/**
 * Service KPIs by tier for the customers in scope over the period — first reply and resolution
 * times, SLA attainment, resolution, reopen and complaint rates, satisfaction — computed as the
 * service KPI table computes them (same tickets, tiers and survey rule), and each tier's
 * satisfaction, ticket count and SLA attainment month by month. Needs 'analytics.read'.
 */
export async function serviceByTier(deps: Deps, ctx: Ctx, input: unknown): Promise<ServiceByTier> {
  requirePermission(ctx, 'analytics.read');
  const s = await serviceState(deps, ctx, input);
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

const drillSchema = z.object({
  ...analyticsFilterShape,
  ...drillPageShape,
  group: z
    .string({ error: 'group must be a tier name' })
    .trim()
    .min(1, 'group must not be empty')
    .max(100, 'group must be at most 100 characters'),
  month: optionalQueryValue(z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM')),
});

/** Customers with tickets of the tier (in the month, when given) and how many. */
function selected(s: ServiceState, tier: string, month: string | undefined) {
  const counts = new Map<number, number>();
  for (const t of s.tickets) {
    if (t.group !== tier || (month !== undefined && t.month !== month)) continue;
    counts.set(t.position, (counts.get(t.position) ?? 0) + 1);
  }
  return counts;
}

/**
 * The customers behind a tier's KPIs (`group=A`, the row's tier, optionally one `month`): those
 * in scope with tickets of that tier in the period, as the shared drill-down page with {tickets}
 * per customer (`tier` stays the shared tier filter). Needs 'analytics.read'.
 */
export async function serviceTierCustomers(
  deps: Deps,
  ctx: Ctx,
  input: unknown,
): Promise<DrillPage> {
  requirePermission(ctx, 'analytics.read');
  const drill = parseInput(drillSchema, input, 'The service drill-down is not valid');
  const s = await serviceState(deps, ctx, drill);
  const counts = selected(s, drill.group, drill.month);
  return drillPage(deps, s.cols, [...counts.keys()], drill, (i) => ({
    tickets: counts.get(i) ?? 0,
  }));
}

/**
 * The customers behind a tier's KPIs as CSV or XLSX, with their ticket count. Needs
 * 'analytics.read' and 'customers.export'.
 */
export async function exportServiceTierCustomers(
  deps: Deps,
  ctx: Ctx,
  input: unknown,
  format: ExportFormat,
  lang: Lang,
): Promise<Readable> {
  requirePermission(ctx, 'analytics.read');
  requirePermission(ctx, 'customers.export');
  const drill = parseInput(drillSchema, input, 'The service drill-down is not valid');
  const s = await serviceState(deps, ctx, drill);
  const counts = selected(s, drill.group, drill.month);
  return drillExport(deps, s.cols, [...counts.keys()], drill, format, lang, {
    columns: [{ key: 'tickets', header: { 'zh-CN': '工单数', en: 'Tickets' } }],
    values: (i) => ({ tickets: counts.get(i) ?? 0 }),
  });
}

const round = (v: number | null, digits: number) =>
  v === null ? null : Math.round(v * 10 ** digits) / 10 ** digits;
const pct = (v: number | null) => (v === null ? null : round(v * 100, 1));

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
  const v = await serviceByTier(deps, ctx, input);
  const zh = lang === 'zh-CN';
  type Row = { row: KpiRow; trend: ServiceTierTrend | undefined };
  const rows: Row[] = v.tiers.map((row) => ({
    row,
    trend: v.trends.find((t) => t.tier === row.group),
  }));
  if (v.total) rows.push({ row: { ...v.total, group: zh ? '合计' : 'Total' }, trend: undefined });
  const columns = [
    { header: zh ? '层级' : 'Tier', value: (r: Row) => r.row.group, width: 14 },
    { header: zh ? '工单数' : 'Tickets', value: (r: Row) => r.row.tickets },
    {
      header: zh ? '首次回复中位数(分钟)' : 'First reply median (min)',
      value: (r: Row) => round(r.row.firstReplyMedianMinutes, 1),
    },
    {
      header: zh ? '解决中位数(分钟)' : 'Resolution median (min)',
      value: (r: Row) => round(r.row.resolutionMedianMinutes, 1),
    },
    { header: zh ? 'SLA达成率%' : 'SLA attainment %', value: (r: Row) => pct(r.row.slaAttainment) },
    { header: zh ? '解决率%' : 'Resolution rate %', value: (r: Row) => pct(r.row.resolutionRate) },
    {
      header: zh ? '平均满意度' : 'Average satisfaction',
      value: (r: Row) => round(r.row.satisfaction, 2),
    },
    { header: zh ? '问卷数' : 'Surveys', value: (r: Row) => r.row.surveys },
    ...v.months.map((month, k) => ({
      header: zh ? `${month} 满意度` : `${month} satisfaction`,
      value: (r: Row) => round(r.trend?.points[k]?.satisfaction ?? null, 2),
    })),
  ];
  async function* iterate() {
    yield* rows;
  }
  return writeTable(format, columns, iterate(), zh ? '分层服务' : 'Service by tier');
}
