import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createUser } from '../../src/app/auth/users.service';
import { ensureFirstAdmin } from '../../src/app/bootstrap';
import { systemCtx } from '../../src/app/context';
import { createCustomer } from '../../src/app/customers/customers.service';
import type { Deps } from '../../src/app/deps';
import { forgetCatalogs } from '../../src/app/policy/policy-in-force';
import { publishRun } from '../../src/app/review/publish.service';
import { setOverride } from '../../src/app/tiering/overrides.service';
import { runTiering } from '../../src/app/tiering/run.service';
import { markServiceTier } from '../../src/app/tiering/schemes.service';
import { createFromTemplate } from '../../src/app/tiering/templates.service';
import { customerInput } from '../factories/customers';
import { describeEachEngine } from '../support/engines';
import { type Client, signIn, testServer } from '../support/http';

const PASSWORD = 'Policy-pass-123';

/** The ABCD template as the service tier, with one customer placed in each tier by hand. */
async function seedTiers(deps: Deps, prefix: string) {
  const ctx = systemCtx();
  const { version } = await createFromTemplate(deps, ctx, 'abcd');
  await markServiceTier(deps, ctx, version.schemeId);
  const ids: Record<string, number> = {};
  for (const tier of ['A', 'B', 'C', 'D']) {
    const c = await createCustomer(deps, ctx, customerInput({ code: `${prefix}-${tier}` }));
    ids[tier] = c.id;
    await setOverride(deps, ctx, version.schemeId, {
      customerId: c.id,
      tier,
      reason: `test: placed in ${tier}`,
    });
  }
  const run = await runTiering(deps, ctx, { schemeVersionId: version.id, asOf: '2026-10-31' });
  await publishRun(deps, ctx, run.runId, { effectiveFrom: '2026-11-01' });
  return { schemeId: version.schemeId, ids };
}

