import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createUser } from '../../src/app/auth/users.service';
import { ensureFirstAdmin } from '../../src/app/bootstrap';
import { systemCtx } from '../../src/app/context';
import { createFact } from '../../src/app/facts/facts.service';
import { describeEachEngine } from '../support/engines';
import { type Client, signIn, testServer } from '../support/http';
import { roleLike, SCOPE_PASSWORD, type ScopeCast, seedScopeCast } from '../support/row-scopes';

type Code = keyof ScopeCast['customers'];

/**
 * Row scopes on the service side (feedback, follow-up actions, blacklist requests, the SLA
 * queue and supervisor view), on stored analytics reports and on the analytics filter options.
 * Cast (see seedScopeCast): am-a owns A1 and A2 (华东, own scope), am-b owns B1 (华东), am-c owns
 * C1 (华南), N1 (华南) has no owner. sup-east is a service supervisor scoped to region 华东 (sees
 * A1, A2, B1), gm-own a general manager scoped to own customers (owns none), gm-all sees all.
 */
describeEachEngine('row scopes on service lists, reports and filter options', ({ deps }) => {
  let app: FastifyInstance;
  let cast: ScopeCast;
  let admin: Client;
  let a: Client;
  let gm: Client;
  let supEast: Client;
  let gmOwn: Client;
  let gmOwnId = 0;
  const feedback = {} as Record<'A1' | 'B1' | 'C1', number>;
  const tickets = {} as Record<'A1' | 'B1' | 'C1' | 'N1', number>;

  const ids = (items: { id: number }[]) => items.map((i) => i.id).sort((x, y) => x - y);
  const sorted = (...xs: number[]) => [...xs].sort((x, y) => x - y);
  const get = async (c: Client, url: string, status = 200) => {
    const res = await c.request({ method: 'GET', url });
    expect(res.statusCode, `${url}: ${res.body}`).toBe(status);
    return res.json();
  };
  const post = (c: Client, url: string, payload: unknown) =>
    c.request({ method: 'POST', url, payload: payload as Record<string, unknown> });

  beforeAll(async () => {
    await ensureFirstAdmin(deps());
    cast = await seedScopeCast(deps(), 'SV');
    const sys = systemCtx();
    // Distinct industries, so the filter options show whose customers they come from.
    const industry: Record<Code, string> = {
      A1: '汽车',
      A2: '汽车',
      B1: '零售',
      C1: '能源',
      N1: '能源',
    };
    for (const [code, ind] of Object.entries(industry) as [Code, string][])
      await deps()
        .store.db.updateTable('customers')
        .set({ industry: ind })
        .where('id', '=', cast.customers[code])
        .execute();
    for (const code of ['A1', 'B1', 'C1'] as const)
      feedback[code] = Number(
        (
          await createFact(deps(), sys, 'feedback', cast.customers[code], {
            kind: 'complaint',
            content: `${code} 投诉`,
            receivedOn: '2026-11-20',
          })
        ).id,
      );
    const supRole = await roleLike(deps(), 'service_supervisor', 'region');
    const gmRole = await roleLike(deps(), 'general_manager', 'own');
    await createUser(deps(), sys, {
      username: 'sup-east',
      displayName: 'sup-east',
      password: SCOPE_PASSWORD,
      roleId: supRole,
      region: '华东',
      team: null,
    });
    gmOwnId = (
      await createUser(deps(), sys, {
        username: 'gm-own',
        displayName: 'gm-own',
        password: SCOPE_PASSWORD,
        roleId: gmRole,
        region: '华东',
        team: null,
      })
    ).id;
    app = (await testServer(deps())).app;
    admin = await signIn(app);
    a = await signIn(app, 'am-a', SCOPE_PASSWORD);
    gm = await signIn(app, 'gm-all', SCOPE_PASSWORD);
    supEast = await signIn(app, 'sup-east', SCOPE_PASSWORD);
    gmOwn = await signIn(app, 'gm-own', SCOPE_PASSWORD);
    for (const code of ['A1', 'B1', 'C1', 'N1'] as const) {
      const res = await post(admin, '/api/tickets', {
        customerId: cast.customers[code],
        channel: 'phone',
        category: 'repair',
        level: 2,
        subject: `SV ${code}`,
      });
      expect(res.statusCode, res.body).toBe(201);
      tickets[code] = res.json().ticket.id as number;
    }
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });

  it('feedback: lists, reads and changes only feedback of in-scope customers', async () => {
    expect(ids((await get(a, '/api/feedback')).items)).toEqual([feedback.A1]);
    expect((await get(a, `/api/feedback?customerId=${cast.customers.B1}`)).items).toEqual([]);
    expect(ids((await get(supEast, '/api/feedback')).items)).toEqual(
      sorted(feedback.A1, feedback.B1),
    );
    expect(ids((await get(gm, '/api/feedback')).items)).toEqual(
      sorted(feedback.A1, feedback.B1, feedback.C1),
    );

    expect((await get(a, `/api/feedback/${feedback.A1}`)).customerId).toBe(cast.customers.A1);
    const unknown = await get(a, '/api/feedback/999999', 404);
    const hidden = await get(a, `/api/feedback/${feedback.B1}`, 404);
    expect(hidden.error.code).toBe(unknown.error.code);
    const cls = await post(a, `/api/feedback/${feedback.B1}/classification`, {
      classification: 'service_quality',
    });
    expect(cls.statusCode).toBe(404);
    const add = await post(a, `/api/feedback/${feedback.B1}/actions`, {
      action: '回访',
      dueOn: '2020-01-01',
    });
    expect(add.statusCode).toBe(404);
    // Nothing was changed on the hidden feedback.
    const b1 = await get(gm, `/api/feedback/${feedback.B1}`);
    expect(b1).toMatchObject({ classification: null, status: 'open', actions: [] });

    // Overdue actions on A1 and B1: am-a sees A1's only and cannot move B1's.
    const addAs = async (c: Client, id: number) => {
      const res = await post(c, `/api/feedback/${id}/actions`, {
        action: '主管回访',
        dueOn: '2020-01-01',
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().actions[0].id as number;
    };
    const actA = await addAs(a, feedback.A1);
    const actB = await addAs(admin, feedback.B1);
    const actC = await addAs(admin, feedback.C1);
    expect(ids((await get(a, '/api/feedback/overdue-actions')).items)).toEqual([actA]);
    expect(ids((await get(supEast, '/api/feedback/overdue-actions')).items)).toEqual(
      sorted(actA, actB),
    );
    expect(ids((await get(gm, '/api/feedback/overdue-actions')).items)).toEqual(
      sorted(actA, actB, actC),
    );
    const step = (id: number) =>
      post(a, `/api/feedback-actions/${id}/status`, { status: 'in_progress' });
    const stepB = await step(actB);
    expect(stepB.statusCode).toBe(404);
    expect(stepB.json().error.code).toBe(unknown.error.code);
    expect((await step(actA)).statusCode).toBe(200);
    const b1After = await get(gm, `/api/feedback/${feedback.B1}`);
    expect(b1After.actions[0]).toMatchObject({ id: actB, status: 'open' });
  });

  it('blacklist requests: asking about, listing and deciding stay within the scope', async () => {
    const ask = (c: Client, code: 'A1' | 'B1' | 'C1') =>
      post(c, '/api/blacklist-requests', {
        customerId: cast.customers[code],
        action: 'add',
        reason: '反复无理投诉',
        feedbackIds: [feedback[code]],
      });
    const unknown = await post(a, '/api/blacklist-requests', {
      customerId: 999999,
      action: 'add',
      reason: 'x',
      feedbackIds: [1],
    });
    expect(unknown.statusCode).toBe(404);
    const hidden = await ask(a, 'B1');
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().error.code).toBe(unknown.json().error.code);
    const mine = await ask(a, 'A1');
    expect(mine.statusCode, mine.body).toBe(201);
    const ofC = await ask(admin, 'C1');
    expect(ofC.statusCode, ofC.body).toBe(201);
    const mineId = mine.json().id as number;
    const cId = ofC.json().id as number;

    expect(ids(await get(a, '/api/blacklist-requests').then((r) => r.items))).toEqual([mineId]);
    expect((await get(a, `/api/blacklist-requests?customerId=${cast.customers.C1}`)).items).toEqual(
      [],
    );
    expect(ids((await get(supEast, '/api/blacklist-requests')).items)).toEqual([mineId]);
    expect(ids((await get(gm, '/api/blacklist-requests')).items)).toEqual(sorted(mineId, cId));

    const decide = (id: number) =>
      post(supEast, `/api/blacklist-requests/${id}/decision`, { approve: false, note: 'no' });
    const refusedC = await decide(cId);
    expect(refusedC.statusCode).toBe(404);
    const stillPending = (await get(gm, '/api/blacklist-requests')).items.find(
      (r: { id: number }) => r.id === cId,
    );
    expect(stillPending.status).toBe('pending');
    const decided = await decide(mineId);
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({ id: mineId, status: 'refused' });
  });

  it('the SLA queue and the supervisor view show only tickets of in-scope customers', async () => {
    // A1 and C1 breached; B1 and N1 past their warning.
    const db = deps().store.db;
    await db
      .updateTable('ticket_slas')
      .set({ breached: 1 })
      .where('ticket_id', 'in', [tickets.A1, tickets.C1])
      .execute();
    await db
      .updateTable('ticket_slas')
      .set({ breached: 0, warn_at: '2000-01-01T00:00:00.000Z' })
      .where('ticket_id', 'in', [tickets.B1, tickets.N1])
      .execute();

    const queue = await get(a, '/api/tickets/queue?pageSize=100');
    expect(ids(queue.items)).toEqual([tickets.A1]);
    expect(queue.total).toBe(1);
    const eastQueue = await get(supEast, '/api/tickets/queue?pageSize=100');
    expect(ids(eastQueue.items)).toEqual(sorted(tickets.A1, tickets.B1));
    expect(eastQueue.total).toBe(2);
    const all = await get(gm, '/api/tickets/queue?pageSize=100');
    expect(ids(all.items)).toEqual(sorted(tickets.A1, tickets.B1, tickets.C1, tickets.N1));
    expect(all.total).toBe(4);

    const sum = (v: { counts: { state: string; count: number }[] }, s: string) =>
      v.counts.filter((c) => c.state === s).reduce((n, c) => n + c.count, 0);
    const east = await get(supEast, '/api/tickets/supervisor');
    expect(east.totals).toEqual({ breached: 1, atRisk: 1 });
    expect([sum(east, 'breached'), sum(east, 'at_risk')]).toEqual([1, 1]);
    expect(ids(east.breached)).toEqual([tickets.A1]);
    expect(ids(east.atRisk)).toEqual([tickets.B1]);
    const own = await get(a, '/api/tickets/supervisor');
    expect(own.totals).toEqual({ breached: 1, atRisk: 0 });
    expect(ids(own.breached)).toEqual([tickets.A1]);
    expect(own.atRisk).toEqual([]);
    const everyone = await get(gm, '/api/tickets/supervisor');
    expect(everyone.totals).toEqual({ breached: 2, atRisk: 2 });
    expect(ids(everyone.breached)).toEqual(sorted(tickets.A1, tickets.C1));
    expect(ids(everyone.atRisk)).toEqual(sorted(tickets.B1, tickets.N1));
  });

  it('stored reports: a scoped actor reads only the reports they made', async () => {
    const make = async (c: Client) => {
      const res = await post(c, '/api/analytics/reports', {
        cadence: 'adhoc',
        filters: { from: '2025-01', to: '2025-06' },
        lang: 'en',
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as number;
    };
    const byAdmin = await make(admin);
    const byGmOwn = await make(gmOwn);

    const list = await get(a, '/api/analytics/reports');
    expect(list).toMatchObject({ items: [], total: 0 });
    const unknown = await get(a, '/api/analytics/reports/999999', 404);
    const hidden = await get(a, `/api/analytics/reports/${byAdmin}`, 404);
    expect(hidden.error.code).toBe(unknown.error.code);
    await get(a, `/api/analytics/reports/${byGmOwn}`, 404);
    await get(a, `/api/analytics/reports/${byAdmin}/export.xlsx`, 404);

    const ownList = await get(gmOwn, '/api/analytics/reports');
    expect(ids(ownList.items)).toEqual([byGmOwn]);
    expect(ownList.total).toBe(1);
    expect(ownList.items[0].createdBy).toBe(gmOwnId);
    expect((await get(gmOwn, `/api/analytics/reports/${byGmOwn}`)).id).toBe(byGmOwn);
    const xlsx = await gmOwn.request({
      method: 'GET',
      url: `/api/analytics/reports/${byGmOwn}/export.xlsx`,
    });
    expect(xlsx.statusCode).toBe(200);
    await get(gmOwn, `/api/analytics/reports/${byAdmin}`, 404);
    await get(gmOwn, `/api/analytics/reports/${byAdmin}/export.xlsx`, 404);
    expect((await get(gmOwn, '/api/analytics/reports?cadence=adhoc')).total).toBe(1);

    const everyone = await get(gm, '/api/analytics/reports');
    expect(ids(everyone.items)).toEqual(sorted(byAdmin, byGmOwn));
    expect((await get(gm, `/api/analytics/reports/${byAdmin}`)).id).toBe(byAdmin);

    // A report goes only to recipients who can open it: a scoped user is refused as one, and
    // is not offered in the recipient list.
    const toScoped = await post(admin, '/api/analytics/reports', {
      cadence: 'adhoc',
      filters: { from: '2025-01', to: '2025-06' },
      lang: 'en',
      recipients: { userIds: [cast.users.gm, gmOwnId] },
    });
    expect(toScoped.statusCode, toScoped.body).toBe(400);
    expect(toScoped.json().error.details.issues).toEqual([
      expect.objectContaining({
        field: 'recipients.userIds.1',
        message: expect.stringMatching(/row scope/),
      }),
    ]);
    const offered = await get(admin, '/api/analytics/report-recipients');
    const offeredIds = (offered.items as { id: number }[]).map((u) => u.id);
    expect(offeredIds).toContain(cast.users.gm);
    expect(offeredIds).not.toContain(gmOwnId);
    // A scoped maker may send their own report to themselves.
    const own = await post(gmOwn, '/api/analytics/reports', {
      cadence: 'adhoc',
      filters: { from: '2025-01', to: '2025-06' },
      lang: 'en',
      recipients: { userIds: [gmOwnId] },
    });
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json().delivery.notifiedUserIds).toEqual([gmOwnId]);
  });

  it('filter options offer values of in-scope customers only; schemes stay whole', async () => {
    const opts = (c: Client) => get(c, '/api/analytics/filter-options');
    const text = (xs: string[]) => [...xs].sort();
    const mine = await opts(a);
    expect(text(mine.regions)).toEqual(['华东']);
    expect(text(mine.industries)).toEqual(['汽车']);
    expect(mine.types).toEqual(['enterprise']);
    const east = await opts(supEast);
    expect(text(east.regions)).toEqual(['华东']);
    expect(text(east.industries)).toEqual(text(['汽车', '零售']));
    const none = await opts(gmOwn);
    expect(none).toMatchObject({ regions: [], industries: [], types: [] });
    const all = await opts(gm);
    expect(text(all.regions)).toEqual(text(['华东', '华南']));
    expect(text(all.industries)).toEqual(text(['汽车', '能源', '零售']));
    expect(mine.schemes).toEqual(all.schemes);
    expect(none.schemes).toEqual(all.schemes);
  });
});
