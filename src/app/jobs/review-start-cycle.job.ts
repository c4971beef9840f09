import { z } from 'zod';
import { addDays, businessDate } from '../../domain/business-date';
import { notFound } from '../../domain/errors';
import { dateSchema } from '../../domain/money';
import { CYCLE_KINDS, cycleScopeSchema } from '../../domain/review/cycle.schema';
import { listCycles } from '../../store/review/cycles.repository';
import { findSchemeById } from '../../store/tiering/schemes.repository';
import { createCycle } from '../review/cycles.service';
import { isTimeZone } from './cron';
import type { JobHandler } from './registry';

export const REVIEW_START_CYCLE = 'review.start_cycle';

/** What a review schedule stores: how to start the cycle of each occurrence. */
export const startCyclePayload = z.strictObject({
  schemeId: z.number({ error: 'schemeId must be a number' }).int().positive(),
  kind: z.enum(CYCLE_KINDS, { error: 'kind must be annual or interim' }).default('annual'),
  /** The cycle name; {year}, {month} and {asOf} are replaced (from the scheduled date). */
  nameTemplate: z
    .string({ error: 'nameTemplate is required' })
    .trim()
    .min(1, 'nameTemplate is required')
    .max(200),
  /** The data date: the scheduled date itself, or the end of the month before it. */
  asOf: z
    .enum(['schedule_date', 'previous_month_end'], {
      error: 'asOf must be schedule_date or previous_month_end',
    })
    .default('previous_month_end'),
  /** Days from the start to the deadline. */
  deadlineDays: z.number().int().min(1, 'deadlineDays must be at least 1').max(366).default(30),
  scope: cycleScopeSchema.optional(),
  /** A fixed date, or the first day of the next year or month after the scheduled date. */
  effectiveFrom: z
    .union([z.enum(['next_year_start', 'next_month_start']), dateSchema('effectiveFrom')])
    .optional(),
});
export type StartCyclePayload = z.output<typeof startCyclePayload>;

/** The stored job payload: the schedule's payload plus the occurrence the scheduler added. */
const jobPayload = startCyclePayload.extend({
  scheduleId: z.number().int().optional(),
  scheduledFor: z.iso.datetime({ offset: true }).optional(),
  timeZone: z.string().refine(isTimeZone, 'timeZone must be an IANA time zone').optional(),
});

function previousMonthEnd(date: string): string {
  return addDays(`${date.slice(0, 7)}-01`, -1);
}

function effectiveFrom(rule: StartCyclePayload['effectiveFrom'], date: string) {
  if (rule === 'next_year_start') return `${Number(date.slice(0, 4)) + 1}-01-01`;
  // The 1st plus 31 days always lands in the next month, whatever this month's length.
  if (rule === 'next_month_start') return `${addDays(`${date.slice(0, 7)}-01`, 31).slice(0, 7)}-01`;
  return rule;
}

/** The cycle input of one occurrence: dates read in the schedule's time zone. */
export function cycleInputFor(
  p: StartCyclePayload,
  scheduledFor: Date,
  today: string,
  timeZone: string,
) {
  const date = businessDate(scheduledFor, timeZone);
  const asOf = p.asOf === 'schedule_date' ? date : previousMonthEnd(date);
  const name = p.nameTemplate
    .replaceAll('{year}', date.slice(0, 4))
    .replaceAll('{month}', date.slice(5, 7))
    .replaceAll('{asOf}', asOf);
  const from = effectiveFrom(p.effectiveFrom, date);
  return {
    name,
    kind: p.kind,
    schemeId: p.schemeId,
    asOf,
    deadline: addDays(today > asOf ? today : asOf, p.deadlineDays),
    ...(p.scope ? { scope: p.scope } : {}),
    ...(from ? { effectiveFrom: from } : {}),
  };
}

/**
 * Starts a review cycle for a scheduled occurrence, as the system actor. Idempotent: a cycle of
 * the same scheme, name and as-of date (left by an attempt that died before it could finish) is
 * taken as this occurrence's cycle rather than starting a second one.
 */
export const startCycleJob: JobHandler<z.output<typeof jobPayload>> = {
  payload: jobPayload,
  manage: 'reviews.manage',
  maxAttempts: 3,
  async check(deps, p) {
    if (!(await findSchemeById(deps.store.db, p.schemeId))) throw notFound('Scheme', p.schemeId);
  },
  async run(p, { deps, ctx, job, progress }) {
    const tz = p.timeZone ?? deps.config.timeZone;
    const scheduledFor = new Date(p.scheduledFor ?? job.runAt);
    const input = cycleInputFor(p, scheduledFor, businessDate(ctx.now(), tz), tz);
    const existing = (await listCycles(deps.store.db, { schemeId: p.schemeId })).find(
      (c) => c.name === input.name && c.asOf === input.asOf && c.status !== 'cancelled',
    );
    if (existing) return { cycleId: existing.id, name: existing.name, reused: true };
    await progress({ step: 'starting cycle', name: input.name, asOf: input.asOf });
    const cycle = await createCycle(deps, ctx, input);
    return {
      cycleId: cycle.id,
      name: cycle.name,
      asOf: cycle.asOf,
      proposals: cycle.progress.total,
    };
  },
};
