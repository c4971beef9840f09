import { beforeAll, expect, it } from 'vitest';
import type { Ctx } from '../../src/app/context';
import { systemCtx } from '../../src/app/context';
import { loadDemo } from '../../src/app/demo/demo.service';
import { enqueue } from '../../src/app/jobs/jobs.service';
import { cycleInputFor } from '../../src/app/jobs/review-start-cycle.job';
import { runNextJob } from '../../src/app/jobs/runner';
import { tickScheduler } from '../../src/app/jobs/scheduler';
import { createSchedule } from '../../src/app/jobs/schedules.service';
import { createScheme } from '../../src/app/tiering/schemes.service';
import { findJob } from '../../src/store/jobs/jobs.repository';
import { describeEachEngine } from '../support/engines';

const AS_OF = '2026-11-30';
const name = (en: string) => ({ zh: en, en });
const scheme = {
  id: 'scheduled-abc',
  version: 1,
  name: name('Annual A/B/C'),
  metrics: [{ id: 'revenue', window: { kind: 'last_n_months', months: 12 } }],
  criteria: [
    {
      id: 'rev',
      label: name('Revenue'),
      metric: 'revenue',
      weight: 1,
      kind: 'percentile',
      maxPoints: 100,
    },
  ],
  tiers: ['A', 'B', 'C'].map((id, i) => ({ id, name: name(id), rank: i + 1 })),
  assignment: {
    ranking: {
      kind: 'quotas',
      quotas: [
        { tier: 'A', percent: 20 },
        { tier: 'B', percent: 30 },
        { tier: 'C', percent: 50 },
      ],
    },
  },
};

const clock = (iso: string): Ctx => ({ ...systemCtx(), now: () => new Date(iso) });
const silent = { info() {}, warn() {}, error() {} };

it('reads the occurrence date in the schedule time zone', () => {
  const p = {
    schemeId: 1,
    kind: 'annual' as const,
    nameTemplate: '{year} 年度客户分级评审 ({asOf})',
    asOf: 'previous_month_end' as const,
    deadlineDays: 30,
    effectiveFrom: 'next_year_start' as const,
  };
  // 16:00 UTC on 19 December is already 20 December in Shanghai.
  const at = new Date('2026-12-19T16:00:00Z');
  expect(cycleInputFor(p, at, '2026-12-20', 'Asia/Shanghai')).toEqual({
    name: '2026 年度客户分级评审 (2026-11-30)',
    kind: 'annual',
    schemeId: 1,
    asOf: '2026-11-30',
    deadline: '2027-01-19',
    effectiveFrom: '2027-01-01',
  });
  expect(
    cycleInputFor(
      { ...p, asOf: 'schedule_date', effectiveFrom: 'next_month_start' },
      at,
      '2026-12-20',
      'Asia/Shanghai',
    ),
  ).toMatchObject({ asOf: '2026-12-20', effectiveFrom: '2027-01-01' });
});

describeEachEngine('a scheduled annual review', ({ deps }) => {
  let schemeId = 0;
  beforeAll(async () => {
    const ctx = clock('2026-12-01T01:00:00Z');
    await loadDemo(deps(), { customers: 300, seed: 11, asOf: AS_OF, ctx });
    schemeId = (await createScheme(deps(), ctx, scheme)).schemeId;
  }, 180_000);

  it('starts the review cycle on 20 December through the scheduler and the runner', async () => {
    const s = await createSchedule(deps(), clock('2026-12-01T01:00:00Z'), {
      name: 'Annual review',
      kind: 'review.start_cycle',
      cron: '0 0 20 12 *',
      payload: {
        schemeId,
        kind: 'annual',
        nameTemplate: '{year} 年度客户分级评审',
        asOf: 'previous_month_end',
        deadlineDays: 30,
        effectiveFrom: 'next_year_start',
      },
    });
    expect(s.nextRunAt).toBe('2026-12-19T16:00:00.000Z');

    // Not yet due on the evening of the 19th (UTC), due a minute into the 20th in Shanghai.
    expect(await tickScheduler(deps(), new Date('2026-12-19T15:59:00Z'))).toEqual([]);
    const due = new Date('2026-12-19T16:01:00Z');
    const [jobId] = await tickScheduler(deps(), due);
    expect(jobId).toBeDefined();
    expect(await tickScheduler(deps(), due)).toEqual([]);

    const r = await runNextJob(deps(), { now: () => due, logger: silent });
    expect(r?.outcome).toBe('done');
    const job = await findJob(deps().store.db, jobId!);
    const result = job?.progress as { cycleId: number; proposals: number };
    expect(job?.status).toBe('done');

    const cycle = await deps()
      .store.db.selectFrom('review_cycles')
      .selectAll()
      .where('id', '=', result.cycleId)
      .executeTakeFirstOrThrow();
    expect(cycle).toMatchObject({
      name: '2026 年度客户分级评审',
      kind: 'annual',
      scheme_id: schemeId,
      as_of: AS_OF,
      deadline: '2027-01-19',
      effective_from: '2027-01-01',
      status: 'open',
      created_by: null,
    });
    const proposals = await deps()
      .store.db.selectFrom('review_proposals')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('cycle_id', '=', result.cycleId)
      .executeTakeFirstOrThrow();
    expect(Number(proposals.n)).toBe(result.proposals);
    expect(result.proposals).toBeGreaterThan(200);
    const audit = await deps()
      .store.db.selectFrom('audit_log')
      .select(['actor_name', 'request_id'])
      .where('action', '=', 'review_cycle.create')
      .where('entity_id', '=', String(result.cycleId))
      .executeTakeFirstOrThrow();
    expect(audit).toEqual({ actor_name: 'system', request_id: `job-${jobId}` });

    const next = await deps()
      .store.db.selectFrom('job_schedules')
      .select('next_run_at')
      .where('id', '=', s.id)
      .executeTakeFirstOrThrow();
    expect(next.next_run_at).toBe('2027-12-19T16:00:00.000Z');

    // The same occurrence run again (an attempt that died after starting the cycle) finds the
    // cycle it started rather than opening a second one.
    await enqueue(deps(), clock('2026-12-19T16:05:00Z'), {
      kind: 'review.start_cycle',
      payload: { ...(job?.payload as object) },
    });
    const again = await runNextJob(deps(), {
      now: () => new Date('2026-12-19T16:05:00Z'),
      logger: silent,
    });
    expect(again?.outcome).toBe('done');
    const cycles = await deps()
      .store.db.selectFrom('review_cycles')
      .select('id')
      .where('scheme_id', '=', schemeId)
      .execute();
    expect(cycles).toHaveLength(1);
  }, 120_000);
});
