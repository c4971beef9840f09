import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createUser } from '../../src/app/auth/users.service';
import { ensureFirstAdmin } from '../../src/app/bootstrap';
import { systemCtx } from '../../src/app/context';
import { loadDemo } from '../../src/app/demo/demo.service';
import { describeEachEngine } from '../support/engines';
import { type Client, signIn, testServer } from '../support/http';

const AS_OF = '2026-11-30';
const name = (en: string) => ({ zh: en, en });
const last12 = { kind: 'last_n_months', months: 12 };

function scheme(id: string, quotas: number[]) {
  return {
    id,
    version: 1,
    name: name('Revenue quotas'),
    metrics: [{ id: 'revenue', window: last12 }],
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
    tiers: ['A', 'B', 'C'].map((t, i) => ({ id: t, name: name(t), rank: i + 1 })),
    assignment: {
      ranking: {
        kind: 'quotas',
        quotas: ['A', 'B', 'C'].map((tier, i) => ({ tier, percent: quotas[i] })),
      },
    },
  };
}

describeEachEngine('tiering API', ({ deps }) => {
  let app: FastifyInstance;
  let admin: Client;
  beforeAll(async () => {
    await ensureFirstAdmin(deps());
    await loadDemo(deps(), { customers: 120, seed: 5, asOf: AS_OF });
    app = (await testServer(deps())).app;
    admin = await signIn(app);
    await createUser(deps(), systemCtx(), {
      username: 'agent',
      displayName: '客服小王',
      password: 'Agent-pass-123',
      roleId: 'service_agent',
    });
  }, 120_000);
  afterAll(async () => {
    await app.close();
  });

  it('refuses a bad scheme with the exact path of the problem', async () => {
    const res = await admin.request({
      method: 'POST',
      url: '/api/tiering/schemes',
      payload: scheme('bad', [20, 30, 40]),
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('VALIDATION');
    expect(body.error.details.issues).toEqual([
      {
        field: 'assignment.ranking.quotas',
        message: 'quotas add up to 90%; they must add up to 100%',
      },
    ]);
  });

  it('creates, runs, pages results, explains one customer and tries a what-if', async () => {
    const created = await admin.request({
      method: 'POST',
      url: '/api/tiering/schemes',
      payload: scheme('rev-abc', [20, 30, 50]),
    });
    expect(created.statusCode).toBe(201);
    const v = created.json();
    expect(v).toMatchObject({ schemeKey: 'rev-abc', version: 1, locked: false });

    const list = await admin.request({ method: 'GET', url: '/api/tiering/schemes' });
    expect(list.json().items[0]).toMatchObject({ key: 'rev-abc', latest: { version: 1 } });

    const run = await admin.request({
      method: 'POST',
      url: '/api/tiering/runs',
      payload: { schemeVersionId: v.id, asOf: AS_OF },
    });
    expect(run.statusCode).toBe(201);
    const s = run.json();
    expect(s.distribution.assigned + s.distribution.unassigned).toBe(s.customers);
    expect(s.distribution.tiers.map((t: { tier: string }) => t.tier)).toEqual(['A', 'B', 'C']);

    const runs = await admin.request({ method: 'GET', url: '/api/tiering/runs' });
    expect(runs.json().items[0]).toMatchObject({ id: s.runId, status: 'draft' });
    const detail = await admin.request({ method: 'GET', url: `/api/tiering/runs/${s.runId}` });
    expect(detail.json().summary.distribution.assigned).toBe(s.distribution.assigned);

    const page = await admin.request({
      method: 'GET',
      url: `/api/tiering/runs/${s.runId}/results?tier=C&pageSize=3`,
    });
    expect(page.statusCode).toBe(200);
    const p = page.json();
    expect(p.total).toBe(s.distribution.tiers[2].count);
    expect(p.items).toHaveLength(3);
    const code = p.items[0].code as string;
    const search = await admin.request({
      method: 'GET',
      url: `/api/tiering/runs/${s.runId}/results?q=${encodeURIComponent(code)}`,
    });
    expect(search.json().items.map((r: { code: string }) => r.code)).toContain(code);

    const one = await admin.request({
      method: 'GET',
      url: `/api/tiering/runs/${s.runId}/results/${p.items[0].customerId}`,
    });
    expect(one.statusCode).toBe(200);
    expect(one.json().explanation).toMatchObject({ tier: 'C', nextTier: 'B' });

    const before = (await admin.request({ method: 'GET', url: '/api/tiering/runs' })).json().items
      .length;
    const w = await admin.request({
      method: 'POST',
      url: '/api/tiering/what-if',
      payload: { schemeVersionId: v.id, asOf: AS_OF, changes: { quotas: { A: 10, C: 60 } } },
    });
    expect(w.statusCode).toBe(200);
    expect(w.json().moversTotal).toBeGreaterThan(0);
    const after = (await admin.request({ method: 'GET', url: '/api/tiering/runs' })).json().items
      .length;
    expect(after).toBe(before);

    const badWhatIf = await admin.request({
      method: 'POST',
      url: '/api/tiering/what-if',
      payload: { schemeVersionId: v.id, asOf: AS_OF, changes: { thresholds: { A: 50 } } },
    });
    expect(badWhatIf.statusCode).toBe(400);

    const edit = await admin.request({
      method: 'PUT',
      url: `/api/tiering/schemes/${v.schemeId}`,
      payload: scheme('rev-abc', [25, 25, 50]),
    });
    expect(edit.statusCode).toBe(200);
    expect(edit.json()).toMatchObject({ id: v.id, version: 1 });

    const mark = await admin.request({
      method: 'POST',
      url: `/api/tiering/schemes/${v.schemeId}/service-tier`,
    });
    expect(mark.json().serviceTier).toBe(true);
  });

  it('makes a scheme from a template in one request, runs it and exports the results', async () => {
    const templates = await admin.request({ method: 'GET', url: '/api/tiering/templates' });
    expect(templates.statusCode).toBe(200);
    const items = templates.json().items as { key: string; schemeId: number | null }[];
    expect(items.map((t) => t.key)).toEqual(expect.arrayContaining(['abcd', 'pareto', 'rfm']));
    expect(items.find((t) => t.key === 'pareto')).toMatchObject({
      tiers: 2,
      schemeId: null,
      name: { zh: expect.any(String), en: expect.any(String) },
    });

    const made = await admin.request({ method: 'POST', url: '/api/tiering/templates/pareto' });
    expect(made.statusCode).toBe(201);
    const again = await admin.request({ method: 'POST', url: '/api/tiering/templates/pareto' });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(made.json().id);
    const unknown = await admin.request({ method: 'POST', url: '/api/tiering/templates/nope' });
    expect(unknown.statusCode).toBe(404);

    const run = await admin.request({
      method: 'POST',
      url: '/api/tiering/runs',
      payload: { schemeVersionId: made.json().id, asOf: AS_OF },
    });
    const s = run.json();
    const top = s.distribution.tiers[0] as { tier: string; count: number };
    expect(top.count).toBeGreaterThan(0);

    const csv = await admin.request({
      method: 'GET',
      url: `/api/tiering/runs/${s.runId}/results.csv?tier=${top.tier}&lang=en`,
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toMatch(/^Rank,Code,Name,Tier id,Tier,Score,Previous tier,Flags,Rule fired/);
    expect(lines).toHaveLength(top.count + 1);
    expect(lines[1]).toMatch(/^1,/);

    const xlsx = await admin.request({
      method: 'GET',
      url: `/api/tiering/runs/${s.runId}/results.xlsx`,
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');

    // The file carries customer names: reading tiers is not enough to download it.
    const agent = await signIn(app, 'agent', 'Agent-pass-123');
    const refused = await agent.request({
      method: 'GET',
      url: `/api/tiering/runs/${s.runId}/results.csv`,
    });
    expect(refused.statusCode).toBe(403);

    // The customer 360 shows the customer's tier in each scheme that placed it.
    const first = (
      await admin.request({ method: 'GET', url: `/api/tiering/runs/${s.runId}/results?pageSize=1` })
    ).json().items[0] as { customerId: number; tier: string };
    const tiers = await agent.request({
      method: 'GET',
      url: `/api/customers/${first.customerId}/tiers`,
    });
    expect(tiers.statusCode).toBe(200);
    expect(tiers.json().items).toContainEqual(
      expect.objectContaining({
        schemeKey: 'pareto',
        published: null,
        latestRun: expect.objectContaining({ runId: s.runId, tier: first.tier, asOf: AS_OF }),
      }),
    );
    const none = await admin.request({ method: 'GET', url: '/api/customers/999999/tiers' });
    expect(none.statusCode).toBe(404);
  });

  it('answers 404 for an unknown run', async () => {
    const res = await admin.request({ method: 'GET', url: '/api/tiering/runs/99999' });
    expect(res.statusCode).toBe(404);
  });
});