describeEachEngine('tier policy catalog through the API', ({ deps }) => {
  let app: FastifyInstance;
  let admin: Client;
  let agent: Client;
  let schemeId = 0;
  let ids: Record<string, number> = {};

  beforeAll(async () => {
    // The catalog cache is per process; both engines' suites run in this one.
    forgetCatalogs();
    await ensureFirstAdmin(deps());
    ({ schemeId, ids } = await seedTiers(deps(), 'POL'));
    await createUser(deps(), systemCtx(), {
      username: 'agent',
      displayName: '客服小李',
      password: PASSWORD,
      roleId: 'service_agent',
    });
    app = (await testServer(deps())).app;
    admin = await signIn(app);
    agent = await signIn(app, 'agent', PASSWORD);
  }, 120_000);
  afterAll(async () => {
    await app.close();
  });

  it('serves the seed default before the first save, with the scheme tiers', async () => {
    const res = await agent.request({ method: 'GET', url: '/api/policies' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ schemeId, schemeKey: 'abcd', version: null, savedBy: null });
    expect(body.tiers.map((t: { id: string }) => t.id)).toEqual(['A', 'B', 'C', 'D']);
    expect(
      body.catalog.tiers.map((t: { tier: string; priceFloorPct: number }) => [
        t.tier,
        t.priceFloorPct,
      ]),
    ).toEqual([
      ['A', -5],
      ['B', -3],
      ['C', 0],
      ['D', 5],
    ]);
    const tpl = await agent.request({ method: 'GET', url: `/api/policies/${schemeId}/template` });
    expect(tpl.json().catalog).toEqual(body.catalog);
    const schemes = await agent.request({ method: 'GET', url: '/api/policies/schemes' });
    expect(schemes.json().items[0]).toMatchObject({ id: schemeId, serviceTier: true });
  });

  it('refuses a save without policies.manage, and a catalog missing or adding a tier', async () => {
    const { catalog } = (await admin.request({ method: 'GET', url: '/api/policies' })).json();
    const denied = await agent.request({
      method: 'PUT',
      url: `/api/policies/${schemeId}`,
      payload: { catalog, baseVersion: null },
    });
    expect(denied.statusCode).toBe(403);

    const wrong = structuredClone(catalog);
    wrong.tiers[3].tier = 'E';
    const res = await admin.request({
      method: 'PUT',
      url: `/api/policies/${schemeId}`,
      payload: { catalog: wrong, baseVersion: null },
    });
    expect(res.statusCode).toBe(400);
    const issues = res.json().error.details.issues;
    expect(issues).toEqual(
      expect.arrayContaining([
        { field: 'catalog.tiers.3.tier', message: expect.stringMatching(/tier E is not a tier/) },
        { field: 'catalog.tiers', message: 'tier D of the scheme has no policy' },
      ]),
    );

    const bad = structuredClone(catalog);
    bad.tiers[1].paymentTerm = 'deferred_180';
    bad.tiers[0].leadTimeDays = -1;
    const res2 = await admin.request({
      method: 'PUT',
      url: `/api/policies/${schemeId}`,
      payload: { catalog: bad, baseVersion: null },
    });
    expect(res2.statusCode).toBe(400);
    const fields = res2.json().error.details.issues.map((i: { field: string }) => i.field);
    expect(fields).toEqual(
      expect.arrayContaining(['catalog.tiers.0.leadTimeDays', 'catalog.tiers.1.paymentTerm']),
    );
    expect((await admin.request({ method: 'GET', url: '/api/policies' })).json().version).toBe(
      null,
    );
  });

  it('saves versions with an optimistic lock, keeps history, and audits before/after', async () => {
    const { catalog } = (await admin.request({ method: 'GET', url: '/api/policies' })).json();
    catalog.tiers[1].priceFloorPct = -4;
    const saved = await admin.request({
      method: 'PUT',
      url: `/api/policies/${schemeId}`,
      payload: { catalog, note: 'B gets 4%', baseVersion: null },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      version: 1,
      savedVersion: 1,
      note: 'B gets 4%',
      savedBy: { name: expect.any(String) },
    });
    expect(saved.json().catalog.tiers[1].priceFloorPct).toBe(-4);

    // A second editor who started from the seed default is refused.
    const stale = await admin.request({
      method: 'PUT',
      url: `/api/policies/${schemeId}`,
      payload: { catalog, note: 'late', baseVersion: null },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'CONFLICT', details: { currentVersion: 1 } });

    catalog.tiers[2].leadTimeDays = 35;
    const second = await admin.request({
      method: 'PUT',
      url: `/api/policies/${schemeId}`,
      payload: { catalog, note: 'C faster', baseVersion: 1 },
    });
    expect(second.json().version).toBe(2);

    const versions = (
      await agent.request({ method: 'GET', url: `/api/policies/${schemeId}/versions` })
    ).json().items;
    expect(versions.map((v: { version: number; note: string }) => [v.version, v.note])).toEqual([
      [2, 'C faster'],
      [1, 'B gets 4%'],
    ]);
    const v1 = (
      await agent.request({ method: 'GET', url: `/api/policies/${schemeId}/versions/1` })
    ).json();
    expect(v1.catalog.tiers[2].leadTimeDays).toBe(40);
    expect(
      (await agent.request({ method: 'GET', url: `/api/policies/${schemeId}/versions/9` }))
        .statusCode,
    ).toBe(404);

    const audit = await deps()
      .store.db.selectFrom('audit_log')
      .select(['before', 'after'])
      .where('action', '=', 'policy.save')
      .orderBy('id')
      .execute();
    expect(audit).toHaveLength(2);
    expect(JSON.parse(audit[0]?.before ?? '{}')).toMatchObject({ version: null });
    expect(JSON.parse(audit[1]?.after ?? '{}').catalog.tiers[2].leadTimeDays).toBe(35);
  });

  it('shows a customer’s policy and moves its terms down by hand, then back', async () => {
    const a = ids.A as number;
    const view = (await agent.request({ method: 'GET', url: `/api/customers/${a}/policy` })).json();
    expect(view).toMatchObject({
      tier: 'A',
      paymentTerm: { id: 'deferred_90' },
      termAdjustments: [],
    });

    const bad = await admin.request({
      method: 'POST',
      url: `/api/customers/${a}/term-adjustments`,
      payload: { steps: 0, reason: '' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues.map((i: { field: string }) => i.field)).toEqual([
      'steps',
      'reason',
    ]);
    const made = await admin.request({
      method: 'POST',
      url: `/api/customers/${a}/term-adjustments`,
      payload: { steps: 1, reason: '本季度两次逾期付款' },
    });
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({
      paymentTerm: { id: 'cod_or_30' },
      termAdjustments: [{ steps: 1, reason: '本季度两次逾期付款', source: 'manual' }],
    });
    const adjId = made.json().termAdjustments[0].id;
    expect(
      (
        await agent.request({
          method: 'DELETE',
          url: `/api/customers/${a}/term-adjustments/${adjId}`,
        })
      ).statusCode,
    ).toBe(403);
    const back = await admin.request({
      method: 'DELETE',
      url: `/api/customers/${a}/term-adjustments/${adjId}`,
    });
    expect(back.json()).toMatchObject({ paymentTerm: { id: 'deferred_90' }, termAdjustments: [] });
    const actions = (
      await deps()
        .store.db.selectFrom('audit_log')
        .select('action')
        .where('entity_id', '=', String(a))
        .where('action', 'like', 'policy.term%')
        .execute()
    ).map((r) => r.action);
    expect(actions.sort()).toEqual(['policy.term_adjust', 'policy.term_revoke']);
  });
});
