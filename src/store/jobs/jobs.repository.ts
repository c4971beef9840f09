import { type Kysely, sql } from 'kysely';
import type { Engine } from '../database';
import { instantText, instantTextOrNull } from '../row-values';
import type { DB } from '../schema';

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface JobRow {
  id: number;
  kind: string;
  payload: unknown;
  status: JobStatus;
  runAt: string;
  attempts: number;
  maxAttempts: number;
  progress: unknown;
  error: string | null;
  lockedUntil: string | null;
  lockedBy: string | null;
  dedupeKey: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

const json = (v: string | null): unknown => (v == null ? null : JSON.parse(v));

interface RawJob {
  id: number;
  kind: string;
  payload: string;
  status: string;
  run_at: unknown;
  attempts: number;
  max_attempts: number;
  progress: string | null;
  error: string | null;
  locked_until: unknown;
  locked_by: string | null;
  dedupe_key: string | null;
  created_at: unknown;
  started_at: unknown;
  finished_at: unknown;
}

function toJob(r: RawJob): JobRow {
  return {
    id: Number(r.id),
    kind: r.kind,
    payload: json(r.payload),
    status: r.status as JobStatus,
    runAt: instantText(r.run_at),
    attempts: Number(r.attempts),
    maxAttempts: Number(r.max_attempts),
    progress: json(r.progress),
    error: r.error,
    lockedUntil: instantTextOrNull(r.locked_until),
    lockedBy: r.locked_by,
    dedupeKey: r.dedupe_key,
    createdAt: instantText(r.created_at),
    startedAt: instantTextOrNull(r.started_at),
    finishedAt: instantTextOrNull(r.finished_at),
  };
}

export interface NewJob {
  kind: string;
  payload: unknown;
  runAt: string;
  maxAttempts: number;
  dedupeKey: string | null;
}

/**
 * Queues a job. With a dedupe key, a second enqueue of the same key does nothing (the unique
 * index decides, so this holds across processes too) and returns the existing job's id.
 */
export async function enqueueJob(
  db: Kysely<DB>,
  job: NewJob,
  now: string,
): Promise<{ id: number; created: boolean }> {
  const inserted = await db
    .insertInto('jobs')
    .values({
      kind: job.kind,
      payload: JSON.stringify(job.payload ?? {}),
      status: 'queued',
      run_at: job.runAt,
      attempts: 0,
      max_attempts: job.maxAttempts,
      dedupe_key: job.dedupeKey,
      created_at: now,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return { id: Number(inserted.id), created: true };
  if (job.dedupeKey === null) throw new Error('A job without a dedupe key was not inserted');
  const existing = await db
    .selectFrom('jobs')
    .select('id')
    .where('dedupe_key', '=', job.dedupeKey)
    .executeTakeFirstOrThrow();
  return { id: Number(existing.id), created: false };
}

/**
 * Claims the next due job for `worker` and leases it until `lockedUntil`, in one statement so two
 * runners never get the same job. Due means queued with run_at reached, or running with a lease
 * that passed (its process died) and attempts left. SQLite has one writer, so an UPDATE whose
 * WHERE picks the row is atomic; PostgreSQL locks the picked row and lets other runners skip it.
 */
export async function claimNextJob(
  db: Kysely<DB>,
  engine: Engine,
  worker: string,
  now: string,
  lockedUntil: string,
  kinds?: readonly string[],
): Promise<JobRow | undefined> {
  if (kinds && kinds.length === 0) return undefined;
  const row = await db
    .updateTable('jobs')
    .set((eb) => ({
      status: 'running',
      attempts: eb('attempts', '+', 1),
      locked_until: lockedUntil,
      locked_by: worker,
      // The first start is kept across retries, so the UI shows how long the job has been going.
      started_at: eb.fn.coalesce('started_at', sql<string>`${now}`),
      error: null,
    }))
    .where('id', '=', (eb) =>
      eb
        .selectFrom('jobs')
        .select('id')
        .where((w) =>
          w.or([
            w.and([w('status', '=', 'queued'), w('run_at', '<=', now)]),
            w.and([
              w('status', '=', 'running'),
              w('locked_until', '<', now),
              w('attempts', '<', w.ref('max_attempts')),
            ]),
          ]),
        )
        .$if(kinds !== undefined, (q) => q.where('kind', 'in', kinds ?? []))
        .orderBy('run_at')
        .orderBy('id')
        .limit(1)
        .$if(engine === 'postgres', (q) => q.forUpdate().skipLocked()),
    )
    .returningAll()
    .executeTakeFirst();
  return row ? toJob(row) : undefined;
}

/**
 * Fails running jobs whose lease passed and that have no attempts left: their process died on
 * the last attempt, so nobody will claim them again. Returns how many were failed.
 */
export async function failAbandonedJobs(db: Kysely<DB>, now: string): Promise<number> {
  const r = await db
    .updateTable('jobs')
    .set({
      status: 'failed',
      error: 'The runner stopped while running the last attempt (lease expired)',
      locked_until: null,
      locked_by: null,
      finished_at: now,
    })
    .where('status', '=', 'running')
    .where('locked_until', '<', now)
    .where((w) => w('attempts', '>=', w.ref('max_attempts')))
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Extends the lease of a job `worker` still holds; false when the lease was lost. */
export async function extendLease(
  db: Kysely<DB>,
  id: number,
  worker: string,
  lockedUntil: string,
): Promise<boolean> {
  const r = await db
    .updateTable('jobs')
    .set({ locked_until: lockedUntil })
    .where('id', '=', id)
    .where('locked_by', '=', worker)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Records progress (shown in the UI) and extends the lease; false when the lease was lost. */
export async function setJobProgress(
  db: Kysely<DB>,
  id: number,
  worker: string,
  progress: unknown,
  lockedUntil: string,
): Promise<boolean> {
  const r = await db
    .updateTable('jobs')
    .set({ progress: JSON.stringify(progress), locked_until: lockedUntil })
    .where('id', '=', id)
    .where('locked_by', '=', worker)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Marks a held job done with its final progress; false when the lease was lost meanwhile. */
export async function finishJob(
  db: Kysely<DB>,
  id: number,
  worker: string,
  progress: unknown,
  now: string,
): Promise<boolean> {
  const r = await db
    .updateTable('jobs')
    .set({
      status: 'done',
      ...(progress === undefined ? {} : { progress: JSON.stringify(progress) }),
      error: null,
      locked_until: null,
      locked_by: null,
      finished_at: now,
    })
    .where('id', '=', id)
    .where('locked_by', '=', worker)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Records a failed attempt of a held job: queued again at `retryAt`, or failed for good when
 * `retryAt` is null. False when the lease was lost meanwhile.
 */
export async function failJobAttempt(
  db: Kysely<DB>,
  id: number,
  worker: string,
  error: string,
  retryAt: string | null,
  now: string,
): Promise<boolean> {
  const r = await db
    .updateTable('jobs')
    .set(
      retryAt
        ? { status: 'queued', run_at: retryAt, error, locked_until: null, locked_by: null }
        : { status: 'failed', error, locked_until: null, locked_by: null, finished_at: now },
    )
    .where('id', '=', id)
    .where('locked_by', '=', worker)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** One job by id. */
export async function findJob(db: Kysely<DB>, id: number): Promise<JobRow | undefined> {
  const r = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toJob(r) : undefined;
}

export interface JobFilter {
  status?: JobStatus | undefined;
  kind?: string | undefined;
  /** Jobs whose dedupe key starts with this (e.g. one schedule's occurrences). */
  dedupePrefix?: string | undefined;
  limit: number;
  offset: number;
}

/** Jobs, newest first, with the total count of the filter. */
export async function listJobs(
  db: Kysely<DB>,
  f: JobFilter,
): Promise<{ items: JobRow[]; total: number }> {
  const base = db
    .selectFrom('jobs')
    .$if(f.status !== undefined, (q) => q.where('status', '=', f.status!))
    .$if(f.kind !== undefined, (q) => q.where('kind', '=', f.kind!))
    .$if(f.dedupePrefix !== undefined, (q) => q.where('dedupe_key', 'like', `${f.dedupePrefix}%`));
  const rows = await base
    .selectAll()
    .orderBy('id', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  const n = await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return { items: rows.map(toJob), total: Number(n.n) };
}
