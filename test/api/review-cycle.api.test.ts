import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createUser } from '../../src/app/auth/users.service';
import { ensureFirstAdmin } from '../../src/app/bootstrap';
import { systemCtx } from '../../src/app/context';
import { loadDemo } from '../../src/app/demo/demo.service';
import { completeStep } from '../../src/app/review/cycles.service';
import { businessDate } from '../../src/domain/business-date';
import { both, revenueScheme } from '../factories/schemes';
import { describeEachEngine } from '../support/engines';
import { type Client, signIn, testServer } from '../support/http';

const AS_OF = '2026-11-30';
const PASSWORD = 'Review-pass-123';
const name = both;
const scheme = revenueScheme('annual-abc');

interface Proposal {
  customerId: number;
  code: string;
  region: string | null;
  computedTier: string;
  previousTier: string | null;
  finalTier: string;
  version: number;
}

describeEachEngine('the annual review cycle through the API', ({ deps }) => {
  let app: FastifyInstance;
  let admin: Client;
  const as: Record<string, Client> = {};
  let schemeId = 0;
  const today = businessDate(new Date(), 'Asia/Shanghai');
  const later = (days: number) => {
    const d = new Date(`${today}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + days);
    return d.toISOString().slice(0, 10);
  };

  beforeAll(async () => {
    await ensureFirstAdmin(deps());
    await loadDemo(deps(), { customers: 150, seed: 7, asOf: AS_OF });
    for (const [username, roleId, region] of [
      ['gm', 'general_manager', null],
      ['east', 'sales_manager', '华东'],
      ['east2', 'sales_manager', '华东'],
      ['fin', 'finance', null],
    ] as const) {
      await createUser(deps(), systemCtx(), {
        username,
        displayName: username,
        password: PASSWORD,
        roleId,
        region,
      });
    }
    app = (await testServer(deps())).app;
    admin = await signIn(app);
    for (const u of ['gm', 'east', 'east2', 'fin']) as[u] = await signIn(app, u, PASSWORD);
    const created = await admin.request({
      method: 'POST',
      url: '/api/tiering/schemes',
      payload: scheme,
    });
    schemeId = created.json().schemeId;
    // Last year's tiers, published straight from a run, so the cycle has something to move from.
    const run = await admin.request({
      method: 'POST',
      url: '/api/tiering/runs',
      payload: { schemeVersionId: created.json().id, asOf: '2025-11-30' },
    });
    const pub = await admin.request({
      method: 'POST',
      url: `/api/tiering/runs/${run.json().runId}/publish`,
      payload: { effectiveFrom: '2025-12-31' },
    });
    expect(pub.statusCode).toBe(200);
    expect(pub.json()).toMatchObject({ alreadyPublished: false, left: 0 });
  }, 180_000);
  afterAll(async () => {
    await app.close();
  });

  it('starts, rates, rates credit, revises, approves, publishes, and keeps the history', async () => {
    const started = await as.gm!.request({
      method: 'POST',
      url: '/api/reviews/cycles',
      payload: {
        name: '2026 年度客户分级评审',
        kind: 'annual',
        schemeId,
        asOf: AS_OF,
        deadline: later(30),
        effectiveFrom: '2027-01-01',
      },
    });
    expect(started.statusCode).toBe(201);
    const cycle = started.json();
    expect(cycle).toMatchObject({
      status: 'open',
      currentStep: 0,
      steps: [{ kind: 'rate' }, {}, {}, {}, { kind: 'publish' }],
    });
    expect(cycle.progress.total).toBeGreaterThan(100);
    const url = `/api/reviews/cycles/${cycle.id}`;

    // Out of turn and out of role: refused, nothing changes.
    const early = await as.gm!.request({ method: 'POST', url: `${url}/steps/approve/complete` });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('INVALID_STATE');
    const notFinance = await as.fin!.request({ method: 'POST', url: `${url}/steps/rate/complete` });
    expect(notFinance.statusCode).toBe(403);

    // Step 1: the east manager sees and rates only the east region.
    const form = await as.east!.request({ method: 'GET', url: `${url}/proposals?pageSize=500` });
    const mine = form.json().items as Proposal[];
    expect(mine.length).toBeGreaterThan(0);
    expect(new Set(mine.map((p) => p.region))).toEqual(new Set(['华东']));
    const all = (
      await admin.request({ method: 'GET', url: `${url}/proposals?pageSize=500` })
    ).json().items as Proposal[];
    const south = all.find((p) => p.region !== '华东')!;
    // Outside the sales manager’s region the customer is out of their row scope: not found.
    const other = await as.east!.request({
      method: 'PUT',
      url: `${url}/proposals/${south.customerId}/rating`,
      payload: { proposedTier: 'A', reason: 'x', version: south.version },
    });
    expect(other.statusCode).toBe(404);

    const target = mine.find((p) => p.computedTier === 'C')!;
    const noReason = await as.east!.request({
      method: 'PUT',
      url: `${url}/proposals/${target.customerId}/rating`,
      payload: { proposedTier: 'B', version: target.version },
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details.issues[0].field).toBe('reason');

    // Two managers save the same proposal from the same version: the later one is refused.
    const first = await as.east!.request({
      method: 'PUT',
      url: `${url}/proposals/${target.customerId}/rating`,
      payload: { proposedTier: 'B', reason: '新签三年框架协议', version: target.version },
    });
    expect(first.statusCode).toBe(200);
    const second = await as.east2!.request({
      method: 'PUT',
      url: `${url}/proposals/${target.customerId}/rating`,
      payload: { proposedTier: 'A', reason: '另一意见', version: target.version },
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('STALE_VERSION');
    const kept = (
      await as.east!.request({ method: 'GET', url: `${url}/proposals?q=${target.code}` })
    ).json().items[0] as Proposal;
    expect(kept).toMatchObject({ finalTier: 'B', version: target.version + 1 });

    expect(
      (
        await as.east!.request({
          method: 'POST',
          url: `${url}/steps/rate/complete`,
          payload: { comment: '华东已评' },
        })
      ).statusCode,
    ).toBe(200);

    // Step 2: finance rates credit.
    const credit = await as.fin!.request({
      method: 'PUT',
      url: `${url}/proposals/${target.customerId}/finance`,
      payload: { creditGrade: 'AA', receivablesConfirmed: true, version: kept.version },
    });
    expect(credit.statusCode).toBe(200);
    const bad = await as.fin!.request({
      method: 'PUT',
      url: `${url}/proposals/${target.customerId}/finance`,
      payload: { creditGrade: 'Z', receivablesConfirmed: true, version: kept.version + 1 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues[0].field).toBe('creditGrade');
    await as.fin!.request({ method: 'POST', url: `${url}/steps/finance/complete` });

    // Step 3: the meeting raises another customer one tier; sent back once by the GM.
    const raised = mine.find((p) => p.computedTier === 'B' && p.customerId !== target.customerId)!;
    const revise = await as.east!.request({
      method: 'PUT',
      url: `${url}/proposals/${raised.customerId}/revision`,
      payload: { revisedTier: 'A', reason: '评审会：战略客户', version: raised.version },
    });
    expect(revise.statusCode).toBe(200);
    await as.east!.request({ method: 'POST', url: `${url}/steps/revise/complete` });
    const back = await as.gm!.request({
      method: 'POST',
      url: `${url}/return`,
      payload: { reason: '请补充华南客户的复评意见' },
    });
    expect(back.json()).toMatchObject({ currentStep: 2 });
    await as.east!.request({ method: 'POST', url: `${url}/steps/revise/complete` });

    // The side-by-side view: movers against the published tiers, with the revenue at stake.
    const upList = (
      await admin.request({ method: 'GET', url: `${url}/proposals?moved=up&pageSize=500` })
    ).json() as { items: (Proposal & { revenueMinor: number })[]; total: number };
    if (raised.previousTier !== 'A')
      expect(upList.items.map((p) => p.customerId)).toContain(raised.customerId);
    for (const p of upList.items)
      expect(['A', 'B', 'C'].indexOf(p.finalTier)).toBeLessThan(
        ['A', 'B', 'C'].indexOf(p.previousTier ?? 'C'),
      );
    expect(upList.items.some((p) => p.revenueMinor > 0)).toBe(true);
    const sheet = await admin.request({ method: 'GET', url: `${url}/proposals.xlsx` });
    expect(sheet.statusCode).toBe(200);
    expect(sheet.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const csv = await admin.request({ method: 'GET', url: `${url}/proposals.csv?lang=en` });
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toMatch(/^Code,Name,Region,"Revenue, last 12 months",Score/);
    expect(lines).toHaveLength(cycle.progress.total + 1);

    // Step 4 and 5: approve, publish.
    const approved = await as.gm!.request({ method: 'POST', url: `${url}/steps/approve/complete` });
    expect(approved.json()).toMatchObject({ currentStep: 4 });
    const published = await as.gm!.request({ method: 'POST', url: `${url}/publish` });
    expect(published.statusCode).toBe(200);
    const p = published.json();
    expect(p).toMatchObject({
      alreadyPublished: false,
      effectiveFrom: '2027-01-01',
      cycleId: cycle.id,
    });
    expect(p.customers).toBe(cycle.progress.total);
    expect(p.upgrades + p.downgrades + p.unchanged + p.entered).toBe(p.customers);

    const again = await as.gm!.request({ method: 'POST', url: `${url}/publish` });
    expect(again.json()).toMatchObject({ alreadyPublished: true, publicationId: p.publicationId });

    const done = (await admin.request({ method: 'GET', url })).json();
    expect(done).toMatchObject({ status: 'published', publication: { id: p.publicationId } });
    expect(done.events.map((e: { action: string }) => e.action)).toEqual([
      'start',
      'complete',
      'complete',
      'complete',
      'return',
      'complete',
      'complete',
      'publish',
    ]);

    // History: the revised customer moved B→A (or from its published tier) with the reason.
    const h = await admin.request({
      method: 'GET',
      url: `/api/customers/${raised.customerId}/tier-history`,
    });
    const entries = h.json().items as { toTier: string; reason: string; effectiveFrom: string }[];
    expect(entries[0]).toMatchObject({ toTier: 'A', effectiveFrom: '2027-01-01' });
    if (raised.previousTier !== 'A') expect(entries[0]!.reason).toBe('评审会：战略客户');
    const before = await admin.request({
      method: 'GET',
      url: `/api/customers/${raised.customerId}/tiers-on?date=2026-06-30`,
    });
    expect(before.json().items).toEqual([
      expect.objectContaining({ tier: raised.previousTier, since: '2025-12-31' }),
    ]);
    const after = await admin.request({
      method: 'GET',
      url: `/api/customers/${raised.customerId}/tiers-on?date=2027-01-01`,
    });
    expect(after.json().items[0].tier).toBe('A');
    const tiers = await admin.request({
      method: 'GET',
      url: `/api/customers/${raised.customerId}/tiers`,
    });
    // Published with a later effective date: today's tier is still last year's, A is upcoming.
    expect(tiers.json().items[0]).toMatchObject({
      published: { tier: raised.previousTier },
      upcoming: { tier: 'A', from: '2027-01-01' },
    });

    const ups = await admin.request({
      method: 'GET',
      url: `/api/tiering/publications/${p.publicationId}/changes?direction=up&pageSize=500`,
    });
    expect(ups.json().total).toBe(p.upgrades);
    const pubs = await admin.request({
      method: 'GET',
      url: `/api/tiering/schemes/${schemeId}/publications`,
    });
    expect(pubs.json().items).toHaveLength(2);

    // Owners of moved customers were told.
    const notes = await deps()
      .store.db.selectFrom('notifications')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(notes.n)).toBe(p.notified);
    if (p.upgrades + p.downgrades > 0) expect(p.notified).toBeGreaterThan(0);
  });

  it('refuses a stale draft: another run published since, or the scheme changed', async () => {
    const v = (
      await admin.request({ method: 'GET', url: `/api/tiering/schemes/${schemeId}` })
    ).json().latest;
    const runOf = async (versionId: number) =>
      (
        await admin.request({
          method: 'POST',
          url: '/api/tiering/runs',
          payload: { schemeVersionId: versionId, asOf: AS_OF },
        })
      ).json().runId as number;
    const older = await runOf(v.id);
    const newer = await runOf(v.id);
    expect(
      (await admin.request({ method: 'POST', url: `/api/tiering/runs/${newer}/publish` }))
        .statusCode,
    ).toBe(200);
    const stale = await admin.request({
      method: 'POST',
      url: `/api/tiering/runs/${older}/publish`,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.reason).toBe('newer_publication');

    const draft = await runOf(v.id);
    const edited = await admin.request({
      method: 'PUT',
      url: `/api/tiering/schemes/${schemeId}`,
      payload: { ...scheme, name: name('Annual A/B/C, edited') },
    });
    expect(edited.json().version).toBe(v.version + 1);
    const changed = await admin.request({
      method: 'POST',
      url: `/api/tiering/runs/${draft}/publish`,
    });
    expect(changed.statusCode).toBe(409);
    expect(changed.json().error.details.reason).toBe('scheme_changed');
    const rows = await deps()
      .store.db.selectFrom('tier_publications')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(rows.n)).toBe(3);
  });

  it('refuses to act on an expired cycle until its deadline moves', async () => {
    const started = await as.gm!.request({
      method: 'POST',
      url: '/api/reviews/cycles',
      payload: {
        name: '临时评审',
        kind: 'interim',
        schemeId,
        asOf: '2026-11-20',
        deadline: later(1),
        scope: { region: '华东' },
      },
    });
    expect(started.statusCode).toBe(201);
    const id = started.json().id as number;
    const future = { ...systemCtx(), now: () => new Date(`${later(3)}T04:00:00Z`) };
    await expect(completeStep(deps(), future, id, 'rate')).rejects.toMatchObject({
      code: 'INVALID_STATE',
      details: { reason: 'expired' },
    });
    const extended = await as.gm!.request({
      method: 'POST',
      url: `/api/reviews/cycles/${id}/deadline`,
      payload: { deadline: later(10) },
    });
    expect(extended.statusCode).toBe(200);
    await expect(completeStep(deps(), future, id, 'rate')).resolves.toMatchObject({
      currentStep: 1,
    });
    const noRole = await as.fin!.request({
      method: 'POST',
      url: `/api/reviews/cycles/${id}/deadline`,
      payload: { deadline: later(20) },
    });
    expect(noRole.statusCode).toBe(403);
  });
});
