import type { FastifyInstance } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { ensureFirstAdmin } from '../../src/app/bootstrap';
import { loadDemo } from '../../src/app/demo/demo.service';
import { runNextJob } from '../../src/app/jobs/runner';
import { describeEachEngine } from '../support/engines';
import { type Client, signIn, signInRoles, testServer } from '../support/http';
import { roleLike } from '../support/row-scopes';

const PASSWORD = 'Automation-pass-123';

describeEachEngine('automation rules through the API', ({ deps }) => {
  let app: FastifyInstance;
  let admin: Client;
  let am: Client;
  let gm: Client;

  beforeAll(async () => {
    await ensureFirstAdmin(deps());
    await loadDemo(deps(), { customers: 40, seed: 12, asOf: '2026-11-30' });
    app = (await testServer(deps())).app;
    admin = await signIn(app);
    // The account manager here reads the firings of the whole book: row scope all.
    const amAll = await roleLike(deps(), 'account_manager', 'all');
    ({ am, gm } = await signInRoles(deps(), app, { am: amAll, gm: 'general_manager' }, PASSWORD));
  }, 120_000);

  it('lists the rules with their defaults to readers of customers', async () => {
    const res = await am.request({ method: 'GET', url: '/api/automation/rules' });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as {
      key: string;
      enabled: boolean;
      params: object;
      version: number;
    }[];
    expect(items.map((r) => r.key)).toEqual([
      'late_payments',
      'silent_customer',
      'satisfaction',
      'complaint_tag',
      'provisional_due',
      'bottom_tier',
    ]);
    expect(items[0]).toMatchObject({ enabled: true, params: { minLate: 2, steps: 1 }, version: 0 });
  });

  it('lets only policies.manage change a rule, checks its parameters and its version', async () => {
    const url = '/api/automation/rules/silent_customer';
    const body = { enabled: true, params: { k: 3, minOrders: 4 }, version: 0 };
    expect((await am.request({ method: 'PUT', url, payload: body })).statusCode).toBe(403);

    const bad = await gm.request({
      method: 'PUT',
      url,
      payload: { ...body, params: { k: 0.5, minOrders: 4 } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues).toEqual([
      { field: 'params.k', message: 'k must be at least 1' },
    ]);
    const unknown = await gm.request({
      method: 'PUT',
      url,
      payload: { ...body, params: { k: 3, minOrders: 4, window: 2 } },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details.issues[0].field).toBe('params');

    const ok = await gm.request({ method: 'PUT', url, payload: body });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      key: 'silent_customer',
      params: { k: 3, minOrders: 4 },
      version: 1,
    });
    const stale = await gm.request({ method: 'PUT', url, payload: body });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_VERSION');

    expect(
      (await gm.request({ method: 'PUT', url: '/api/automation/rules/nope', payload: body }))
        .statusCode,
    ).toBe(400);
    const audit = await deps()
      .store.db.selectFrom('audit_log')
      .select(['after'])
      .where('action', '=', 'automation_rule.update')
      .execute();
    expect(audit.map((a) => JSON.parse(a.after ?? '{}').params)).toEqual([{ k: 3, minOrders: 4 }]);
  });

  it('queues a sweep, reports its progress and lists the firings with their evidence', async () => {
    expect((await am.request({ method: 'POST', url: '/api/automation/sweep' })).statusCode).toBe(
      403,
    );
    const res = await gm.request({ method: 'POST', url: '/api/automation/sweep' });
    expect(res.statusCode).toBe(202);
    const jobId = res.json().id as number;
    expect((await runNextJob(deps()))?.outcome).toBe('done');
    const status = await gm.request({ method: 'GET', url: `/api/automation/sweeps/${jobId}` });
    expect(status.json()).toMatchObject({
      id: jobId,
      status: 'done',
      progress: { customers: 40, done: 40 },
    });
    const fired = status.json().progress.firings as number;

    const all = await am.request({ method: 'GET', url: '/api/automation/firings?pageSize=200' });
    expect(all.statusCode).toBe(200);
    expect(all.json().total).toBe(fired);
    const late = await am.request({
      method: 'GET',
      url: '/api/automation/firings?rule=late_payments',
    });
    for (const f of late.json().items as {
      rule: string;
      evidence: { invoices: unknown[] };
      source: string;
    }[]) {
      expect(f.rule).toBe('late_payments');
      expect(f.source).toBe('sweep');
      expect(f.evidence.invoices.length).toBeGreaterThanOrEqual(2);
    }
    const first = (all.json().items as { customerId: number }[])[0];
    if (first) {
      const mine = await am.request({
        method: 'GET',
        url: `/api/customers/${first.customerId}/automation-firings`,
      });
      expect(mine.statusCode).toBe(200);
      expect(
        (mine.json().items as { customerId: number }[]).every(
          (f) => f.customerId === first.customerId,
        ),
      ).toBe(true);
    }
    const missing = await admin.request({
      method: 'GET',
      url: '/api/customers/999999/automation-firings',
    });
    expect(missing.statusCode).toBe(404);
    const badQuery = await am.request({ method: 'GET', url: '/api/automation/firings?rule=nope' });
    expect(badQuery.statusCode).toBe(400);
    expect(badQuery.json().error.details.issues[0].field).toBe('rule');
  }, 60_000);
});
