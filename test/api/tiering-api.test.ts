import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureFirstAdmin } from '../../src/app/bootstrap';
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

  it('answers 404 for an unknown run', async () => {
    const res = await admin.request({ method: 'GET', url: '/api/tiering/runs/99999' });
    expect(res.statusCode).toBe(404);
  });
});
