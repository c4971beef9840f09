import { z } from 'zod';
import { allows } from '../../domain/auth/permissions';
import { DomainError, notFound } from '../../domain/errors';
import * as repo from '../../store/jobs/schedules.repository';
import { writeAudit } from '../audit';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { requirePermission } from '../guard';
import { parseInput } from '../parse';
import { ensureBuiltinJobHandlers } from './builtin';
import { isTimeZone, nextOccurrence } from './cron';
import { type JobHandler, jobHandler, registeredJobKinds } from './registry';

const fields = {
  name: z.string({ error: 'name is required' }).trim().min(1, 'name is required').max(200),
  kind: z.string({ error: 'kind is required' }).min(1).max(100),
  cron: z
    .string({ error: 'cron is required' })
    .trim()
    .min(1, 'cron is required')
    .max(100, 'cron must be at most 100 characters'),
  timezone: z
    .string()
    .refine(isTimeZone, 'timezone must be an IANA time zone such as Asia/Shanghai'),
  payload: z.record(z.string(), z.unknown(), { error: 'payload must be an object' }),
  enabled: z.boolean({ error: 'enabled must be true or false' }),
};

/** A new schedule; the time zone defaults to the configured business time zone. */
export const createScheduleInput = z.strictObject({
  ...fields,
  timezone: fields.timezone.optional(),
  enabled: fields.enabled.default(true),
});
export type CreateScheduleInput = z.input<typeof createScheduleInput>;

/** A change to a schedule: only the given fields change (the payload is replaced whole). */
export const updateScheduleInput = z.strictObject({
  name: fields.name.optional(),
  cron: fields.cron.optional(),
  timezone: fields.timezone.optional(),
  payload: fields.payload.optional(),
  enabled: fields.enabled.optional(),
});
export type UpdateScheduleInput = z.input<typeof updateScheduleInput>;

/** Limits a service call to one area's kinds (e.g. 'review.' for the review schedules API). */
export interface ScheduleScope {
  kindPrefix?: string;
}

const inScope = (kind: string, scope: ScheduleScope) => kind.startsWith(scope.kindPrefix ?? '');

/** The handler of a kind the actor may schedule; refuses unknown kinds and missing rights. */
function handlerFor(ctx: Ctx, kind: string, scope: ScheduleScope): JobHandler {
  ensureBuiltinJobHandlers();
  const h = jobHandler(kind);
  if (!h || !inScope(kind, scope))
    throw new DomainError('VALIDATION', 'Invalid schedule', {
      issues: [{ field: 'kind', message: `kind must be one of ${kindsIn(scope).join(', ')}` }],
    });
  requirePermission(ctx, h.manage);
  return h;
}

const kindsIn = (scope: ScheduleScope) => registeredJobKinds().filter((k) => inScope(k, scope));

/** Parses a payload with the kind's schema (errors name `payload.<field>`) and checks it. */
async function checkedPayload(deps: Deps, h: JobHandler, raw: unknown): Promise<unknown> {
  const r = h.payload.safeParse(raw);
  if (!r.success)
    throw new DomainError('VALIDATION', 'Invalid schedule', {
      issues: r.error.issues.map((i) => ({
        field: ['payload', ...i.path].join('.'),
        message: i.message,
      })),
    });
  await h.check?.(deps, r.data);
  return r.data;
}

/** The next occurrence after now, or null for a disabled schedule (it does not run). */
function nextRun(ctx: Ctx, v: { cron: string; timezone: string; enabled: boolean }) {
  const next = nextOccurrence(v.cron, v.timezone, ctx.now());
  return v.enabled && next ? next.toISOString() : null;
}

/** Schedules of the scope whose kinds the actor may manage, oldest first. */
export async function listSchedules(deps: Deps, ctx: Ctx, scope: ScheduleScope = {}) {
  ensureBuiltinJobHandlers();
  const kinds = kindsIn(scope).filter(
    (k) => ctx.actor.id === null || allows(ctx.actor.permissions, jobHandler(k)!.manage),
  );
  return repo.listSchedules(deps.store.db, kinds);
}

