import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureFirstAdmin } from '../../src/app/bootstrap';
import { systemCtx } from '../../src/app/context';
import { createCustomer, updateCustomer } from '../../src/app/customers/customers.service';
import { createFact } from '../../src/app/facts/facts.service';
import { publishRun } from '../../src/app/review/publish.service';
import { runTiering } from '../../src/app/tiering/run.service';
import { createScheme } from '../../src/app/tiering/schemes.service';
import { customerInput } from '../factories/customers';
import { both, revenueScheme } from '../factories/schemes';
import { describeEachEngine } from '../support/engines';
import { type Client, signIn, signInRoles, testServer } from '../support/http';

/**
 * Score = 12-month revenue in yuan / 100 (linear 0…10,000 → 0…100): A from 50, B from 20, C
 * below. Only medium and large customers are in the scheme, so a customer made small leaves it.
 */
const scheme = {
  id: 'rev-linear',
  version: 1,
  name: both('Revenue, linear'),
  appliesTo: { attribute: 'size', in: ['medium', 'large'] },
  metrics: [{ id: 'revenue', window: { kind: 'last_n_months', months: 12 } }],
  criteria: [
    {
      id: 'rev',
      label: both('Revenue'),
      metric: 'revenue',
      weight: 1,
      kind: 'linear',
      min: 0,
      max: 10000,
      maxPoints: 100,
    },
  ],
  tiers: ['A', 'B', 'C'].map((t, i) => ({ id: t, name: both(`Tier ${t}`), rank: i + 1 })),
  assignment: {
    ranking: {
      kind: 'thresholds',
      thresholds: [
        { tier: 'A', minScore: 50 },
        { tier: 'B', minScore: 20 },
        { tier: 'C', minScore: 0 },
      ],
    },
  },
};

/**
 * Run 1 as of 2026-06-30 (revenue 2025-07..2026-06), published from 2026-07-01; run 2 as of
 * 2026-12-31 (revenue 2026-01..2026-12), published from 2027-01-01. Between them c3 buys 5,000,
 * c5 becomes small (leaves the scheme) and c6 is created. By hand:
 *   c1 A→C (its 6,000 was in 2025-08)   c2 B→B   c3 C→A   c4 C→C (华北)   c5 B→gone   c6 new→B
 */
const ORDERS: Record<string, [string, string][]> = {
  c1: [['2025-08-10', '6000.00']],
  c2: [['2026-03-01', '3000.00']],
  c3: [['2026-02-01', '500.00']],
  c4: [['2026-04-01', '1000.00']],
  c5: [['2026-05-01', '2500.00']],
};

