import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createUser } from '../../src/app/auth/users.service';
import { ensureFirstAdmin } from '../../src/app/bootstrap';
import { createCalendar } from '../../src/app/calendars/calendars.service';
import { systemCtx } from '../../src/app/context';
import { createCustomer } from '../../src/app/customers/customers.service';
import { publishRun } from '../../src/app/review/publish.service';
import { setOverride } from '../../src/app/tiering/overrides.service';
import { runTiering } from '../../src/app/tiering/run.service';
import { markServiceTier } from '../../src/app/tiering/schemes.service';
import { createFromTemplate } from '../../src/app/tiering/templates.service';
import { chinaMainlandCalendar, type DayHours } from '../../src/domain/calendar';
import { customerInput } from '../factories/customers';
import { describeEachEngine } from '../support/engines';
import { type Client, signIn, testServer } from '../support/http';

const PASSWORD = 'Sla-pass-12345';

describeEachEngine('SLA policies through the API', ({ deps }) => {
  let app: FastifyInstance;
  let supervisor: Client;
  let agent: Client;
  let finance: Client;
  let goldCustomer = 0;

  beforeAll(async () => {
    const ctx = systemCtx();
    await ensureFirstAdmin(deps());
    const { version } = await createFromTemplate(deps(), ctx, 'abcd');
    await markServiceTier(deps(), ctx, version.schemeId);
    const c = await createCustomer(deps(), ctx, customerInput({ code: 'SLA-B' }));
    goldCustomer = c.id;
    await setOverride(deps(), ctx, version.schemeId, {
      customerId: c.id,
      tier: 'B',
      reason: 'test: gold customer',
    });
    const run = await runTiering(deps(), ctx, { schemeVersionId: version.id, asOf: '2025-12-31' });
    await publishRun(deps(), ctx, run.runId, { effectiveFrom: '2026-01-01' });
    for (const [username, roleId] of [
      ['sup', 'service_supervisor'],
      ['agent', 'service_agent'],
      ['fin', 'finance'],
    ] as const)
      await createUser(deps(), ctx, {
        username,
        displayName: username,
        password: PASSWORD,
        roleId,
      });
    app = (await testServer(deps())).app;
    supervisor = await signIn(app, 'sup', PASSWORD);
    agent = await signIn(app, 'agent', PASSWORD);
    finance = await signIn(app, 'fin', PASSWORD);
  }, 120_000);
  afterAll(async () => {
    await app.close();
  });

  it('reads the template, saves an edit and refuses agents, other roles and bad sets', async () => {
    const first = await agent.request({ method: 'GET', url: '/api/sla/policies' });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ version: null, schemeId: expect.any(Number) });
    expect((await finance.request({ method: 'GET', url: '/api/sla/policies' })).statusCode).toBe(
      403,
    );
    const template = await agent.request({ method: 'GET', url: '/api/sla/policies/template' });
    expect(template.json().policies).toHaveLength(12);

    const policies = first.json().policies as {
      key: string;
      targets: Record<string, unknown>;
      calendar: string;
    }[];
    const edited = policies.map((p) =>
      p.key === 'tier-b'
        ? { ...p, targets: { ...p.targets, firstReply: { amount: 45, unit: 'minutes' } } }
        : p,
    );
    const put = (c: Client, payload: Record<string, unknown>) =>
      c.request({ method: 'PUT', url: '/api/sla/policies', payload });
    expect((await put(agent, { policies: edited, version: null })).statusCode).toBe(403);
    const bad = await put(supervisor, {
      policies: edited.map((p) => (p.key === 'level-2' ? { ...p, calendar: 'nowhere' } : p)),
      version: null,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues).toEqual([
      expect.objectContaining({ field: 'policies.2.calendar' }),
    ]);
    const saved = await put(supervisor, {
      policies: edited,
      version: null,
      note: '金牌首次回复 45 分钟',
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      version: 1,
      savedVersion: 1,
      note: '金牌首次回复 45 分钟',
    });
    expect(saved.json().savedBy.name).toBe('sup');
    const stale = await put(supervisor, { policies: edited, version: null });
    expect(stale.statusCode).toBe(409);
    const versions = await agent.request({ method: 'GET', url: '/api/sla/policies/versions' });
    expect(versions.json().items.map((v: { version: number }) => v.version)).toEqual([1]);
    const v1 = await agent.request({ method: 'GET', url: '/api/sla/policies/versions/1' });
    expect(
      v1.json().policies.find((p: { key: string }) => p.key === 'tier-b').targets.firstReply,
    ).toEqual({ amount: 45, unit: 'minutes' });
  });

  it('explains which policy applies to a customer and when each target is due', async () => {
    const r = await agent.request({
      method: 'POST',
      url: '/api/sla/explain',
      payload: {
        customerId: goldCustomer,
        level: 3,
        category: 'complaint.service_attitude',
        openedAt: '2026-02-13T16:00:00+08:00',
      },
    });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.facts).toMatchObject({ tier: 'B', tierSource: 'customer' });
    expect(body.version).toBe(1);
    expect(body.winner.key).toBe('level-3');
    expect(
      body.candidates
        .slice(0, 3)
        .map((c: { key: string; lostOn: string | null }) => [c.key, c.lostOn]),
    ).toEqual([
      ['level-3', null],
      ['tier-b', 'level'],
      ['inquiry-24h', 'fields'],
    ]);
    // First reply 45 min from tier B (edited): Fri 16:00 → 16:45. Response 24 h on the office
    // calendar: Fri 2 h + Sat 14 Feb (make-up) 8 h + Tue 24 8 h + Wed 25 09–12, 13–16.
    // Resolution 5 working days: Sat 14, Tue 24, Wed 25, Thu 26, Fri 27 → 18:00.
    expect(
      body.targets.map((t: { key: string; policyKey: string; dueAt: string }) => [
        t.key,
        t.policyKey,
        t.dueAt,
      ]),
    ).toEqual([
      ['firstReply', 'tier-b', '2026-02-13T08:45:00.000Z'],
      ['response', 'level-3', '2026-02-25T08:00:00.000Z'],
      ['resolution', 'level-3', '2026-02-27T10:00:00.000Z'],
    ]);
  });

  it('runs a policy on a calendar kept in the database (an 18-hour service day)', async () => {
    const cn = chinaMainlandCalendar();
    const eighteen: DayHours = [['06:00', '24:00']];
    await createCalendar(deps(), systemCtx(), {
      key: 'gold-18h',
      document: {
        ...cn,
        id: 'gold-18h',
        name: { zh: '金牌 18 小时服务', en: 'Gold 18-hour service' },
        weekHours: [eighteen, eighteen, eighteen, eighteen, eighteen, eighteen, eighteen],
        holidays: [],
        workdays: [],
      },
    });
    const current = (await agent.request({ method: 'GET', url: '/api/sla/policies' })).json();
    expect(current.calendars.map((c: { key: string }) => c.key)).toContain('gold-18h');
    const policies = current.policies.map((p: { key: string }) =>
      p.key === 'tier-b' ? { ...p, calendar: 'gold-18h' } : p,
    );
    const saved = await supervisor.request({
      method: 'PUT',
      url: '/api/sla/policies',
      payload: { policies, version: current.version, note: '金牌按 18 小时服务日计时' },
    });
    expect(saved.statusCode).toBe(200);
    const r = await agent.request({
      method: 'POST',
      url: '/api/sla/explain',
      payload: { tier: 'B', level: 3, category: 'repair', openedAt: '2026-02-13T23:50:00+08:00' },
    });
    // 45 min: 23:50–24:00, then Sat 14 Feb from 06:00 for 35 min → 06:35 (22:35 UTC the day before).
    expect(r.json().targets[0]).toMatchObject({
      key: 'firstReply',
      calendar: 'gold-18h',
      dueAt: '2026-02-13T22:35:00.000Z',
    });
  });

  it('answers 409 CALENDAR_NOT_COVERED past the holiday list, 400 for a bad level', async () => {
    const late = await agent.request({
      method: 'POST',
      url: '/api/sla/explain',
      payload: {
        tier: 'C',
        level: 4,
        category: 'consultation',
        openedAt: '2026-12-28T10:00:00+08:00',
      },
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toMatchObject({
      code: 'CALENDAR_NOT_COVERED',
      details: { calendarId: 'cn-mainland', coveredUntil: '2026-12-31' },
    });
    const bad = await agent.request({
      method: 'POST',
      url: '/api/sla/explain',
      payload: { level: 7, category: 'repair' },
    });
    expect(bad.statusCode).toBe(400);
  });
});
