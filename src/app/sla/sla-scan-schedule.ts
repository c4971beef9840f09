import { insertSchedule, listSchedules } from '../../store/jobs/schedules.repository';
import { writeAudit } from '../audit';
import { type Ctx, systemCtx } from '../context';
import type { Deps } from '../deps';
import { nextOccurrence } from '../jobs/cron';
import { SLA_SCAN } from './sla-scan.job';

/** Every minute: warnings and escalations are only as late as the scan. */
export const SLA_SCAN_CRON = '* * * * *';

/**
 * Creates the minute SLA scan schedule unless a schedule of that kind exists (even a disabled
 * one: someone turned it off on purpose). Safe to call at every start; returns the id of the
 * schedule it created, or null when there was one already.
 */
export async function ensureSlaSchedule(
  deps: Deps,
  ctx: Ctx = systemCtx('boot'),
): Promise<number | null> {
  return deps.store.db.transaction().execute(async (trx) => {
    if ((await listSchedules(trx, [SLA_SCAN])).length > 0) return null;
    const timezone = deps.config.timeZone;
    const next = nextOccurrence(SLA_SCAN_CRON, timezone, ctx.now());
    const values = {
      name: 'SLA clocks: warnings and escalations',
      kind: SLA_SCAN,
      cron: SLA_SCAN_CRON,
      timezone,
      payload: {},
      enabled: true,
      nextRunAt: next ? next.toISOString() : null,
    };
    const id = await insertSchedule(trx, values, null, ctx.now().toISOString());
    await writeAudit(trx, ctx, {
      action: 'job_schedule.create',
      entity: 'job_schedule',
      entityId: id,
      after: values,
    });
    return id;
  });
}