describeEachEngine('tier distribution and migration through the API', ({ deps }) => {
  let app: FastifyInstance;
  let admin: Client;
  let roles: Record<'fin' | 'sup' | 'am', Client>;
  const ids: Record<string, number> = {};
  let run1 = 0;
  let run2 = 0;
  let pub1 = 0;
  let pub2 = 0;
  let otherRun = 0;
  let schemeId = 0;

  const get = (c: Client, url: string) => c.request({ method: 'GET', url });
  const order = async (key: string, n: number, on: string, amount: string) =>
    createFact(deps(), systemCtx(), 'orders', ids[key]!, {
      orderNo: `${key}-${n}`,
      orderedOn: on,
      amount,
    });

  beforeAll(async () => {
    const ctx = systemCtx();
    await ensureFirstAdmin(deps());
    for (const key of ['c1', 'c2', 'c3', 'c4', 'c5']) {
      const c = await createCustomer(
        deps(),
        ctx,
        customerInput({ code: `T-${key}`, region: key === 'c4' ? '华北' : '华东' }),
      );
      ids[key] = c.id;
      for (const [i, [on, amount]] of ORDERS[key]!.entries()) await order(key, i, on, amount);
    }
    const created = await createScheme(deps(), ctx, scheme);
    const versionId = created.id;
    schemeId = created.schemeId;
    run1 = (await runTiering(deps(), ctx, { schemeVersionId: versionId, asOf: '2026-06-30' }))
      .runId;
    pub1 = (await publishRun(deps(), ctx, run1, { effectiveFrom: '2026-07-01' })).publicationId;

    await order('c3', 9, '2026-09-15', '5000.00');
    ids.c6 = (await createCustomer(deps(), ctx, customerInput({ code: 'T-c6' }))).id;
    await order('c6', 0, '2026-10-01', '2500.00');
    const five = await deps()
      .store.db.selectFrom('customers')
      .select('version')
      .where('id', '=', ids.c5!)
      .executeTakeFirstOrThrow();
    await updateCustomer(deps(), ctx, ids.c5!, { size: 'small', version: Number(five.version) });
    run2 = (await runTiering(deps(), ctx, { schemeVersionId: versionId, asOf: '2026-12-31' }))
      .runId;

    const other = await createScheme(deps(), ctx, revenueScheme('other'));
    otherRun = (await runTiering(deps(), ctx, { schemeVersionId: other.id, asOf: '2026-12-31' }))
      .runId;

    app = (await testServer(deps())).app;
    admin = await signIn(app);
    roles = await signInRoles(deps(), app, {
      fin: 'finance',
      sup: 'service_supervisor',
      am: 'account_manager',
    });
  }, 120_000);
  afterAll(async () => app?.close());

  /** The matrix every comparison of run 1 with run 2 gives (rows before, columns after). */
  const MATRIX = [
    // A  B  C  none
    [0, 0, 1, 0], // A: c1 down to C
    [0, 1, 0, 1], // B: c2 stayed, c5 gone
    [1, 0, 1, 0], // C: c3 up to A, c4 stayed
    [0, 1, 0, 0], // none: c6 new in B
  ];

  it('lists the schemes with their tiers and runs, the published ones with their publication', async () => {
    const res = await get(admin, '/api/analytics/tiers/schemes');
    expect(res.statusCode).toBe(200);
    const s = res.json().items.find((x: { key: string }) => x.key === 'rev-linear');
    expect(s.tiers).toEqual([
      { id: 'A', nameZh: 'Tier A', nameEn: 'Tier A' },
      { id: 'B', nameZh: 'Tier B', nameEn: 'Tier B' },
      { id: 'C', nameZh: 'Tier C', nameEn: 'Tier C' },
    ]);
    expect(s.runs.map((r: { id: number }) => r.id)).toEqual([run2, run1]);
    expect(s.runs[1].publication).toMatchObject({ id: pub1, effectiveFrom: '2026-07-01' });
    expect(s.runs[0].publication).toBeNull();
  });

  it('compares the published run with the newer draft by default, with revenue in both periods', async () => {
    const res = await get(admin, `/api/analytics/tiers/migration?schemeId=${schemeId}`);
    expect(res.statusCode).toBe(200);
    const m = res.json();
    expect(m.defaulted).toBe('publishedAndLatestRun');
    expect(m.before).toMatchObject({
      kind: 'run',
      runId: run1,
      publicationId: pub1,
      month: '2026-06',
    });
    expect(m.after).toMatchObject({ kind: 'run', runId: run2, status: 'draft', month: '2026-12' });
    expect(m.periods).toEqual({
      before: { from: '2025-07', to: '2026-06', months: 12 },
      after: { from: '2026-01', to: '2026-12', months: 12 },
    });
    expect(m.labels).toEqual(['A', 'B', 'C', 'none']);
    expect(m.counts).toEqual(MATRIX);
    expect(m.revenueMinor[2][0]).toBe(550_000);
    expect(m.revenueBeforeMinor[2][0]).toBe(50_000);
    expect(m.revenueMinor[0][2]).toBe(0);
    expect(m.revenueBeforeMinor[0][2]).toBe(600_000);
    expect(m.totals).toEqual({
      up: { customers: 1, revenueMinor: 550_000, revenueBeforeMinor: 50_000 },
      down: { customers: 1, revenueMinor: 0, revenueBeforeMinor: 600_000 },
      stayed: { customers: 2, revenueMinor: 400_000, revenueBeforeMinor: 400_000 },
      new: { customers: 1, revenueMinor: 250_000, revenueBeforeMinor: 0 },
      gone: { customers: 1, revenueMinor: 250_000, revenueBeforeMinor: 250_000 },
    });
    expect(m.all).toEqual({ customers: 6, revenueMinor: 1_450_000, revenueBeforeMinor: 1_300_000 });
    expect(m.sankey.links).toContainEqual({
      source: 'before:C',
      target: 'after:A',
      from: 'C',
      to: 'A',
      move: 'up',
      customers: 1,
      revenueMinor: 550_000,
      revenueBeforeMinor: 50_000,
    });
    expect(m.sankey.links).toHaveLength(6);
    expect(m.sankey.nodes.map((n: { id: string }) => n.id)).toEqual([
      'before:A',
      'before:B',
      'before:C',
      'before:none',
      'after:A',
      'after:B',
      'after:C',
      'after:none',
    ]);
  });

  it('shows the newer draft run as the last point of the distribution, unless excluded', async () => {
    const d = (await get(admin, '/api/analytics/tiers/distribution')).json();
    expect(d.points.map((p: { key: string; draft: boolean }) => [p.key, p.draft])).toEqual([
      [String(pub1), false],
      [`run-${run2}`, true],
    ]);
    const draft = d.points[1];
    expect(draft).toMatchObject({ date: '2026-12-31', runId: run2, publicationId: null });
    expect(draft.tiers.map((t: { customers: number }) => t.customers)).toEqual([1, 2, 2]);
    expect(draft.tiers.map((t: { revenueMinor: number }) => t.revenueMinor)).toEqual([
      550_000, 550_000, 100_000,
    ]);
    const list = (
      await get(admin, `/api/analytics/tiers/distribution/customers?point=run-${run2}&pointTier=A`)
    ).json();
    expect(list.rows.map((r: { code: string; extra: unknown }) => [r.code, r.extra])).toEqual([
      ['T-c3', { tier: 'A', score: 55 }],
    ]);
    const without = (await get(admin, '/api/analytics/tiers/distribution?draft=exclude')).json();
    expect(without.points.map((p: { key: string }) => p.key)).toEqual([String(pub1)]);
  });

  it('drills into a cell with tiers, scores and both revenues, and exports it', async () => {
    const base = `/api/analytics/tiers/migration/customers?beforeRunId=${run1}&afterRunId=${run2}`;
    const res = await get(admin, `${base}&fromTier=C&toTier=A`);
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page.total).toBe(1);
    expect(page.rows[0]).toMatchObject({
      code: 'T-c3',
      revenueMinor: 550_000,
      extra: {
        fromTier: 'C',
        toTier: 'A',
        move: 'up',
        scoreBefore: 5,
        scoreAfter: 55,
        revenueBeforeMinor: 50_000,
        revenueChangeMinor: 500_000,
      },
    });
    const gone = (await get(admin, `${base}&move=gone`)).json();
    expect(gone.rows.map((r: { code: string }) => r.code)).toEqual(['T-c5']);
    expect(gone.rows[0].extra).toMatchObject({ fromTier: 'B', toTier: null, scoreAfter: null });
    const column = (await get(admin, `${base}&toTier=none`)).json();
    expect(column.total).toBe(1);
    const stayed = (await get(admin, `${base}&move=stayed&sort=code&order=asc`)).json();
    expect(stayed.rows.map((r: { code: string }) => r.code)).toEqual(['T-c2', 'T-c4']);

    const csv = await get(
      roles.fin,
      `/api/analytics/tiers/migration/customers/export?beforeRunId=${run1}&afterRunId=${run2}&move=up&format=csv&lang=en`,
    );
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toContain('Tier before,Tier after,Move,Score before,Score after');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('T-c3');
    expect(lines[1]).toContain('C,A,Up,5,55,500,5000');
  });

  it('filters by region: only the customers of 华北 are counted', async () => {
    const res = await get(
      admin,
      `/api/analytics/tiers/migration?beforeRunId=${run1}&afterRunId=${run2}&region=${encodeURIComponent('华北')}`,
    );
    const m = res.json();
    expect(m.all.customers).toBe(1);
    expect(m.counts[2][2]).toBe(1);
    expect(m.totals.stayed.revenueMinor).toBe(100_000);
  });

  it('compares a run with its previous tiers: customers outside the run are not seen', async () => {
    const res = await get(
      admin,
      `/api/analytics/tiers/migration?compare=previous&afterRunId=${run2}`,
    );
    expect(res.statusCode).toBe(200);
    const m = res.json();
    expect(m.before).toMatchObject({
      kind: 'previous',
      runId: run1,
      ofRunId: run2,
      month: '2026-06',
    });
    expect(m.counts).toEqual([
      [0, 0, 1, 0],
      [0, 1, 0, 0],
      [1, 0, 1, 0],
      [0, 1, 0, 0],
    ]);
  });

  it('after the second publication: the two publications by default, by date, and over time', async () => {
    const p = await publishRun(deps(), systemCtx(), run2, { effectiveFrom: '2027-01-01' });
    pub2 = p.publicationId;
    const m = (await get(admin, '/api/analytics/tiers/migration')).json();
    expect(m.scheme.key).toBe('rev-linear');
    expect(m.defaulted).toBe('latestPublished');
    expect(m.after).toMatchObject({
      runId: run2,
      publicationId: pub2,
      effectiveFrom: '2027-01-01',
    });
    expect(m.counts).toEqual(MATRIX);

    const byDate = (
      await get(admin, '/api/analytics/tiers/migration?beforeDate=2026-07-15&afterDate=2027-01-15')
    ).json();
    expect(byDate.compare).toBe('dates');
    expect(byDate.before).toMatchObject({ kind: 'date', date: '2026-07-15', runId: run1 });
    expect(byDate.counts).toEqual(MATRIX);
    expect(byDate.periods.after).toEqual({ from: '2026-02', to: '2027-01', months: 12 });

    const first = (
      await get(admin, '/api/analytics/tiers/migration?beforeDate=2026-06-30&afterDate=2026-07-01')
    ).json();
    expect(first.totals.new.customers).toBe(5);
    expect(first.counts[3]).toEqual([1, 2, 2, 0]);

    const dist = await get(admin, '/api/analytics/tiers/distribution');
    expect(dist.statusCode).toBe(200);
    const d = dist.json();
    expect(d.by).toBe('publication');
    expect(d.points.map((x: { key: string }) => x.key)).toEqual([String(pub1), String(pub2)]);
    const [at1, at2] = d.points;
    expect(at1.revenuePeriod).toEqual({ from: '2025-07', to: '2026-06', months: 12 });
    expect(at1.tiers.map((t: { customers: number }) => t.customers)).toEqual([1, 2, 2]);
    expect(at1.tiers.map((t: { revenueMinor: number }) => t.revenueMinor)).toEqual([
      600_000, 550_000, 150_000,
    ]);
    expect(at1.tiers[0].customerShare).toBeCloseTo(0.2, 10);
    expect(at1.tiers[0].revenueShare).toBeCloseTo(600_000 / 1_300_000, 10);
    expect(at1).toMatchObject({ customers: 5, untiered: 1, untieredRevenueMinor: 0 });
    expect(at2.tiers.map((t: { customers: number }) => t.customers)).toEqual([1, 2, 2]);
    expect(at2.tiers.map((t: { revenueMinor: number }) => t.revenueMinor)).toEqual([
      550_000, 550_000, 100_000,
    ]);
    expect(at2).toMatchObject({ untiered: 1, untieredRevenueMinor: 250_000 });

    const months = (
      await get(admin, '/api/analytics/tiers/distribution?by=month&from=2026-06&to=2027-01')
    ).json();
    expect(months.points).toHaveLength(8);
    expect(months.points[0]).toMatchObject({ key: '2026-06', date: '2026-06-30', customers: 0 });
    expect(months.points[1]).toMatchObject({ key: '2026-07', customers: 5, publicationId: pub1 });
    expect(months.points[7]).toMatchObject({ key: '2027-01', customers: 5, publicationId: pub2 });
    expect(months.points[7].tiers.map((t: { customers: number }) => t.customers)).toEqual([
      1, 2, 2,
    ]);

    const bar = (
      await get(
        admin,
        `/api/analytics/tiers/distribution/customers?point=${pub1}&pointTier=B&sort=code&order=asc`,
      )
    ).json();
    expect(
      bar.rows.map((r: { code: string; extra: { tier: string } }) => [r.code, r.extra]),
    ).toEqual([
      ['T-c2', { tier: 'B', score: 30 }],
      ['T-c5', { tier: 'B', score: 25 }],
    ]);
    expect(bar.rows[0].revenueMinor).toBe(300_000);
  });

  it('exports the matrix and the distribution as CSV', async () => {
    const m = await get(
      admin,
      `/api/analytics/tiers/migration/export?beforeRunId=${run1}&afterRunId=${run2}&format=csv&lang=en`,
    );
    expect(m.statusCode).toBe(200);
    const lines = m.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe(
      'Tier before,Tier after,Move,Customers,Revenue 2026-01..2026-12,Revenue 2025-07..2026-06,Revenue change',
    );
    expect(lines).toHaveLength(1 + 15);
    expect(lines).toContain('Tier C,Tier A,Up,1,5500,500,5000');
    expect(lines).toContain('No tier,Tier B,New,1,2500,0,2500');
    const d = await get(admin, '/api/analytics/tiers/distribution/export?format=csv&lang=en');
    const rows = d.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(rows).toHaveLength(1 + 6);
    expect(rows[1]).toBe(`2026-07-01,${pub1},2025-07..2026-06,Tier A,1,20,6000,46.2`);
  });

  it('lets analytics readers see figures, and only exporters download customer lists', async () => {
    const url = `/api/analytics/tiers/migration/customers?beforeRunId=${run1}&afterRunId=${run2}`;
    expect((await get(roles.sup, url)).statusCode).toBe(200);
    const exp = await get(roles.sup, url.replace('/customers?', '/customers/export?'));
    expect(exp.statusCode).toBe(403);
    expect((await get(roles.am, '/api/analytics/tiers/migration')).statusCode).toBe(403);
  });

  it('names the field at fault for bad input', async () => {
    const fieldOf = async (url: string) => {
      const res = await get(admin, url);
      expect(res.statusCode).toBe(400);
      return (res.json().error.details.issues as { field: string }[]).map((i) => i.field);
    };
    const m = '/api/analytics/tiers/migration';
    expect(await fieldOf(`${m}?schemeId=9999`)).toEqual(['schemeId']);
    expect(await fieldOf(`${m}?beforeRunId=9999&afterRunId=${run2}`)).toEqual(['beforeRunId']);
    expect(await fieldOf(`${m}?beforeRunId=${otherRun}&afterRunId=${run2}`)).toEqual([
      'beforeRunId',
    ]);
    expect(await fieldOf(`${m}?beforeRunId=${run2}&afterRunId=${run1}`)).toEqual(['beforeRunId']);
    expect(await fieldOf(`${m}?beforeRunId=${run1}`)).toEqual(['afterRunId']);
    expect(await fieldOf(`${m}?beforeDate=2027-01-01&afterDate=2026-01-01`)).toEqual([
      'beforeDate',
    ]);
    expect(await fieldOf(`${m}?beforeDate=2026-02-30&afterDate=2026-03-01`)).toEqual([
      'beforeDate',
    ]);
    expect(await fieldOf(`${m}?beforeDate=2026-01-01&afterRunId=${run2}`)).toEqual(['afterRunId']);
    expect(await fieldOf(`${m}?compare=weekly`)).toEqual(['compare']);
    expect(await fieldOf(`${m}/customers?fromTier=Z`)).toEqual(['fromTier']);
    expect(await fieldOf(`${m}/customers?move=sideways`)).toEqual(['move']);
    const d = '/api/analytics/tiers/distribution';
    expect(await fieldOf(`${d}?by=week`)).toEqual(['by']);
    expect(await fieldOf(`${d}?draft=maybe`)).toEqual(['draft']);
    expect(await fieldOf(`${d}?by=month&from=2020-01&to=2026-12`)).toEqual(['from']);
    expect(await fieldOf(`${d}/customers?point=9999`)).toEqual(['point']);
    expect(await fieldOf(`${d}/customers?point=${pub1}&pointTier=Z`)).toEqual(['pointTier']);
  });
});
