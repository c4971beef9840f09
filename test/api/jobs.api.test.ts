import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/app/auth/users.service';
import { ensureFirstAdmin } from '../../src/app/bootstrap';
import { systemCtx } from '../../src/app/context';
import { createScheme } from '../../src/app/tiering/schemes.service';
import { ConfigError, loadConfig } from '../../src/config';
import { describeEachEngine } from '../support/engines';
import { type Client, signIn, testServer } from '../support/http';

const name = (en: string) => ({ zh: en, en });
const scheme = {
  id: 'api-schedule-abc',
  version: 1,
  name: name('A/B'),
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
  tiers: ['A', 'B'].map((id, i) => ({ id, name: name(id), rank: i + 1 })),
  assignment: {
    ranking: {
      kind: 'thresholds',
      thresholds: [
        { tier: 'A', minScore: 50 },
        { tier: 'B', minScore: 0 },
      ],
    },
  },
};

describeEachEngine('review schedules and jobs through the API', ({ deps }) => {
  let app: FastifyInstance;
  let admin: Client;
  let gm: Client;
  let agent: Client;
  let schemeId = 0;

  beforeAll(async () => {
    await ensureFirstAdmin(deps());
    for (const [username, roleId] of [
      ['gm', 'general_manager'],
      ['agent', 'service_agent'],
    ] as const) {
      await createUser(deps(), systemCtx(), {
        username,
        displayName: username,
        password: 'Jobs-pass-123',
        roleId,
      });
    }
    schemeId = (await createScheme(deps(), systemCtx(), scheme)).schemeId;
    app = (await testServer(deps())).app;
    admin = await signIn(app);
    gm = await signIn(app, 'gm', 'Jobs-pass-123');
    agent = await signIn(app, 'agent', 'Jobs-pass-123');
  });
  afterAll(async () => {
    await app.close();
  });

  const body = (over: Record<string, unknown> = {}) => ({
    name: 'Annual review',
    cron: '0 0 20 12 *',
    payload: { schemeId, nameTemplate: '{year} 年度客户分级评审' },
    ...over,
  });

  it('creates, lists, changes and deletes a review schedule, each change audited', async () => {
    const created = await gm.request({
      method: 'POST',
      url: '/api/reviews/schedules',
      payload: body(),
    });
    expect(created.statusCode).toBe(201);
    const s = created.json();
    expect(s).toMatchObject({
      kind: 'review.start_cycle',
      timezone: 'Asia/Shanghai',
      enabled: true,
      payload: { schemeId, kind: 'annual', asOf: 'previous_month_end', deadlineDays: 30 },
    });
    expect(s.nextRunAt).toMatch(/-12-19T16:00:00\.000Z$/);

    const list = await gm.request({ method: 'GET', url: '/api/reviews/schedules' });
    expect(list.json().items.map((i: { id: number }) => i.id)).toContain(s.id);

    const changed = await gm.request({
      method: 'PATCH',
      url: `/api/reviews/schedules/${s.id}`,
      payload: { cron: '0 9 1 6 *', timezone: 'UTC' },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().nextRunAt).toMatch(/-06-01T09:00:00\.000Z$/);

    const off = await gm.request({
      method: 'PATCH',
      url: `/api/reviews/schedules/${s.id}`,
      payload: { enabled: false },
    });
    expect(off.json()).toMatchObject({ enabled: false, nextRunAt: null });

    const gone = await gm.request({ method: 'DELETE', url: `/api/reviews/schedules/${s.id}` });
    expect(gone.statusCode).toBe(204);
    const missing = await gm.request({ method: 'DELETE', url: `/api/reviews/schedules/${s.id}` });
    expect(missing.statusCode).toBe(404);

    const audits = await deps()
      .store.db.selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'job_schedule')
      .where('entity_id', '=', String(s.id))
      .orderBy('id')
      .execute();
    expect(audits.map((a) => a.action)).toEqual([
      'job_schedule.create',
      'job_schedule.update',
      'job_schedule.update',
      'job_schedule.delete',
    ]);
  });

  it('refuses a bad cron, a bad time zone, a bad payload and an unknown scheme, naming the field', async () => {
    const post = (payload: Record<string, unknown>) =>
      gm.request({ method: 'POST', url: '/api/reviews/schedules', payload });
    const cron = await post(body({ cron: 'every christmas' }));
    expect(cron.statusCode).toBe(400);
    expect(cron.json().error.details.issues[0].field).toBe('cron');
    const tz = await post(body({ timezone: 'Mars/Olympus' }));
    expect(tz.statusCode).toBe(400);
    expect(tz.json().error.details.issues[0].field).toBe('timezone');
    const days = await post(body({ payload: { schemeId, nameTemplate: 'x', deadlineDays: 0 } }));
    expect(days.statusCode).toBe(400);
    expect(days.json().error.details.issues[0].field).toBe('payload.deadlineDays');
    const unknown = await post(body({ payload: { schemeId: 9999, nameTemplate: 'x' } }));
    expect(unknown.statusCode).toBe(404);
    const n = await deps()
      .store.db.selectFrom('job_schedules')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(0);
  });

  it('lists jobs for holders of jobs.read only', async () => {
    const res = await admin.request({ method: 'GET', url: '/api/jobs?status=queued&pageSize=5' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ page: 1, pageSize: 5, total: 0, items: [] });
    expect((await gm.request({ method: 'GET', url: '/api/jobs' })).statusCode).toBe(403);
    expect((await agent.request({ method: 'GET', url: '/api/reviews/schedules' })).statusCode).toBe(
      403,
    );
  });
});

describe('TIERDESK_JOBS', () => {
  const dir = () => mkdtempSync(join(tmpdir(), 'tdjobs-'));
  it('defaults to on, accepts off, and names itself when wrong', () => {
    expect(loadConfig({ TIERDESK_DATA_DIR: dir() }).jobs).toBe('on');
    expect(loadConfig({ TIERDESK_DATA_DIR: dir(), TIERDESK_JOBS: 'off' }).jobs).toBe('off');
    try {
      loadConfig({ TIERDESK_DATA_DIR: dir(), TIERDESK_JOBS: 'maybe' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as ConfigError).issues).toEqual([
        { variable: 'TIERDESK_JOBS', message: 'TIERDESK_JOBS must be on or off' },
      ]);
    }
  });
});
