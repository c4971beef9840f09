import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureFirstAdmin } from '../../src/app/bootstrap';
import { loadDemo } from '../../src/app/demo/demo.service';
import { revenueScheme } from '../factories/schemes';
import { describeEachEngine } from '../support/engines';
import { type Client, signIn, signInRoles, testServer } from '../support/http';
import { roleLike } from '../support/row-scopes';

const AS_OF = '2026-11-30';
const PASSWORD = 'Lifecycle-pass-123';
const scheme = revenueScheme('life-abc');

describeEachEngine('relationship lifecycle through the API', ({ deps }) => {
  let app: FastifyInstance;
  let admin: Client;
  let am: Client;
  let gm: Client;
  let schemeId = 0;
  let versionId = 0;
  const run = async () =>
    (
      await admin.request({
        method: 'POST',
        url: '/api/tiering/runs',
        payload: { schemeVersionId: versionId, asOf: AS_OF },
      })
    ).json().runId as number;
  const resultOf = async (runId: number, customerId: number) =>
    (
      await admin.request({
        method: 'GET',
        url: `/api/tiering/runs/${runId}/results/${customerId}`,
      })
    ).json().result as { tier: string; flags: number };

  beforeAll(async () => {
    await ensureFirstAdmin(deps());
    await loadDemo(deps(), { customers: 120, seed: 9, asOf: AS_OF });
    app = (await testServer(deps())).app;
    admin = await signIn(app);
    // The account manager here works on customers of the whole book: row scope all.
    const amAll = await roleLike(deps(), 'account_manager', 'all');
    ({ am, gm } = await signInRoles(deps(), app, { am: amAll, gm: 'general_manager' }, PASSWORD));
    const v = (
      await admin.request({ method: 'POST', url: '/api/tiering/schemes', payload: scheme })
    ).json();
    schemeId = v.schemeId;
    versionId = v.id;
    // Tiers published long ago, so bottom-tier customers have been there for years.
    const first = await run();
    const pub = await admin.request({
      method: 'POST',
      url: `/api/tiering/runs/${first}/publish`,
      payload: { effectiveFrom: '2022-01-01' },
    });
    expect(pub.statusCode).toBe(200);
  }, 180_000);
  afterAll(async () => {
    await app.close();
  });

  it('creates a prospect and makes it active by an edit; later stages are refused', async () => {
    const made = await am.request({
      method: 'POST',
      url: '/api/customers',
      payload: {
        code: 'P-0001',
        name: '潜在客户一号',
        type: 'enterprise',
        lifecycleStage: 'prospect',
      },
    });
    expect(made.statusCode).toBe(201);
    expect(made.json().lifecycleStage).toBe('prospect');
    const active = await am.request({
      method: 'PATCH',
      url: `/api/customers/${made.json().id}`,
      payload: { lifecycleStage: 'active', version: made.json().version },
    });
    expect(active.json().lifecycleStage).toBe('active');
    const skip = await am.request({
      method: 'PATCH',
      url: `/api/customers/${made.json().id}`,
      payload: { lifecycleStage: 'terminated', version: active.json().version },
    });
    expect(skip.statusCode).toBe(400);
    expect(skip.json().error.details.issues[0].field).toBe('lifecycleStage');
  });

  it('takes an upgrade application through approval into an override', async () => {
    const runId = await run();
    const c = (
      await admin.request({
        method: 'GET',
        url: `/api/tiering/runs/${runId}/results?tier=C&pageSize=1`,
      })
    ).json().items[0] as { customerId: number };
    const apply = (payload: Record<string, unknown>) =>
      am.request({ method: 'POST', url: '/api/upgrade-applications', payload });
    const base = {
      schemeId,
      customerId: c.customerId,
      requestedTier: 'B',
      reason: '客户新增两条产线，预计明年采购翻倍',
    };
    const noReason = await apply({ ...base, reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details.issues[0].field).toBe('reason');
    const notUp = await apply({ ...base, requestedTier: 'C' });
    expect(notUp.statusCode).toBe(400);
    expect(notUp.json().error.details.issues[0].field).toBe('requestedTier');
    const made = await apply(base);
    expect(made.statusCode).toBe(201);
    const a = made.json();
    expect(a).toMatchObject({ status: 'pending', currentTier: 'C', requestedTier: 'B' });
    expect(a.assessment).toMatchObject({ result: { tier: 'C' }, explanation: { nextTier: 'B' } });
    expect((await apply(base)).statusCode).toBe(409);

    // The applicant cannot decide; the general manager grants it with an expiry.
    expect(
      (
        await am.request({
          method: 'POST',
          url: `/api/upgrade-applications/${a.id}/decision`,
          payload: { approve: true },
        })
      ).statusCode,
    ).toBe(403);
    const granted = await gm.request({
      method: 'POST',
      url: `/api/upgrade-applications/${a.id}/decision`,
      payload: { approve: true, note: '同意，明年复核', expiresOn: '2027-12-31' },
    });
    expect(granted.statusCode).toBe(200);
    expect(granted.json()).toMatchObject({ status: 'approved', overrideId: expect.any(Number) });
    const next = await run();
    expect(await resultOf(next, c.customerId)).toMatchObject({ tier: 'B', flags: 2 });
    const again = await gm.request({
      method: 'POST',
      url: `/api/upgrade-applications/${a.id}/decision`,
      payload: { approve: false, note: 'x' },
    });
    expect(again.statusCode).toBe(409);
  });

  it('lists bottom-tier customers of three years and terminates one step by step', async () => {
    const list = await gm.request({
      method: 'GET',
      url: `/api/tiering/schemes/${schemeId}/elimination-candidates`,
    });
    expect(list.statusCode).toBe(200);
    const body = list.json();
    expect(body).toMatchObject({ bottomTier: 'C', years: 3 });
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items[0]).toMatchObject({ bottomSince: '2022-01-01' });
    const five = await gm.request({
      method: 'GET',
      url: `/api/tiering/schemes/${schemeId}/elimination-candidates?years=5`,
    });
    expect(five.json().items).toEqual([]);

    // A candidate without unpaid invoices, so the settlement can be confirmed.
    const ids = body.items.map((i: { customerId: number }) => i.customerId) as number[];
    const unpaid = await deps()
      .store.db.selectFrom('payments')
      .select('customer_id')
      .where('paid_on', 'is', null)
      .where('customer_id', 'in', ids)
      .execute();
    const owed = new Set(unpaid.map((u) => Number(u.customer_id)));
    const id = ids.find((x) => !owed.has(x))!;
    expect(id).toBeDefined();
    await deps().store.db.deleteFrom('contracts').where('customer_id', '=', id).execute();

    const market = (title: string) =>
      am.request({
        method: 'POST',
        url: `/api/customers/${id}/marketing-activities`,
        payload: { kind: 'coupon', title, plannedOn: '2026-12-20' },
      });
    expect((await market('年终回馈券')).statusCode).toBe(201);

    const requested = await am.request({
      method: 'POST',
      url: `/api/customers/${id}/terminations`,
      payload: { reason: '连续三年 C 类，回款差' },
    });
    expect(requested.statusCode).toBe(201);
    let t = requested.json();
    const step = async (client: Client, path: string, payload: Record<string, unknown>) => {
      const res = await client.request({
        method: 'POST',
        url: `/api/terminations/${t.id}/${path}`,
        payload: { version: t.version, ...payload },
      });
      if (res.statusCode === 200) t = res.json();
      return res;
    };
    // Completing before approval, or approval by the account manager: refused.
    expect((await step(am, 'complete', {})).statusCode).toBe(409);
    expect((await step(am, 'decision', { approve: true })).statusCode).toBe(403);
    expect((await step(gm, 'decision', { approve: true, note: '同意' })).statusCode).toBe(200);
    expect(t).toMatchObject({ status: 'approved', missing: ['notice', 'orders', 'settlement'] });

    // From approval on: no marketing, and marketing lists leave the customer out.
    const refused = await market('新品推介会');
    expect(refused.statusCode).toBe(409);
    const exported = await admin.request({
      method: 'GET',
      url: '/api/export/customers?purpose=marketing&format=csv',
    });
    const code = (
      await deps()
        .store.db.selectFrom('customers')
        .select('code')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).code;
    expect(exported.body).not.toContain(code);
    const all = await admin.request({ method: 'GET', url: '/api/export/customers?format=csv' });
    expect(all.body).toContain(code);

    expect((await step(am, 'notice', { sentOn: '2099-01-01', channel: 'letter' })).statusCode).toBe(
      400,
    );
    expect(
      (await step(am, 'notice', { sentOn: '2026-11-01', channel: 'letter', note: '挂号信' }))
        .statusCode,
    ).toBe(200);
    // A running contract blocks the confirmation until it ends.
    const contract = await am.request({
      method: 'POST',
      url: `/api/customers/${id}/facts/contracts`,
      payload: {
        contractNo: 'HT-2030',
        kind: 'contract',
        startOn: '2025-01-01',
        endOn: '2030-12-31',
      },
    });
    expect(contract.statusCode).toBe(201);
    const blocked = await step(am, 'orders-closed', {});
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error.message).toContain('HT-2030');
    await admin.request({ method: 'DELETE', url: `/api/facts/contracts/${contract.json().id}` });
    expect((await step(am, 'orders-closed', {})).statusCode).toBe(200);
    expect((await step(am, 'settlement', { note: '往来已结清' })).statusCode).toBe(200);
    // A stale version is refused.
    const stale = await am.request({
      method: 'POST',
      url: `/api/terminations/${t.id}/complete`,
      payload: { version: t.version - 1 },
    });
    expect(stale.statusCode).toBe(409);
    expect((await step(am, 'complete', {})).statusCode).toBe(200);
    expect(t).toMatchObject({ status: 'completed', missing: [] });

    const customer = await admin.request({ method: 'GET', url: `/api/customers/${id}` });
    expect(customer.json().lifecycleStage).toBe('terminated');
    // The stage of a terminated customer does not change by an edit.
    const revive = await admin.request({
      method: 'PATCH',
      url: `/api/customers/${id}`,
      payload: { lifecycleStage: 'active', version: customer.json().version },
    });
    expect(revive.statusCode).toBe(409);
    // Records are kept: the earlier marketing activity and the orders are still there.
    const acts = await admin.request({
      method: 'GET',
      url: `/api/customers/${id}/marketing-activities`,
    });
    expect(acts.json().items).toHaveLength(1);
    const gone = await gm.request({
      method: 'GET',
      url: `/api/tiering/schemes/${schemeId}/elimination-candidates`,
    });
    expect(gone.json().items.map((i: { customerId: number }) => i.customerId)).not.toContain(id);
  });
});