/** One schedule of the scope; NOT_FOUND outside it so areas cannot reach each other's. */
export async function getSchedule(deps: Deps, ctx: Ctx, id: number, scope: ScheduleScope = {}) {
  const s = await repo.findSchedule(deps.store.db, id);
  if (!s || !inScope(s.kind, scope)) throw notFound('Schedule', id);
  handlerFor(ctx, s.kind, scope);
  return s;
}

/** Creates a schedule and computes its first occurrence; audited. */
export async function createSchedule(
  deps: Deps,
  ctx: Ctx,
  raw: CreateScheduleInput | unknown,
  scope: ScheduleScope = {},
) {
  const input = parseInput(createScheduleInput, raw, 'Invalid schedule');
  const h = handlerFor(ctx, input.kind, scope);
  const payload = await checkedPayload(deps, h, input.payload);
  const values = {
    ...input,
    timezone: input.timezone ?? deps.config.timeZone,
    payload,
  };
  const nextRunAt = nextRun(ctx, values);
  const now = ctx.now().toISOString();
  const id = await deps.store.db.transaction().execute(async (trx) => {
    const id = await repo.insertSchedule(trx, { ...values, nextRunAt }, ctx.actor.id, now);
    await writeAudit(trx, ctx, {
      action: 'job_schedule.create',
      entity: 'job_schedule',
      entityId: id,
      after: { ...values, nextRunAt },
    });
    return id;
  });
  return getSchedule(deps, ctx, id, scope);
}

/**
 * Changes a schedule. A new cron, time zone or enabling recomputes the next occurrence from now;
 * a change of name or payload keeps it. Audited with the before and after.
 */
export async function updateSchedule(
  deps: Deps,
  ctx: Ctx,
  id: number,
  raw: UpdateScheduleInput | unknown,
  scope: ScheduleScope = {},
) {
  const input = parseInput(updateScheduleInput, raw, 'Invalid schedule');
  const before = await getSchedule(deps, ctx, id, scope);
  const h = handlerFor(ctx, before.kind, scope);
  const payload =
    input.payload === undefined ? before.payload : await checkedPayload(deps, h, input.payload);
  const values = {
    name: input.name ?? before.name,
    kind: before.kind,
    cron: input.cron ?? before.cron,
    timezone: input.timezone ?? before.timezone,
    payload,
    enabled: input.enabled ?? before.enabled,
  };
  const timing =
    values.cron !== before.cron ||
    values.timezone !== before.timezone ||
    values.enabled !== before.enabled;
  const nextRunAt = timing || !before.nextRunAt ? nextRun(ctx, values) : before.nextRunAt;
  const now = ctx.now().toISOString();
  await deps.store.db.transaction().execute(async (trx) => {
    if (!(await repo.updateSchedule(trx, id, { ...values, nextRunAt }, now)))
      throw notFound('Schedule', id);
    await writeAudit(trx, ctx, {
      action: 'job_schedule.update',
      entity: 'job_schedule',
      entityId: id,
      before,
      after: { ...values, nextRunAt },
    });
  });
  return getSchedule(deps, ctx, id, scope);
}

/** Deletes a schedule; jobs it already queued stay (and run). Audited. */
export async function deleteSchedule(
  deps: Deps,
  ctx: Ctx,
  id: number,
  scope: ScheduleScope = {},
): Promise<void> {
  const before = await getSchedule(deps, ctx, id, scope);
  await deps.store.db.transaction().execute(async (trx) => {
    if (!(await repo.deleteSchedule(trx, id))) throw notFound('Schedule', id);
    await writeAudit(trx, ctx, {
      action: 'job_schedule.delete',
      entity: 'job_schedule',
      entityId: id,
      before,
    });
  });
}
