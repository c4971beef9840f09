import { z } from 'zod';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { parseInput } from '../parse';
import { analyticsFilterShape } from './analytics-filters';
import { optionalQueryValue } from './analytics-query';
import { drillPageShape } from './drill';
import { type ServiceState, serviceState } from './service-trends-state';
import { type DrillSelection, viewDrill } from './view-drill';

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

/** Customers (positions) with tickets of the tier (in the month, when given) and how many. */
function ticketCounts(s: ServiceState, tier: string, month: string | undefined) {
  const counts = new Map<number, number>();
  for (const t of s.tickets) {
    if (t.group !== tier || (month !== undefined && t.month !== month)) continue;
    counts.set(t.position, (counts.get(t.position) ?? 0) + 1);
  }
  return counts;
}

async function selection(deps: Deps, ctx: Ctx, input: unknown): Promise<DrillSelection> {
  const drill = parseInput(drillSchema, input, 'The service drill-down is not valid');
  const s = await serviceState(deps, ctx, drill);
  const counts = ticketCounts(s, drill.group, drill.month);
  return {
    cols: s.cols,
    positions: [...counts.keys()],
    options: drill,
    extra: (i) => ({ tickets: counts.get(i) ?? 0 }),
  };
}

/** The customers behind a tier's KPIs, with their ticket count, as a page or an export. */
export const serviceTrendsDrill = viewDrill(selection, (s) => ({
  columns: [{ key: 'tickets', header: { 'zh-CN': '工单数', en: 'Tickets' } }],
  values: s.extra,
}));
