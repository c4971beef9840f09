import { type Ctx, systemCtx } from '../context';
import type { Deps } from '../deps';
import { ensureDefaultSchedule } from '../jobs/default-schedule';
import * as schedules from '../jobs/schedules.service';
import { ANALYTICS_REPORT, ensureReportJobHandlers } from './report.job';

/** The report schedules API reaches only schedules of the report job kind. */
const scope: schedules.ScheduleScope = { kindPrefix: ANALYTICS_REPORT };

/** Monday 08:00 in the business time zone: the week's report is there when the week starts. */
export const DEFAULT_REPORT_CRON = '0 8 * * 1';

/** Report schedules with their next and last run, oldest first (needs analytics.manage). */
export function listReportSchedules(deps: Deps, ctx: Ctx) {
  ensureReportJobHandlers();
  return schedules.listSchedules(deps, ctx, scope);
}

/** Creates a report schedule (the kind is always analytics.report). */
export function createReportSchedule(deps: Deps, ctx: Ctx, raw: unknown) {
  ensureReportJobHandlers();
  const body = (raw ?? {}) as Record<string, unknown>;
  return schedules.createSchedule(deps, ctx, { ...body, kind: ANALYTICS_REPORT }, scope);
}

/** Changes a report schedule (name, cron, time zone, payload, enabled). */
export function updateReportSchedule(deps: Deps, ctx: Ctx, id: number, raw: unknown) {
  ensureReportJobHandlers();
  return schedules.updateSchedule(deps, ctx, id, raw, scope);
}

/** Deletes a report schedule; the reports it made stay. */
export function deleteReportSchedule(deps: Deps, ctx: Ctx, id: number) {
  ensureReportJobHandlers();
  return schedules.deleteSchedule(deps, ctx, id, scope);
}

/**
 * Creates the weekly report schedule on first start (see ensureDefaultSchedule): Monday 08:00 in
 * the business time zone, the last full week, all customers, no recipients yet — the reports
 * appear in the list, and recipients are added on the reports page.
 */
export function ensureReportSchedule(
  deps: Deps,
  ctx: Ctx = systemCtx('boot'),
): Promise<number | null> {
  return ensureDefaultSchedule(deps, ctx, {
    name: 'Analytics: weekly report',
    kind: ANALYTICS_REPORT,
    cron: DEFAULT_REPORT_CRON,
    payload: {
      cadence: 'weekly',
      filters: {},
      recipients: { userIds: [], emails: [] },
      lang: 'zh-CN',
    },
  });
}
