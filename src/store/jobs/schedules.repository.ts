import type { Kysely } from 'kysely';
import { instantText, instantTextOrNull } from '../row-values';
import type { DB } from '../schema';

export interface ScheduleRow {
  id: number;
  name: string;
  kind: string;
  cron: string;
  timezone: string;
  payload: Record<string, unknown>;
  enabled: boolean;
  nextRunAt: string | null;
  lastRunAt: string | null;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
}

function toSchedule(r: {
  id: number;
  name: string;
  kind: string;
  cron: string;
  timezone: string;
  payload: string;
  enabled: number;
  next_run_at: unknown;
  last_run_at: unknown;
  created_by: number | null;
  created_at: unknown;
  updated_at: unknown;
}): ScheduleRow {
  return {
    id: Number(r.id),
    name: r.name,
    kind: r.kind,
    cron: r.cron,
    timezone: r.timezone,
    payload: JSON.parse(r.payload) as Record<string, unknown>,
    enabled: Number(r.enabled) === 1,
    nextRunAt: instantTextOrNull(r.next_run_at),
    lastRunAt: instantTextOrNull(r.last_run_at),
    createdBy: r.created_by == null ? null : Number(r.created_by),
    createdAt: instantText(r.created_at),
    updatedAt: instantText(r.updated_at),
  };
}

export interface ScheduleValues {
  name: string;
  kind: string;
  cron: string;
  timezone: string;
  payload: unknown;
  enabled: boolean;
  nextRunAt: string | null;
}

/** Inserts a schedule; returns its id. */
export async function insertSchedule(
  db: Kysely<DB>,
  v: ScheduleValues,
  createdBy: number | null,
  now: string,
): Promise<number> {
  const r = await db
    .insertInto('job_schedules')
    .values({
      name: v.name,
      kind: v.kind,
      cron: v.cron,
      timezone: v.timezone,
      payload: JSON.stringify(v.payload),
      enabled: v.enabled ? 1 : 0,
      next_run_at: v.nextRunAt,
      created_by: createdBy,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(r.id);
}

/** Replaces a schedule's editable fields; false when it does not exist. */
export async function updateSchedule(
  db: Kysely<DB>,
  id: number,
  v: ScheduleValues,
  now: string,
): Promise<boolean> {
  const r = await db
    .updateTable('job_schedules')
    .set({
      name: v.name,
      kind: v.kind,
      cron: v.cron,
      timezone: v.timezone,
      payload: JSON.stringify(v.payload),
      enabled: v.enabled ? 1 : 0,
      next_run_at: v.nextRunAt,
      updated_at: now,
    })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Deletes a schedule (its past jobs stay); false when it does not exist. */
export async function deleteSchedule(db: Kysely<DB>, id: number): Promise<boolean> {
  const r = await db.deleteFrom('job_schedules').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

/** One schedule by id. */
export async function findSchedule(db: Kysely<DB>, id: number): Promise<ScheduleRow | undefined> {
  const r = await db
    .selectFrom('job_schedules')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return r ? toSchedule(r) : undefined;
}

/** Schedules, optionally of some kinds, oldest first. */
export async function listSchedules(
  db: Kysely<DB>,
  kinds?: readonly string[],
): Promise<ScheduleRow[]> {
  if (kinds && kinds.length === 0) return [];
  const rows = await db
    .selectFrom('job_schedules')
    .selectAll()
    .$if(kinds !== undefined, (q) => q.where('kind', 'in', kinds ?? []))
    .orderBy('id')
    .execute();
  return rows.map(toSchedule);
}

/** Enabled schedules whose next occurrence has come. */
export async function dueSchedules(db: Kysely<DB>, now: string): Promise<ScheduleRow[]> {
  const rows = await db
    .selectFrom('job_schedules')
    .selectAll()
    .where('enabled', '=', 1)
    .where('next_run_at', '<=', now)
    .orderBy('next_run_at')
    .orderBy('id')
    .execute();
  return rows.map(toSchedule);
}

/**
 * Moves a schedule past the occurrence `due`, only if it still points at it: a second scheduler
 * that fired the same occurrence finds it moved and changes nothing.
 */
export async function advanceSchedule(
  db: Kysely<DB>,
  id: number,
  due: string,
  next: string | null,
  now: string,
): Promise<boolean> {
  const r = await db
    .updateTable('job_schedules')
    .set({ next_run_at: next, last_run_at: due, updated_at: now })
    .where('id', '=', id)
    .where('next_run_at', '=', due)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
