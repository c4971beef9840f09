import { insertSchedule, listSchedules } from '../../store/jobs/schedules.repository';
import { writeAudit } from '../audit';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { nextOccurrence } from './cron';

/** A schedule the product creates for itself on first start. */
export interface DefaultSchedule {
  name: string;
  kind: string;
  cron: string;
  payload?: Record<string, unknown>;
}

/**
 * Creates a schedule of `kind` unless one exists (even a disabled one: someone turned it off on
 * purpose), in the business time zone, audited. Safe to call at every start; returns the id of
 * the schedule it created, or null when there was one already.
 */
export async function ensureDefaultSchedule(
  deps: Deps,
  ctx: Ctx,
  schedule: DefaultSchedule,
): Promise<number | null> {
  return deps.store.db.transaction().execute(async (trx) => {
    if ((await listSchedules(trx, [schedule.kind])).length > 0) return null;
    const timezone = deps.config.timeZone;
    const next = nextOccurrence(schedule.cron, timezone, ctx.now());
    const values = {
      name: schedule.name,
      kind: schedule.kind,
      cron: schedule.cron,
      timezone,
      payload: schedule.payload ?? {},
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
