import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createUser } from '../../src/app/auth/users.service';
import { ensureFirstAdmin } from '../../src/app/bootstrap';
import { type Ctx, systemCtx } from '../../src/app/context';
import { createCustomer } from '../../src/app/customers/customers.service';
import { createFact } from '../../src/app/facts/facts.service';
import { createInvitation } from '../../src/app/feedback/surveys.service';
import { frontlineCard } from '../../src/app/frontline/card.service';
import { customerInput } from '../factories/customers';
import { describeEachEngine } from '../support/engines';
import { type Client, signIn, testServer } from '../support/http';

const PASSWORD = 'Feedback-pass-123';

describeEachEngine('feedback and satisfaction through the API', ({ deps }) => {
  let app: FastifyInstance;
  let agent: Client;
  let sup1: Client;
  let sup2: Client;
  let customer = { id: 0, code: '' };
  let complaintId = 0;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    await ensureFirstAdmin(deps());
    for (const [username, roleId] of [
      ['agent', 'service_agent'],
      ['sup1', 'service_supervisor'],
      ['sup2', 'service_supervisor'],
    ] as const)
      ids[username] = (
        await createUser(deps(), systemCtx(), {
          username,
          displayName: username,
          password: PASSWORD,
          roleId,
        })
      ).id;
    const c = await createCustomer(deps(), systemCtx(), customerInput());
    customer = { id: c.id, code: c.code };
    complaintId = Number(
      (
        await createFact(deps(), systemCtx(), 'feedback', c.id, {
          kind: 'complaint',
          content: '第五次就同一问题投诉，要求赔偿',
          receivedOn: '2026-11-20',
        })
      ).id,
    );
    app = (await testServer(deps())).app;
    agent = await signIn(app, 'agent', PASSWORD);
    sup1 = await signIn(app, 'sup1', PASSWORD);
    sup2 = await signIn(app, 'sup2', PASSWORD);
  }, 120_000);
  afterAll(async () => {
    await app.close();
  });

  it('a public survey token answers once; a used or expired token is refused clearly', async () => {
    const inv = await agent.request({
      method: 'POST',
      url: '/api/surveys/invitations',
      payload: { customerId: customer.id },
    });
    expect(inv.statusCode).toBe(201);
    const { token } = inv.json() as { token: string };
    const peek = await app.inject({ method: 'GET', url: `/api/public/surveys?token=${token}` });
    expect(peek.json()).toMatchObject({ state: 'open', about: 'campaign' });
    const answer = (t: string, score: number) =>
      app.inject({
        method: 'POST',
        url: '/api/public/surveys/answer',
        payload: { token: t, score, comment: '很好' },
      });
    expect((await answer(token, 9)).json().error.details.issues[0].field).toBe('score');
    expect((await answer(token, 5)).statusCode).toBe(201);
    const again = await answer(token, 4);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details.reason).toBe('answered');
    expect((await answer('no-such-token', 4)).statusCode).toBe(404);

    // An invitation made 20 days ago has passed its 14-day expiry.
    const past: Ctx = { ...systemCtx(), now: () => new Date(Date.now() - 20 * 86_400_000) };
    const old = await createInvitation(deps(), past, { customerId: customer.id });
    const late = await answer(old.token, 3);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.details.reason).toBe('expired');
  });

  it('classifies feedback and tracks actions to done', async () => {
    const cls = await agent.request({
      method: 'POST',
      url: `/api/feedback/${complaintId}/classification`,
      payload: { classification: 'service_quality' },
    });
    expect(cls.json()).toMatchObject({ classification: 'service_quality' });
    const bad = await agent.request({
      method: 'POST',
      url: `/api/feedback/${complaintId}/classification`,
      payload: { classification: 'weather' },
    });
    expect(bad.statusCode).toBe(400);
    const added = await agent.request({
      method: 'POST',
      url: `/api/feedback/${complaintId}/actions`,
      payload: { action: '主管回访', ownerId: ids.sup1, dueOn: '2020-01-01' },
    });
    expect(added.statusCode).toBe(201);
    const actionId = added.json().actions[0].id as number;
    const overdue = await agent.request({ method: 'GET', url: '/api/feedback/overdue-actions' });
    expect(overdue.json().items.map((a: { id: number }) => a.id)).toContain(actionId);
    const list = await agent.request({
      method: 'GET',
      url: `/api/feedback?classification=service_quality&customerId=${customer.id}`,
    });
    expect(list.json().items[0]).toMatchObject({
      id: complaintId,
      overdueActions: 1,
      status: 'in_progress',
    });
    const step = (status: string, result?: string) =>
      agent.request({
        method: 'POST',
        url: `/api/feedback-actions/${actionId}/status`,
        payload: { status, ...(result ? { result } : {}) },
      });
    expect((await step('done', 'x')).statusCode).toBe(409);
    expect((await step('in_progress')).statusCode).toBe(200);
    expect((await step('done')).statusCode).toBe(400);
    const done = await step('done', '已致歉并补发');
    expect(done.json().actions[0]).toMatchObject({ status: 'done', result: '已致歉并补发' });
  });

  it('blacklist: the requester cannot approve; approval writes the tag the front-line card shows', async () => {
    const noEvidence = await sup1.request({
      method: 'POST',
      url: '/api/blacklist-requests',
      payload: { customerId: customer.id, action: 'add', reason: '反复无理投诉' },
    });
    expect(noEvidence.statusCode).toBe(400);
    const req = await sup1.request({
      method: 'POST',
      url: '/api/blacklist-requests',
      payload: {
        customerId: customer.id,
        action: 'add',
        reason: '反复无理投诉',
        feedbackIds: [complaintId],
      },
    });
    expect(req.statusCode).toBe(201);
    const id = req.json().id as number;
    const told = await deps()
      .store.db.selectFrom('notifications')
      .select('user_id')
      .where('kind', '=', 'blacklist.requested')
      .execute();
    expect(told.map((n) => Number(n.user_id))).toContain(ids.sup2);
    expect(told.map((n) => Number(n.user_id))).not.toContain(ids.sup1);

    const card = () => frontlineCard(deps(), systemCtx(), { code: customer.code });
    expect((await card()).tags.map((t) => t.key)).not.toContain('blacklist');
    const decide = (c: Client, approve: boolean) =>
      c.request({
        method: 'POST',
        url: `/api/blacklist-requests/${id}/decision`,
        payload: { approve },
      });
    expect((await decide(agent, true)).statusCode).toBe(403);
    const own = await decide(sup1, true);
    expect(own.statusCode).toBe(403);
    expect(own.json().error.details.reason).toBe('own_request');
    expect((await card()).tags.map((t) => t.key)).not.toContain('blacklist');

    const ok = await decide(sup2, true);
    expect(ok.json()).toMatchObject({ status: 'approved', decidedBy: ids.sup2 });
    expect((await card()).tags[0]).toMatchObject({ key: 'blacklist', source: 'stored' });
    expect((await decide(sup2, false)).statusCode).toBe(409);

    // Lifting the tag needs approval too.
    const lift = await agent.request({
      method: 'POST',
      url: '/api/blacklist-requests',
      payload: { customerId: customer.id, action: 'remove', reason: '已和解' },
    });
    const liftId = lift.json().id as number;
    expect((await card()).tags.map((t) => t.key)).toContain('blacklist');
    await sup1.request({
      method: 'POST',
      url: `/api/blacklist-requests/${liftId}/decision`,
      payload: { approve: true },
    });
    expect((await card()).tags.map((t) => t.key)).not.toContain('blacklist');
    const audit = await deps()
      .store.db.selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'blacklist.%')
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual([
      'blacklist.approved',
      'blacklist.approved',
      'blacklist.request',
      'blacklist.request',
    ]);
  });
});
