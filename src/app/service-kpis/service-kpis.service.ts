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
  const tz = deps.config.timeZone;
  const start = new Date(fromWall(tz, dateToDay(q.from) * DAY_MS)).toISOString();
  const end = new Date(fromWall(tz, (dateToDay(q.to) + 1) * DAY_MS)).toISOString();
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
  const tiers =
    q.groupBy === 'tier' && rows.some((r) => r.slaTier === null)
      ? await currentTiers(deps, ctx)
      : new Map<number, string>();
  const groupOf = (r: KpiTicketRow): string => {
    switch (q.groupBy) {
      case 'tier':
        return r.slaTier ?? tiers.get(r.customerId) ?? '-';
      case 'level':
        return String(r.level);
      case 'category':
        return r.category;
      case 'team':
        return r.team ?? '-';
      case 'month':
        return businessDate(new Date(r.openedAt), tz).slice(0, 7);
    }
  };
  const tickets: KpiTicket[] = rows.map((r) => ({
    group: groupOf(r),
    customerId: r.customerId,
    firstReplyMinutes: minutesBetween(r.openedAt, r.firstRepliedAt),
    resolutionMinutes: minutesBetween(r.openedAt, r.resolvedAt),
    resolved: r.resolvedAt !== null || ['resolved', 'confirmed', 'closed'].includes(r.status),
    reopened: r.reopenedCount > 0,
    complaint: r.category === 'complaint',
    firstReplyMet: r.firstReplyMet,
    resolutionMet: r.resolutionMet,
  }));
  const customers = [...new Set(rows.map((r) => r.customerId))];
  const surveys = (await kpiSurveyRows(db, q.from, q.to, customers)).map((s) => ({
    customerId: s.customerId,
    score: s.score,
    month: q.groupBy === 'month' ? s.answeredOn.slice(0, 7) : null,
  }));
  const total = kpiRows(
    tickets.map((t) => ({ ...t, group: 'total' })),
    surveys.map((s) => ({ ...s, month: null })),
    false,
  );
  return {
    from: q.from,
    to: q.to,
    groupBy: q.groupBy,
    rows: kpiRows(tickets, surveys, q.groupBy === 'month'),
    total: total[0] ?? null,
  };
}

async function currentTiers(deps: Deps, ctx: Ctx): Promise<Map<number, string>> {
  const schemeId = await serviceTierSchemeId(deps.store.db);
  if (schemeId === undefined) return new Map();
  return tiersInForce(deps.store.db, schemeId, businessToday(deps, ctx));
}
