import { insertSchedule, listSchedules } from '../../store/jobs/schedules.repository';
import { writeAudit } from '../audit';
import { type Ctx, systemCtx } from '../context';
import type { Deps } from '../deps';
import { nextOccurrence } from '../jobs/cron';
import { AUTOMATION_SWEEP } from './automation-sweep.job';

/** The nightly sweep: 02:00 in the business time zone, after the day's imports. */
export const DEFAULT_SWEEP_CRON = '0 2 * * *';

/**
 * Creates the nightly automation sweep schedule unless a schedule of that kind exists (even a
 * disabled one: someone turned it off on purpose). Safe to call at every start; returns the
 * id of the schedule it created, or null when there was one already.
 */
export async function ensureAutomationSchedule(
  deps: Deps,
  ctx: Ctx = systemCtx('boot'),
): Promise<number | null> {
  return deps.store.db.transaction().execute(async (trx) => {
    if ((await listSchedules(trx, [AUTOMATION_SWEEP])).length > 0) return null;
    const timezone = deps.config.timeZone;
    const next = nextOccurrence(DEFAULT_SWEEP_CRON, timezone, ctx.now());
    const values = {
      name: 'Automation rules: nightly sweep',
      kind: AUTOMATION_SWEEP,
      cron: DEFAULT_SWEEP_CRON,
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
