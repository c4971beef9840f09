import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureFirstAdmin } from '../../src/app/bootstrap';
import { runNextJob } from '../../src/app/jobs/runner';
import { loadClvCustomers, simulatedBuyers } from '../factories/clv-orders';
import { describeEachEngine } from '../support/engines';
import { type Client, signInRoles, testServer } from '../support/http';
import { roleLike } from '../support/row-scopes';

describeEachEngine('lifetime value through the API', ({ deps }) => {
  let app: FastifyInstance;
  let u: Record<'gm' | 'sales' | 'sup' | 'am', Client>;
  let ids: Map<string, number>;
  const base = '/api/analytics/clv';

  beforeAll(async () => {
    await ensureFirstAdmin(deps());
    const buyers = simulatedBuyers('AP', 240, { seed: 11 }).map((c, i) => ({
      ...c,
      region: i % 3 === 0 ? '华北' : '华南',
      industry: i % 2 === 0 ? '制造业' : '零售',
    }));
    // A customer who never bought: known to the customer file, not to the model.
    buyers.push({ code: 'APNONE', orders: [], region: '华北', industry: '零售' });
    ids = await loadClvCustomers(deps(), buyers);
    app = (await testServer(deps())).app;
    // The sales manager here reads every region's predictions: row scope all.
    const salesAll = await roleLike(deps(), 'sales_manager', 'all');
    u = await signInRoles(deps(), app, {
      gm: 'general_manager',
      sales: salesAll,
      sup: 'service_supervisor',
      am: 'account_manager',
    });
  }, 120_000);
  afterAll(async () => app?.close());

  const get = (c: Client, url: string) => c.request({ method: 'GET', url });

  it('answers “no model yet” with nulls, not errors', async () => {
    const list = await get(u.sales, `${base}/customers`);
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ model: null, items: [], total: 0 });
    const one = await get(u.sales, `${base}/customers/${ids.get('AP0001')}`);
    expect(one.json()).toEqual({ model: null, prediction: null });
    expect((await get(u.sales, `${base}/models`)).json()).toMatchObject({ items: [], total: 0 });
  });

  it('lets analytics.read read, and only analytics.manage fit', async () => {
    expect((await get(u.am, `${base}/models`)).statusCode).toBe(403);
    expect((await get(u.am, `${base}/customers/${ids.get('AP0001')}`)).statusCode).toBe(403);
    const refused = await u.sales.request({ method: 'POST', url: `${base}/fit`, payload: {} });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.details).toMatchObject({ permission: 'analytics.manage' });
  });

  it('refuses a horizon of 0 and a negative discount rate naming the fields', async () => {
    const res = await u.gm.request({
      method: 'POST',
      url: `${base}/fit`,
      payload: { horizonMonths: 0, discountRate: -0.1 },
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.details.issues.map((i: { field: string }) => i.field);
    expect(fields.sort()).toEqual(['discountRate', 'horizonMonths']);
  });

  it('queues a fit (202 with the job), runs it, and tells the requester', async () => {
    const res = await u.gm.request({
      method: 'POST',
      url: `${base}/fit`,
      payload: { asOf: '2025-12-31', holdoutWeeks: 13, horizonMonths: 6, margin: 0.3 },
    });
    expect(res.statusCode).toBe(202);
    const { jobId, created } = res.json();
    expect(created).toBe(true);
    const queued = await get(u.sales, `${base}/fits/${jobId}`);
    expect(queued.json()).toMatchObject({ jobId, status: 'queued', modelId: null });
    const run = await runNextJob(deps());
    expect(run?.outcome).toBe('done');
    const done = (await get(u.sales, `${base}/fits/${jobId}`)).json();
    expect(done).toMatchObject({ jobId, status: 'done', error: null });
    expect(done.modelId).toBeGreaterThan(0);
    expect(done.progress).toMatchObject({ phase: 'done', modelId: done.modelId });
    const recent = (await get(u.sales, `${base}/fits`)).json();
    expect(recent.items[0]).toMatchObject({ jobId, status: 'done' });
    const inbox = (await get(u.gm, '/api/notifications')).json();
    expect(inbox.items[0]).toMatchObject({
      kind: 'clv.fitted',
      entity: 'clv_model',
      entityId: String(done.modelId),
      payload: { modelId: done.modelId, asOf: '2025-12-31', customers: 240 },
    });
    expect((await get(u.sales, `${base}/fits/999999`)).statusCode).toBe(404);
  });

  it('lists and shows models with parameters and the holdout evaluation', async () => {
    const list = (await get(u.sup, `${base}/models`)).json();
    expect(list.total).toBe(1);
    const m = list.items[0];
    expect(m).toMatchObject({
      status: 'finished',
      asOf: '2025-12-31',
      calibrationEnd: '2025-10-01',
      holdoutWeeks: 13,
      horizonMonths: 6,
      discountRate: 0.1,
      margin: 0.3,
      scoredCustomers: 240,
      predictionsKept: true,
    });
    const detail = await get(u.sup, `${base}/models/${m.id}`);
    expect(detail.statusCode).toBe(200);
    const d = detail.json();
    expect(d.bgnbd.r).toBeGreaterThan(0);
    expect(d.gammaGamma.p).toBeGreaterThan(0);
    expect(d.evaluation.holdout).toMatchObject({ weeks: 13, from: '2025-10-02', to: '2025-12-31' });
    expect(d.evaluation.holdout.bins).toHaveLength(8);
    expect(d.evaluation.calibration.bins.map((b: { frequency: string }) => b.frequency)).toEqual([
      '0',
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7+',
    ]);
    expect(d.distribution.clv.counts.reduce((s: number, n: number) => s + n, 0)).toBe(240);
    expect(detail.body).not.toContain('NaN');
    expect((await get(u.sup, `${base}/models/999999`)).statusCode).toBe(404);
  });

  it('pages predictions sorted and filtered by region, with customer codes and names', async () => {
    const res = await get(
      u.sales,
      `${base}/customers?sort=p_alive&order=asc&pageSize=10&region=${encodeURIComponent('华北')}`,
    );
    expect(res.statusCode).toBe(200);
    const page = res.json();
    // Every third simulated customer is in 华北 (80 of 240); the one who never bought is not scored.
    expect(page.total).toBe(80);
    expect(page.items).toHaveLength(10);
    const alive = page.items.map((p: { pAlive: number }) => p.pAlive);
    expect(alive).toEqual([...alive].sort((a, b) => a - b));
    for (const p of page.items) {
      expect(p.region).toBe('华北');
      expect(p.code).toMatch(/^AP\d{4}$/);
      expect(p.clvMinor).toBeGreaterThanOrEqual(0);
    }
    const top = (await get(u.sales, `${base}/customers?pageSize=3`)).json();
    const clv = top.items.map((p: { clvMinor: number }) => p.clvMinor);
    expect(clv).toEqual([...clv].sort((a, b) => b - a));
    const bad = await get(u.sales, `${base}/customers?sort=name`);
    expect(bad.statusCode).toBe(400);
    expect((await get(u.sales, `${base}/customers?modelId=999999`)).statusCode).toBe(404);
  });

  it('gives one customer’s prediction, nulls for a customer never scored, 404 for none', async () => {
    const one = (await get(u.sup, `${base}/customers/${ids.get('AP0002')}`)).json();
    expect(one.model.status).toBe('finished');
    expect(one.prediction).toMatchObject({ code: 'AP0002', customerId: ids.get('AP0002') });
    expect(one.prediction.pAlive).toBeGreaterThan(0);
    const never = (await get(u.sup, `${base}/customers/${ids.get('APNONE')}`)).json();
    expect(never.model).not.toBeNull();
    expect(never.prediction).toBeNull();
    expect((await get(u.sup, `${base}/customers/999999`)).statusCode).toBe(404);
  });

  it('exports the list as CSV and XLSX to holders of customers.export only', async () => {
    const refused = await get(u.sup, `${base}/customers.csv`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.details).toMatchObject({ permission: 'customers.export' });
    const csv = await get(
      u.sales,
      `${base}/customers.csv?region=${encodeURIComponent('华北')}&lang=en`,
    );
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toMatch(/^Code,Name,Region,Industry,/);
    expect(lines).toHaveLength(81);
    const xlsx = await get(u.sales, `${base}/customers.xlsx?sort=clv`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(1).value).toBe('客户编码');
    expect(ws.rowCount).toBe(241);
    const clvColumn = ws.getColumn(12).values.slice(2) as number[];
    expect(clvColumn).toEqual([...clvColumn].sort((a, b) => b - a));
    const audit = await deps()
      .store.db.selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'clv.export')
      .execute();
    expect(audit).toHaveLength(2);
  });
});
