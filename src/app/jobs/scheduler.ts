import { enqueueJob } from '../../store/jobs/jobs.repository';
import * as schedules from '../../store/jobs/schedules.repository';
import { writeAudit } from '../audit';
import { type Ctx, SYSTEM_ACTOR } from '../context';
import type { Deps } from '../deps';
import { ensureBuiltinJobHandlers } from './builtin';
import { nextOccurrence } from './cron';
import { jobHandler } from './registry';
import type { JobLogger } from './runner';

/** The dedupe key of one occurrence of a schedule: the same occurrence never queues twice. */
export function occurrenceKey(scheduleId: number, due: string): string {
  return `schedule:${scheduleId}:${due}`;
}

/**
 * Turns every due schedule into a job and moves it to its next occurrence, each in one
 * transaction. The job's dedupe key is the schedule and the due instant, so two processes, a
 * second tick or a restart between enqueue and advance never start the same occurrence twice.
 * Occurrences missed while the server was down collapse into one run, then the schedule moves
 * past `now`. Returns the ids of the jobs it created.
 */
export async function tickScheduler(
  deps: Deps,
  now: Date,
  log?: Pick<JobLogger, 'error' | 'info'>,
): Promise<number[]> {
  ensureBuiltinJobHandlers();
  const at = now.toISOString();
  const ctx: Ctx = { actor: SYSTEM_ACTOR, requestId: 'scheduler', now: () => now };
  const created: number[] = [];
  for (const s of await schedules.dueSchedules(deps.store.db, at)) {
    const due = s.nextRunAt;
    if (!due) continue;
    try {
      const after = new Date(Math.max(now.getTime(), Date.parse(due)));
      const next = nextOccurrence(s.cron, s.timezone, after)?.toISOString() ?? null;
      await deps.store.db.transaction().execute(async (trx) => {
        const job = await enqueueJob(
          trx,
          {
            kind: s.kind,
            payload: {
              ...s.payload,
              scheduleId: s.id,
              scheduledFor: due,
              timeZone: s.timezone,
            },
            runAt: due,
            maxAttempts: jobHandler(s.kind)?.maxAttempts ?? 3,
            dedupeKey: occurrenceKey(s.id, due),
          },
          at,
        );
        if (job.created) {
          created.push(job.id);
          await writeAudit(trx, ctx, {
            action: 'job.enqueue',
            entity: 'job',
            entityId: job.id,
            after: { kind: s.kind, scheduleId: s.id, scheduledFor: due },
          });
        }
        await schedules.advanceSchedule(trx, s.id, due, next, at);
      });
    } catch (e) {
      log?.error({ scheduleId: s.id, err: e }, 'could not queue a scheduled job');
    }
  }
  if (created.length) log?.info({ jobs: created }, 'scheduled jobs queued');
  return created;
}
