import { beforeEach, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { Ctx } from '../../src/app/context';
import { systemCtx } from '../../src/app/context';
import { enqueue } from '../../src/app/jobs/jobs.service';
import { registerJobHandler } from '../../src/app/jobs/registry';
import { runNextJob, startJobRunner } from '../../src/app/jobs/runner';
import { tickScheduler } from '../../src/app/jobs/scheduler';
import { createSchedule } from '../../src/app/jobs/schedules.service';
import { openStore, type Store } from '../../src/store/database';
import * as jobs from '../../src/store/jobs/jobs.repository';
import { describeEachEngine } from '../support/engines';

const T0 = new Date('2026-12-01T02:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const clock = (d: Date): Ctx => ({ ...systemCtx(), now: () => d });
const silent = { info() {}, warn() {}, error() {} };

// Test kinds: each test uses its own so claims never pick up another test's jobs.
let flakyCalls = 0;
registerJobHandler('test.noop', {
  payload: z.record(z.string(), z.unknown()),
  manage: 'settings.manage',
  run: async (_p, { progress }) => {
    await progress({ step: 'half way', done: 1, total: 2 });
    return { ok: true };
  },
});
registerJobHandler('test.broken', {
  payload: z.record(z.string(), z.unknown()),
  manage: 'settings.manage',
  maxAttempts: 2,
  run: async () => {
    throw new Error('the remote system is down');
  },
});
registerJobHandler('test.flaky', {
  payload: z.record(z.string(), z.unknown()),
  manage: 'settings.manage',
  run: async () => {
    flakyCalls += 1;
    if (flakyCalls === 1) throw new Error('first attempt fails');
    return { calls: flakyCalls };
  },
});

describeEachEngine('durable jobs', ({ deps }) => {
  beforeEach(async () => {
    await deps().store.db.deleteFrom('jobs').execute();
    await deps().store.db.deleteFrom('job_schedules').execute();
  });

  const newJob = (kind: string, dedupeKey: string | null = null, runAt = T0) =>
    jobs.enqueueJob(
      deps().store.db,
      { kind, payload: {}, runAt: runAt.toISOString(), maxAttempts: 3, dedupeKey },
      T0.toISOString(),
    );

  /** A second connection to the same database, as a second server process would have. */
  function secondStore(): Store {
    const db = deps().config.database;
    return openStore(db);
  }

  it('enqueuing the same dedupe key twice has no second effect', async () => {
    const a = await enqueue(deps(), clock(T0), { kind: 'test.noop', payload: {}, dedupeKey: 'k1' });
    const b = await enqueue(deps(), clock(T0), { kind: 'test.noop', payload: {}, dedupeKey: 'k1' });
    expect(a.created).toBe(true);
    expect(b).toEqual({ id: a.id, created: false });
    const rows = await deps().store.db.selectFrom('jobs').select('id').execute();
    expect(rows).toHaveLength(1);
    const audits = await deps()
      .store.db.selectFrom('audit_log')
      .select('entity_id')
      .where('action', '=', 'job.enqueue')
      .where('entity_id', '=', String(a.id))
      .execute();
    expect(audits).toHaveLength(1);
    // Jobs without a key are never deduplicated.
    await newJob('test.noop');
    await newJob('test.noop');
    expect(await deps().store.db.selectFrom('jobs').select('id').execute()).toHaveLength(3);
  });

  it('two runners claiming at once never get the same job', async () => {
    for (let i = 0; i < 12; i++) await newJob('test.claim');
    const other = secondStore();
    try {
      const claim = (store: Store, worker: string) =>
        jobs.claimNextJob(
          store.db,
          store.engine,
          worker,
          at(1000).toISOString(),
          at(61_000).toISOString(),
          ['test.claim'],
        );
      const claims = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          i % 2 === 0 ? claim(deps().store, `a${i}`) : claim(other, `b${i}`),
        ),
      );
      const ids = claims.filter((c) => c !== undefined).map((c) => c.id);
      expect(ids).toHaveLength(12);
      expect(new Set(ids).size).toBe(12);
      const running = await deps()
        .store.db.selectFrom('jobs')
        .select(['status', 'attempts'])
        .execute();
      expect(running.every((r) => r.status === 'running' && Number(r.attempts) === 1)).toBe(true);
    } finally {
      await other.close();
    }
  });

  it('a job whose runner died is claimed again after its lease, and the old runner cannot finish it', async () => {
    const { id } = await newJob('test.lease');
    const db = deps().store.db;
    const engine = deps().store.engine;
    const claim = (worker: string, now: Date) =>
      jobs.claimNextJob(
        db,
        engine,
        worker,
        now.toISOString(),
        new Date(now.getTime() + 60_000).toISOString(),
        ['test.lease'],
      );
    const first = await claim('dead', T0);
    expect(first).toMatchObject({ id, attempts: 1, lockedBy: 'dead' });
    expect(await claim('alive', at(30_000))).toBeUndefined();
    const again = await claim('alive', at(61_000));
    expect(again).toMatchObject({
      id,
      attempts: 2,
      lockedBy: 'alive',
      startedAt: T0.toISOString(),
    });
    expect(await jobs.extendLease(db, id, 'dead', at(200_000).toISOString())).toBe(false);
    expect(await jobs.finishJob(db, id, 'dead', { by: 'dead' }, at(62_000).toISOString())).toBe(
      false,
    );
    expect(await jobs.finishJob(db, id, 'alive', { by: 'alive' }, at(62_000).toISOString())).toBe(
      true,
    );
    expect(await jobs.findJob(db, id)).toMatchObject({
      status: 'done',
      progress: { by: 'alive' },
      lockedBy: null,
      lockedUntil: null,
    });
  });

  it('a job abandoned on its last attempt fails instead of running a fourth time', async () => {
    const { id } = await newJob('test.lease');
    const db = deps().store.db;
    for (let i = 0; i < 3; i++) {
      const now = at(i * 120_000);
      const c = await jobs.claimNextJob(
        db,
        deps().store.engine,
        `w${i}`,
        now.toISOString(),
        new Date(now.getTime() + 60_000).toISOString(),
        ['test.lease'],
      );
      expect(c?.attempts).toBe(i + 1);
    }
    expect(await jobs.failAbandonedJobs(db, at(500_000).toISOString())).toBe(1);
    expect(await jobs.findJob(db, id)).toMatchObject({ status: 'failed', attempts: 3 });
  });

  it('a failing job is retried with backoff, then fails for good with its error', async () => {
    const { id } = await enqueue(deps(), clock(T0), { kind: 'test.broken', payload: {} });
    const run = (now: Date) => runNextJob(deps(), { now: () => now, worker: 'w', logger: silent });
    const first = await run(T0);
    expect(first?.outcome).toBe('retry');
    expect(await jobs.findJob(deps().store.db, id)).toMatchObject({
      status: 'queued',
      attempts: 1,
      maxAttempts: 2,
      error: 'the remote system is down',
      runAt: at(30_000).toISOString(),
    });
    expect(await run(at(10_000))).toBeUndefined(); // not due until the backoff passed
    const second = await run(at(30_000));
    expect(second?.outcome).toBe('failed');
    expect(await jobs.findJob(deps().store.db, id)).toMatchObject({
      status: 'failed',
      attempts: 2,
      error: 'the remote system is down',
      finishedAt: at(30_000).toISOString(),
    });
    expect(await run(at(10_000_000))).toBeUndefined();
  });

  it('a retried job succeeds on the next attempt and keeps its result as progress', async () => {
    flakyCalls = 0;
    const { id } = await enqueue(deps(), clock(T0), { kind: 'test.flaky', payload: {} });
    const run = (now: Date) => runNextJob(deps(), { now: () => now, logger: silent });
    expect((await run(T0))?.outcome).toBe('retry');
    expect((await run(at(60_000)))?.outcome).toBe('done');
    expect(await jobs.findJob(deps().store.db, id)).toMatchObject({
      status: 'done',
      attempts: 2,
      error: null,
      progress: { calls: 2 },
    });
  });

  it('a due schedule creates exactly one job, however often the scheduler ticks', async () => {
    const s = await createSchedule(deps(), clock(T0), {
      name: 'every five minutes',
      kind: 'test.noop',
      cron: '*/5 * * * *',
      payload: { x: 1 },
    });
    expect(s.nextRunAt).toBe('2026-12-01T02:05:00.000Z');
    expect(await tickScheduler(deps(), at(60_000))).toEqual([]);
    const due = at(5 * 60_000 + 1000);
    const first = await tickScheduler(deps(), due);
    const second = await tickScheduler(deps(), due);
    expect(first).toHaveLength(1);
    expect(second).toEqual([]);
    // A second process that read the schedule before the first moved it fires the same
    // occurrence again: the dedupe key turns that into nothing.
    await deps()
      .store.db.updateTable('job_schedules')
      .set({ next_run_at: '2026-12-01T02:05:00.000Z' })
      .where('id', '=', s.id)
      .execute();
    expect(await tickScheduler(deps(), due)).toEqual([]);
    const all = await jobs.listJobs(deps().store.db, { limit: 10, offset: 0 });
    expect(all.total).toBe(1);
    expect(all.items[0]).toMatchObject({
      kind: 'test.noop',
      runAt: '2026-12-01T02:05:00.000Z',
      dedupeKey: `schedule:${s.id}:2026-12-01T02:05:00.000Z`,
      payload: { x: 1, scheduleId: s.id, scheduledFor: '2026-12-01T02:05:00.000Z' },
    });
    const moved = await deps()
      .store.db.selectFrom('job_schedules')
      .select(['next_run_at', 'last_run_at'])
      .where('id', '=', s.id)
      .executeTakeFirstOrThrow();
    expect(moved).toEqual({
      next_run_at: '2026-12-01T02:10:00.000Z',
      last_run_at: '2026-12-01T02:05:00.000Z',
    });
  });

  it('computes the next run in Asia/Shanghai by default, or in the given zone', async () => {
    const shanghai = await createSchedule(deps(), clock(T0), {
      name: 'every 20 December',
      kind: 'test.noop',
      cron: '0 0 20 12 *',
      payload: {},
    });
    expect(shanghai).toMatchObject({
      timezone: 'Asia/Shanghai',
      nextRunAt: '2026-12-19T16:00:00.000Z', // midnight of 20 December in Shanghai
    });
    const utc = await createSchedule(deps(), clock(T0), {
      name: 'every 20 December, UTC',
      kind: 'test.noop',
      cron: '0 0 20 12 *',
      timezone: 'UTC',
      payload: {},
    });
    expect(utc.nextRunAt).toBe('2026-12-20T00:00:00.000Z');
    await tickScheduler(deps(), new Date('2026-12-19T16:00:00.000Z'));
    const after = await deps()
      .store.db.selectFrom('job_schedules')
      .select('next_run_at')
      .where('id', '=', shanghai.id)
      .executeTakeFirstOrThrow();
    expect(after.next_run_at).toBe('2027-12-19T16:00:00.000Z');
  });

  it('the runner polls, runs jobs, and survives a handler that throws', async () => {
    const broken = await enqueue(deps(), systemCtx(), { kind: 'test.broken', payload: {} });
    const ok = await enqueue(deps(), systemCtx(), { kind: 'test.noop', payload: {} });
    const stop = startJobRunner(deps(), { pollMs: 10, logger: silent });
    try {
      await vi.waitFor(
        async () => {
          const j = await jobs.findJob(deps().store.db, ok.id);
          expect(j?.status).toBe('done');
        },
        { timeout: 10_000, interval: 20 },
      );
    } finally {
      await stop();
    }
    expect(await jobs.findJob(deps().store.db, ok.id)).toMatchObject({ progress: { ok: true } });
    expect(await jobs.findJob(deps().store.db, broken.id)).toMatchObject({
      status: 'queued',
      attempts: 1,
      error: 'the remote system is down',
    });
  });
});
