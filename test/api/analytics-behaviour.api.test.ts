import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureFirstAdmin } from '../../src/app/bootstrap';
import { seedBehaviour } from '../e2e/analytics-behaviour-data';
import { describeEachEngine } from '../support/engines';
import { type Client, signIn, signInRoles, testServer } from '../support/http';

/** The data's period and the thresholds axes: see test/e2e/analytics-behaviour-data.ts. */
const PERIOD = 'from=2025-01&to=2025-06';
const AXES = 'x=revenue&y=orders&xLow=10000&xHigh=50000&yLow=2&yHigh=4';

describeEachEngine('behaviour analytics through the API', ({ deps }) => {
  let app: FastifyInstance;
  let admin: Client;
  let finance: Client;
  let supervisor: Client;
  let manager: Client;
  let ids: Record<string, number>;
  const code = (id: number) => Object.entries(ids).find(([, v]) => v === id)?.[0];

  beforeAll(async () => {
    await ensureFirstAdmin(deps());
    ids = await seedBehaviour(deps());
    app = (await testServer(deps())).app;
    admin = await signIn(app);
    ({ finance, supervisor, manager } = await signInRoles(deps(), app, {
      finance: 'finance',
      supervisor: 'service_supervisor',
      manager: 'account_manager',
    }));
  }, 120_000);
  afterAll(async () => app?.close());

  const get = (c: Client, url: string) => c.request({ method: 'GET', url });
  const cells = (body: { cells: { cell: string; customers: number }[] }) =>
    Object.fromEntries(body.cells.filter((c) => c.customers > 0).map((c) => [c.cell, c.customers]));
  const names = (rows: { id: number }[]) => rows.map((r) => code(r.id));

  it('puts each customer in its nine-grid cell by the thresholds, with sums and revenue', async () => {
    const res = await get(finance, `/api/analytics/ninegrid?${PERIOD}&${AXES}`);
    expect(res.statusCode).toBe(200);
    const g = res.json();
    expect(g.period).toEqual({ from: '2025-01', to: '2025-06', months: 6 });
    expect(g.asOf).toBe('2025-06-30');
    expect(g.x).toEqual({ metric: 'revenue', split: 'thresholds', low: 10000, high: 50000 });
    expect(g.y).toEqual({ metric: 'orders', split: 'thresholds', low: 2, high: 4 });
    expect(cells(g)).toEqual({ A1: 2, A3: 1, B2: 2, C2: 1, C3: 1 });
    expect(g.customers).toBe(7);
    expect(g.revenueMinor).toBe(100000 + 20000 + 5000 + 60000 + 100000 + 16000 + 8000);
    const a1 = g.cells.find((c: { cell: string }) => c.cell === 'A1');
    expect(a1).toEqual({ cell: 'A1', customers: 2, xSum: 160000, ySum: 9, revenueMinor: 160000 });
    expect(g.metrics).toEqual([
      'revenue',
      'profit',
      'orders',
      'marginRate',
      'growth',
      'recencyDays',
    ]);
    expect(g.clvModel).toBeNull();
  });

  it('moves customers from the previous period through the same thresholds', async () => {
    const g = (await get(admin, `/api/analytics/ninegrid?${PERIOD}&${AXES}`)).json();
    const m = g.movement;
    expect(m.previousPeriod).toEqual({ from: '2024-07', to: '2024-12', months: 6 });
    const at = (a: string, b: string) => m.counts[CELLS.indexOf(a)][CELLS.indexOf(b)];
    expect(at('A3', 'A1')).toBe(1);
    expect(at('B2', 'B2')).toBe(1);
    expect(at('C2', 'A1')).toBe(1);
    expect(m.counts.flat().reduce((s: number, v: number) => s + v, 0)).toBe(3);
    expect(m.entered).toEqual([0, 0, 1, 0, 1, 0, 0, 1, 1]); // A3 c6, B2 c8, C2 c9, C3 c3
    expect(m.left).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0]); // A1 c4
    expect(m.previousCells).toEqual([1, 0, 1, 0, 1, 0, 0, 1, 0]);
  });

  it('splits by tertiles when no thresholds are given and reports the bars', async () => {
    const g = (
      await get(admin, `/api/analytics/ninegrid?${PERIOD}&region=华东&x=revenue&y=orders`)
    ).json();
    // Revenue 50, 80, 160, 200, 600, 1000 yuan: two customers a level.
    expect(g.x).toEqual({ metric: 'revenue', split: 'tertiles', low: 16000, high: 60000 });
    expect(g.customers).toBe(6);
    const xLevel = (letter: string) =>
      g.cells
        .filter((c: { cell: string }) => c.cell.startsWith(letter))
        .reduce((s: number, c: { customers: number }) => s + c.customers, 0);
    expect([xLevel('A'), xLevel('B'), xLevel('C')]).toEqual([2, 2, 2]);
    // Orders 1, 2, 2, 2, 4, 5: equal values share a level.
    expect(g.y.split).toBe('tertiles');
    expect(g.y.high).toBe(4);
  });

  it('narrows the grid with the filters', async () => {
    const g = (await get(admin, `/api/analytics/ninegrid?${PERIOD}&${AXES}&region=华北`)).json();
    expect(cells(g)).toEqual({ A3: 1 });
    expect(g.movement.entered[2]).toBe(1);
  });

  it('computes growth against the period before', async () => {
    const g = (
      await get(
        admin,
        `/api/analytics/ninegrid?${PERIOD}&x=revenue&y=growth&xLow=10000&xHigh=50000&yLow=0&yHigh=0.5`,
      )
    ).json();
    // c1 +66.7 %, c5 +566.7 %, c6/c8/c9/c3 new (+100 %), c2 0 %.
    expect(cells(g)).toEqual({ A1: 3, B1: 1, B2: 1, C1: 2 });
  });

  it('drills down to the customers of every cell and movement cell, totals as the figure', async () => {
    const g = (await get(admin, `/api/analytics/ninegrid?${PERIOD}&${AXES}`)).json();
    for (const c of g.cells as { cell: string; customers: number }[]) {
      const page = (
        await get(admin, `/api/analytics/ninegrid/customers?${PERIOD}&${AXES}&cell=${c.cell}`)
      ).json();
      expect(page.total, c.cell).toBe(c.customers);
    }
    const a1 = (
      await get(admin, `/api/analytics/ninegrid/customers?${PERIOD}&${AXES}&cell=A1`)
    ).json();
    expect(names(a1.rows)).toEqual(['c1', 'c5']);
    expect(a1.rows[0].extra).toEqual({ x: 100000, y: 5, cell: 'A1', previousCell: 'A3' });
    const moved = (
      await get(admin, `/api/analytics/ninegrid/customers?${PERIOD}&${AXES}&fromCell=C2&toCell=A1`)
    ).json();
    expect(names(moved.rows)).toEqual(['c5']);
    const left = (
      await get(
        admin,
        `/api/analytics/ninegrid/customers?${PERIOD}&${AXES}&fromCell=A1&toCell=left`,
      )
    ).json();
    expect(names(left.rows)).toEqual(['c4']);
    expect(left.rows[0].extra).toEqual({ x: null, y: null, cell: null, previousCell: 'A1' });
    const entered = (
      await get(
        admin,
        `/api/analytics/ninegrid/customers?${PERIOD}&${AXES}&fromCell=entered&toCell=B2`,
      )
    ).json();
    expect(names(entered.rows)).toEqual(['c8']);
  });

  it('exports the grid and a cell list, the list only with customers.export', async () => {
    const fig = await get(
      admin,
      `/api/analytics/ninegrid/export?${PERIOD}&${AXES}&format=csv&lang=en`,
    );
    expect(fig.statusCode).toBe(200);
    expect(fig.headers['content-type']).toContain('text/csv');
    const rows = parseCsv(fig.body.replace(/^\uFEFF/, ''), { columns: true }) as Record<
      string,
      string
    >[];
    expect(rows).toHaveLength(10);
    expect(rows[0]).toMatchObject({ Cell: 'A1', Customers: '2', Revenue: '1600', Left: '1' });
    expect(rows[2]).toMatchObject({ Cell: 'A3', 'to A1': '1' });
    expect(rows[9]).toMatchObject({ Cell: 'Entered', 'to B2': '1', 'to C3': '1' });

    const url = `/api/analytics/ninegrid/customers/export?${PERIOD}&${AXES}&cell=A1&format=xlsx&lang=en`;
    const list = await get(finance, url);
    expect(list.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(list.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(11).value).toBe('Revenue');
    expect(ws.getRow(2).getCell(1).value).toBe('NG-c1');
    expect(ws.getRow(2).getCell(11).value).toBe(1000);
    expect(ws.getRow(2).getCell(14).value).toBe('A3');
    expect(ws.rowCount).toBe(3);
    expect((await get(supervisor, url)).statusCode).toBe(403);
    expect((await get(supervisor, `/api/analytics/ninegrid?${PERIOD}`)).statusCode).toBe(200);
  });

  it('refuses without analytics.read', async () => {
    for (const url of [
      `/api/analytics/ninegrid?${PERIOD}`,
      `/api/analytics/ninegrid/customers?${PERIOD}&cell=A1`,
      `/api/analytics/lifecycle?${PERIOD}`,
      `/api/analytics/lifecycle/customers?${PERIOD}&stage=new`,
      `/api/analytics/service?${PERIOD}`,
      `/api/analytics/service/customers?${PERIOD}&group=A`,
    ]) {
      expect((await get(manager, url)).statusCode, url).toBe(403);
    }
  });

  it('names the field of a bad nine-grid query', async () => {
    const field = async (url: string) => {
      const res = await get(admin, url);
      expect(res.statusCode, url).toBe(400);
      return res.json().error.details.issues.map((i: { field: string }) => i.field);
    };
    expect(await field(`/api/analytics/ninegrid?x=turnover`)).toEqual(['x']);
    expect(await field(`/api/analytics/ninegrid?x=orders&y=orders`)).toEqual(['y']);
    expect(await field(`/api/analytics/ninegrid?xLow=5&xHigh=1`)).toEqual(['xLow']);
    expect(await field(`/api/analytics/ninegrid?yLow=5`)).toEqual(['yHigh']);
    expect(await field(`/api/analytics/ninegrid?xLow=abc&xHigh=3`)).toEqual(['xLow']);
    expect(await field(`/api/analytics/ninegrid?from=2025-13`)).toEqual(['from']);
    expect(await field(`/api/analytics/ninegrid?from=2025-06&to=2025-01`)).toEqual(['from']);
    expect(await field(`/api/analytics/ninegrid?x=clv`)).toEqual(['x']);
    expect(await field(`/api/analytics/ninegrid/customers?cell=D4`)).toEqual(['cell']);
    expect(await field(`/api/analytics/ninegrid/customers`)).toEqual(['cell']);
    expect(await field(`/api/analytics/ninegrid/customers?fromCell=A1`)).toEqual(['toCell']);
    expect(await field(`/api/analytics/ninegrid/export?format=pdf`)).toEqual(['format']);
  });

  it('answers zeros for an empty population, never NaN', async () => {
    const g = await get(admin, `/api/analytics/ninegrid?${PERIOD}&region=西北`);
    expect(g.statusCode).toBe(200);
    expect(g.body).not.toContain('NaN');
    expect(g.json()).toMatchObject({ customers: 0, revenueMinor: 0 });
    expect(g.json().x).toEqual({ metric: 'revenue', split: 'tertiles', low: null, high: null });
    const l = await get(admin, `/api/analytics/lifecycle?${PERIOD}&region=西北`);
    expect(l.statusCode).toBe(200);
    expect(l.json()).toMatchObject({ customers: 0, cohorts: [], churnRisk: { total: 0 } });
    expect(l.json().stages.map((s: { share: number }) => s.share)).toEqual([0, 0, 0, 0, 0]);
    const s = await get(admin, `/api/analytics/service?${PERIOD}&region=西北`);
    expect(s.json()).toMatchObject({ tiers: [], total: null, trends: [] });
  });

  it('offers the CLV axes once a lifetime-value model has finished', async () => {
    const db = deps().store.db;
    const model = await db
      .insertInto('clv_models')
      .values({
        status: 'finished',
        as_of: '2025-06-30',
        calibration_end: '2025-06-30',
        holdout_weeks: 0,
        time_unit: 'weeks',
        horizon_months: 12,
        discount_rate: 0.1,
        margin: null,
        warnings: '[]',
        created_at: '2025-07-01T00:00:00.000Z',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const clv: [string, number, number][] = [
      ['c1', 500000, 0.9],
      ['c2', 50000, 0.4],
      ['c5', 200000, 0.8],
    ];
    for (const [key, minor, alive] of clv) {
      await db
        .insertInto('customer_clv')
        .values({
          model_id: Number(model.id),
          customer_id: ids[key]!,
          x: 1,
          t_x: 1,
          t_total: 2,
          monetary_minor: 100,
          p_alive: alive,
          expected_purchases: 1,
          expected_spend_minor: 100,
          clv_minor: minor,
        })
        .execute();
    }
    const g = (
      await get(
        admin,
        `/api/analytics/ninegrid?${PERIOD}&x=clv&y=pAlive&xLow=100000&xHigh=300000&yLow=0.5&yHigh=0.85`,
      )
    ).json();
    expect(g.metrics).toContain('clv');
    expect(g.clvModel).toEqual({ id: Number(model.id), asOf: '2025-06-30' });
    // c1 A1, c5 B2, c2 C3 and the four customers the model does not know (0, 0) C3.
    expect(cells(g)).toEqual({ A1: 1, B2: 1, C3: 5 });
  });

  it('gives each customer its lifecycle stage with the reason', async () => {
    const res = await get(finance, `/api/analytics/lifecycle?${PERIOD}`);
    expect(res.statusCode).toBe(200);
    const v = res.json();
    expect(v.asOf).toBe('2025-06-30');
    expect(v.parameters).toEqual({
      newDays: 30,
      k1: 2,
      k2: 3,
      k3: 5,
      maxDays: 365,
      fallbackIntervalDays: 31.5,
    });
    expect(v.customers).toBe(8);
    const stages = Object.fromEntries(
      v.stages.map((s: { stage: string; customers: number; revenueMinor: number }) => [
        s.stage,
        [s.customers, s.revenueMinor],
      ]),
    );
    expect(stages).toEqual({
      new: [1, 5000],
      active: [2, 116000],
      silent: [1, 60000],
      at_risk: [3, 128000],
      churned: [1, 0],
    });
    expect(v.churnRisk.total).toBe(4);
    expect(names(v.churnRisk.rows)).toEqual(['c6', 'c5', 'c2', 'c9']);
    expect(v.churnRisk.rows[0].extra).toEqual({
      stage: 'at_risk',
      daysSince: 130,
      intervalDays: 31.5,
      ownInterval: 0,
      multiple: 4.13,
    });
    expect(v.churnRisk.rows[1].extra).toEqual({
      stage: 'silent',
      daysSince: 76,
      intervalDays: 32,
      ownInterval: 1,
      multiple: 2.38,
    });
  });

  it('builds the cohort retention table of first orders in the period', async () => {
    const v = (await get(admin, `/api/analytics/lifecycle?${PERIOD}`)).json();
    expect(v.cohorts).toEqual([
      { month: '2025-01', customers: 2, active: [2, 1, 1, 0, 0, 0], share: [1, 0.5, 0.5, 0, 0, 0] },
      { month: '2025-02', customers: 1, active: [1, 0, 0, 0, 0], share: [1, 0, 0, 0, 0] },
      { month: '2025-06', customers: 1, active: [1], share: [1] },
    ]);
    const east = (await get(admin, `/api/analytics/lifecycle?${PERIOD}&region=华东`)).json();
    expect(east.cohorts.map((c: { month: string }) => c.month)).toEqual(['2025-01', '2025-06']);
    expect(east.customers).toBe(7);
  });

  it('takes the stage rules from the query', async () => {
    const v = (
      await get(admin, `/api/analytics/lifecycle?${PERIOD}&k1=1.5&k2=2&k3=4&newDays=0`)
    ).json();
    expect(v.parameters).toMatchObject({ newDays: 0, k1: 1.5, k2: 2, k3: 4 });
    const count = (k: string) => v.stages.find((s: { stage: string }) => s.stage === k).customers;
    // c3 is no longer new (10 days, one order: 10 / 31.5 → active); c8 1.98× → silent;
    // c5 2.38× → at risk; c2 4.86×, c6 4.13×, c9 4.19× → churned past 4×.
    expect([
      count('new'),
      count('active'),
      count('silent'),
      count('at_risk'),
      count('churned'),
    ]).toEqual([0, 2, 1, 1, 4]);
  });

  it('drills down to stages and cohort cells, totals as the figure', async () => {
    const v = (await get(admin, `/api/analytics/lifecycle?${PERIOD}`)).json();
    for (const s of v.stages as { stage: string; customers: number }[]) {
      const page = (
        await get(admin, `/api/analytics/lifecycle/customers?${PERIOD}&stage=${s.stage}`)
      ).json();
      expect(page.total, s.stage).toBe(s.customers);
    }
    const risk = (
      await get(
        admin,
        `/api/analytics/lifecycle/customers?${PERIOD}&stage=silent,at_risk&pageSize=2`,
      )
    ).json();
    expect(risk.total).toBe(4);
    expect(names(risk.rows)).toEqual(['c6', 'c5']);
    const cohort = (
      await get(admin, `/api/analytics/lifecycle/customers?${PERIOD}&cohort=2025-01&offset=2`)
    ).json();
    expect(names(cohort.rows)).toEqual(['c8']);
    const whole = (
      await get(
        admin,
        `/api/analytics/lifecycle/customers?${PERIOD}&cohort=2025-01&sort=code&order=asc`,
      )
    ).json();
    expect(names(whole.rows)).toEqual(['c8', 'c9']);
  });

  it('exports the stages, the cohort table and the churn-risk list', async () => {
    const stages = await get(admin, `/api/analytics/lifecycle/export?${PERIOD}&format=csv&lang=en`);
    expect(stages.statusCode).toBe(200);
    const srows = parseCsv(stages.body.replace(/^\uFEFF/, ''), { columns: true }) as Record<
      string,
      string
    >[];
    expect(srows.map((r) => [r.Stage, r.Customers, r.Revenue])).toEqual([
      ['New', '1', '50'],
      ['Active', '2', '1160'],
      ['Silent', '1', '600'],
      ['At risk', '3', '1280'],
      ['Churned', '1', '0'],
    ]);
    const cohorts = await get(
      admin,
      `/api/analytics/lifecycle/export?${PERIOD}&table=cohorts&format=csv&lang=en`,
    );
    const crows = parseCsv(cohorts.body.replace(/^\uFEFF/, ''), { columns: true }) as Record<
      string,
      string
    >[];
    expect(crows[0]).toMatchObject({
      'First month': '2025-01',
      'Month 1 %': '50',
      'Month 5 %': '0',
    });
    expect(crows[2]).toMatchObject({
      'First month': '2025-06',
      'Month 0 %': '100',
      'Month 1 %': '',
    });
    const list = await get(
      finance,
      `/api/analytics/lifecycle/customers/export?${PERIOD}&stage=silent,at_risk&format=csv&lang=en`,
    );
    expect(list.statusCode).toBe(200);
    const lrows = parseCsv(list.body.replace(/^\uFEFF/, ''), { columns: true }) as Record<
      string,
      string
    >[];
    expect(lrows.map((r) => [r.Code, r.Stage, r['Days since last order']])).toEqual([
      ['NG-c6', 'At risk', '130'],
      ['NG-c5', 'Silent', '76'],
      ['NG-c2', 'At risk', '149'],
      ['NG-c9', 'At risk', '130'],
    ]);
    expect(
      (
        await get(
          supervisor,
          `/api/analytics/lifecycle/customers/export?${PERIOD}&stage=new&format=csv`,
        )
      ).statusCode,
    ).toBe(403);
  });

  it('names the field of a bad lifecycle query', async () => {
    const field = async (url: string) => {
      const res = await get(admin, url);
      expect(res.statusCode, url).toBe(400);
      return res.json().error.details.issues.map((i: { field: string }) => i.field);
    };
    expect(await field(`/api/analytics/lifecycle?k1=3`)).toEqual(['k2']);
    expect(await field(`/api/analytics/lifecycle?k2=6`)).toEqual(['k3']);
    expect(await field(`/api/analytics/lifecycle?newDays=-1`)).toEqual(['newDays']);
    expect(await field(`/api/analytics/lifecycle?maxDays=1.5`)).toEqual(['maxDays']);
    expect(await field(`/api/analytics/lifecycle?to=2025-6`)).toEqual(['to']);
    expect(await field(`/api/analytics/lifecycle/customers?stage=dormant`)).toEqual(['stage']);
    expect(await field(`/api/analytics/lifecycle/customers`)).toEqual(['stage']);
    expect(await field(`/api/analytics/lifecycle/customers?cohort=2025-1`)).toEqual(['cohort']);
    expect(await field(`/api/analytics/lifecycle/export?table=rfm`)).toEqual(['table']);
  });

  it('shows service KPIs by tier with satisfaction month by month', async () => {
    const res = await get(supervisor, `/api/analytics/service?${PERIOD}`);
    expect(res.statusCode).toBe(200);
    const v = res.json();
    expect(v.months).toEqual(['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06']);
    expect(v.tiers).toEqual([
      expect.objectContaining({
        group: 'A',
        tickets: 2,
        firstReplyMedianMinutes: 60,
        resolutionMedianMinutes: 120,
        slaAttainment: 2 / 3,
        satisfaction: 4,
        surveys: 3,
      }),
      expect.objectContaining({
        group: 'B',
        tickets: 2,
        firstReplyMedianMinutes: 35,
        slaAttainment: 1,
        satisfaction: 3,
        surveys: 2,
      }),
    ]);
    expect(v.total).toMatchObject({ tickets: 4, surveys: 5 });
    const sat = (tier: string) =>
      v.trends
        .find((t: { tier: string }) => t.tier === tier)
        .points.map((p: { satisfaction: number | null }) => p.satisfaction);
    expect(sat('A')).toEqual([null, 5, 3, null, null, null]);
    expect(sat('B')).toEqual([null, null, 4, null, 2, null]);
    const east = (await get(admin, `/api/analytics/service?${PERIOD}&region=华东`)).json();
    expect(east.tiers[1]).toMatchObject({ group: 'B', tickets: 1, satisfaction: 4 });
  });

  it('matches the service KPI table of the same period', async () => {
    const mine = (await get(admin, `/api/analytics/service?${PERIOD}`)).json();
    const kpis = (
      await get(admin, '/api/service/kpis?from=2025-01-01&to=2025-06-30&groupBy=tier')
    ).json();
    expect(mine.tiers).toEqual(kpis.rows);
    expect(mine.total).toEqual(kpis.total);
  });

  it('drills down to the customers of a tier and exports the view', async () => {
    const a = (
      await get(admin, `/api/analytics/service/customers?${PERIOD}&group=A&sort=code&order=asc`)
    ).json();
    expect(names(a.rows)).toEqual(['c1', 'c2']);
    expect(a.rows[0].extra).toEqual({ tickets: 1 });
    const may = (
      await get(admin, `/api/analytics/service/customers?${PERIOD}&group=B&month=2025-05`)
    ).json();
    expect(names(may.rows)).toEqual(['c6']);
    const noGroup = await get(admin, `/api/analytics/service/customers?${PERIOD}`);
    expect(noGroup.statusCode).toBe(400);
    expect(noGroup.json().error.details.issues[0].field).toBe('group');
    const x = await get(admin, `/api/analytics/service/export?${PERIOD}&format=csv&lang=en`);
    const rows = parseCsv(x.body.replace(/^\uFEFF/, ''), { columns: true }) as Record<
      string,
      string
    >[];
    expect(rows.map((r) => [r.Tier, r.Tickets, r['2025-02 satisfaction']])).toEqual([
      ['A', '2', '5'],
      ['B', '2', ''],
      ['Total', '4', ''],
    ]);
    const list = `/api/analytics/service/customers/export?${PERIOD}&group=A&format=csv`;
    expect((await get(finance, list)).statusCode).toBe(200);
    expect((await get(supervisor, list)).statusCode).toBe(403);
  });
});

const CELLS = ['A1', 'A2', 'A3', 'B1', 'B2', 'B3', 'C1', 'C2', 'C3'];
