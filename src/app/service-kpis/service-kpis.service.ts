import { z } from 'zod';
import { businessDate } from '../../domain/business-date';
import { DAY_MS, dateToDay, fromWall } from '../../domain/calendar/time-zone';
import { validationError } from '../../domain/errors';
import {
  KPI_GROUP_BY,
  type KpiGroupBy,
  type KpiRow,
  type KpiTicket,
  kpiRows,
} from '../../domain/service-kpis';
import { serviceTierSchemeId, tiersInForce } from '../../store/policy/service-tier.repository';
import {
  type KpiTicketRow,
  kpiSurveyRows,
  kpiTicketRows,
} from '../../store/service-kpis/service-kpis.repository';
import { businessToday } from '../business-today';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { requirePermission } from '../guard';
import { parseInput } from '../parse';

/** The most tickets one KPI query reads; a wider period must be narrowed. */
export const KPI_TICKET_LIMIT = 200_000;
const MINUTE = 60_000;
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');

export const kpiQuerySchema = z
  .object({
    from: date,
    to: date,
    groupBy: z
      .enum(KPI_GROUP_BY, { error: `groupBy must be one of ${KPI_GROUP_BY.join(', ')}` })
      .default('tier'),
  })
  .refine((q) => q.from <= q.to, { message: 'must not be after to', path: ['from'] });
export type KpiQuery = z.input<typeof kpiQuerySchema>;

/** The KPI table of one period and grouping. */
export interface ServiceKpis {
  from: string;
  to: string;
  groupBy: KpiGroupBy;
  rows: KpiRow[];
  total: KpiRow | null;
}

const minutesBetween = (a: string, b: string | null) =>
  b === null ? null : Math.max(0, Math.round((Date.parse(b) - Date.parse(a)) / MINUTE));

/** The tier of a ticket whose customer has none in the service-tier scheme. */
export const NO_TIER = '-';

/**
 * Ticket rows opened from `from` to `to` (business dates in the configured time zone). A period
 * holding more than KPI_TICKET_LIMIT tickets is refused (naming `from`) rather than read whole.
 */
export async function ticketRowsOpened(
  deps: Deps,
  from: string,
  to: string,
): Promise<KpiTicketRow[]> {
  const tz = deps.config.timeZone;
  const start = new Date(fromWall(tz, dateToDay(from) * DAY_MS)).toISOString();
  const end = new Date(fromWall(tz, (dateToDay(to) + 1) * DAY_MS)).toISOString();
  const rows = await kpiTicketRows(deps.store.db, start, end, KPI_TICKET_LIMIT + 1);
  if (rows.length > KPI_TICKET_LIMIT) {
    throw validationError('Too many tickets in the period', [
      {
        field: 'from',
        message: `the period holds more than ${KPI_TICKET_LIMIT} tickets: choose a shorter one`,
      },
    ]);
  }
  return rows;
}

/** Month 'YYYY-MM' a ticket was opened in, in the business time zone. */
export function openingMonth(r: KpiTicketRow, timeZone: string): string {
  return businessDate(new Date(r.openedAt), timeZone).slice(0, 7);
}

/**
 * A ticket row as KPI input in `group`. Times are wall-clock minutes (not business time); SLA
 * attainment comes from the clock rows' met flags.
 */
export function kpiTicketOf(r: KpiTicketRow, group: string): KpiTicket {
  return {
    group,
    customerId: r.customerId,
    firstReplyMinutes: minutesBetween(r.openedAt, r.firstRepliedAt),
    resolutionMinutes: minutesBetween(r.openedAt, r.resolvedAt),
    resolved: r.resolvedAt !== null || ['resolved', 'confirmed', 'closed'].includes(r.status),
    reopened: r.reopenedCount > 0,
    complaint: r.category === 'complaint',
    firstReplyMet: r.firstReplyMet,
    resolutionMet: r.resolutionMet,
  };
}

/**
 * Ticket rows as KPI inputs grouped by tier: the tier the ticket's SLA clock was computed for,
 * else the customer's tier in force today in the service-tier scheme, else NO_TIER. The tiers
 * in force are read only when some ticket has no SLA tier.
 */
export async function tierKeyedTickets(
  deps: Deps,
  ctx: Ctx,
  rows: readonly KpiTicketRow[],
): Promise<KpiTicket[]> {
  const tiers = rows.some((r) => r.slaTier === null)
    ? await currentTiers(deps, ctx)
    : new Map<number, string>();
  return rows.map((r) => kpiTicketOf(r, r.slaTier ?? tiers.get(r.customerId) ?? NO_TIER));
}

/** The group of a ticket row under a grouping other than the tier. */
function groupOf(groupBy: Exclude<KpiGroupBy, 'tier'>, r: KpiTicketRow, timeZone: string): string {
  switch (groupBy) {
    case 'level':
      return String(r.level);
    case 'category':
      return r.category;
    case 'team':
      return r.team ?? '-';
    case 'month':
      return openingMonth(r, timeZone);
  }
}

/**
 * Service KPIs of the tickets opened from `from` to `to` (business dates in the configured time
 * zone), grouped by tier, level, category, team (the assignee's region) or opening month.
 * Times are wall-clock minutes (not business time); SLA attainment comes from the clock rows'
 * met flags. The tier is the one the ticket's SLA clock was computed for, else the customer's
 * tier in force today.
 */
export async function serviceKpis(deps: Deps, ctx: Ctx, input: unknown): Promise<ServiceKpis> {
  requirePermission(ctx, 'tickets.work');
  const q = parseInput(kpiQuerySchema, input, 'The KPI query is not valid');
  const by = q.groupBy;
  const rows = await ticketRowsOpened(deps, q.from, q.to);
  const tickets =
    by === 'tier'
      ? await tierKeyedTickets(deps, ctx, rows)
      : rows.map((r) => kpiTicketOf(r, groupOf(by, r, deps.config.timeZone)));
  const customers = [...new Set(rows.map((r) => r.customerId))];
  const surveys = (await kpiSurveyRows(deps.store.db, q.from, q.to, customers)).map((s) => ({
    customerId: s.customerId,
    score: s.score,
    month: by === 'month' ? s.answeredOn.slice(0, 7) : null,
  }));
  const total = kpiRows(
    tickets.map((t) => ({ ...t, group: 'total' })),
    surveys.map((s) => ({ ...s, month: null })),
    false,
  );
  return {
    from: q.from,
    to: q.to,
    groupBy: by,
    rows: kpiRows(tickets, surveys, by === 'month'),
    total: total[0] ?? null,
  };
}

async function currentTiers(deps: Deps, ctx: Ctx): Promise<Map<number, string>> {
  const schemeId = await serviceTierSchemeId(deps.store.db);
  if (schemeId === undefined) return new Map();
  return tiersInForce(deps.store.db, schemeId, businessToday(deps, ctx));
}
