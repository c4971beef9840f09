import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rfmAsOf } from '../../src/app/analytics/rfm-population';
import { ensureFirstAdmin } from '../../src/app/bootstrap';
import { systemCtx } from '../../src/app/context';
import { createCustomer } from '../../src/app/customers/customers.service';
import { createFact } from '../../src/app/facts/facts.service';
import { businessDate } from '../../src/domain/business-date';
import { customerInput } from '../factories/customers';
import { describeEachEngine } from '../support/engines';
import { type Client, signIn, signInRoles, testServer } from '../support/http';

/**
 * Ten buying customers whose figures are worked out by hand below: revenue and profit in yuan
 * over 2025, orders in 2025 and the day of the last one. c2 sells at a loss; c10's orders
 * have no cost, so its profit is 0.
 */
const BUYERS = [
  { revenue: 500, profit: 250, orders: 10, last: '2025-12-30', region: '华北' },
  { revenue: 200, profit: -50, orders: 9, last: '2025-11-15', region: '华东' },
  { revenue: 100, profit: 50, orders: 6, last: '2025-12-20', region: '华北' },
  { revenue: 80, profit: 40, orders: 5, last: '2025-10-15', region: '华东' },
  { revenue: 50, profit: 25, orders: 8, last: '2025-12-10', region: '华北' },
  { revenue: 30, profit: 15, orders: 7, last: '2025-09-15', region: '华东' },
  { revenue: 20, profit: 10, orders: 4, last: '2025-12-01', region: '华北' },
  { revenue: 10, profit: 5, orders: 3, last: '2025-08-15', region: '华东' },
  { revenue: 6, profit: 3, orders: 2, last: '2025-07-15', region: '华北' },
  { revenue: 4, profit: null, orders: 1, last: '2025-06-15', region: '华东' },
] as const;

const PERIOD = 'from=2025-01&to=2025-12';
const MAKERS = 'industry=%E5%88%B6%E9%80%A0%E4%B8%9A'; // 制造业: the ten buyers only

/** `total` fen split into `k` parts, the remainder on the last one. */
function split(total: number, k: number): number[] {
  const base = Math.floor(total / k);
  return Array.from({ length: k }, (_, j) => (j === k - 1 ? total - base * (k - 1) : base));
}
const yuan = (fen: number) => (fen / 100).toFixed(2);

/** Gini by the O(n²) definition, Σᵢⱼ|xᵢ − xⱼ| / (2n² x̄), losses counted as 0. */
function giniByDefinition(values: number[]): number {
  const x = values.map((v) => Math.max(0, v));
  const n = x.length;
  const mean = x.reduce((a, b) => a + b, 0) / n;
  let s = 0;
  for (const a of x) for (const b of x) s += Math.abs(a - b);
  return s / (2 * n * n * mean);
}

interface Level {
  key: string;
  customers: number;
  customerShare: number;
  valueMinor: number;
  valueShare: number;
  minValueMinor: number;
}

async function workbook(payload: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(payload as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) throw new Error('no sheet');
  return ws;
}

/** The rows of a sheet below the header, as arrays of cell values (1-based cells dropped). */
function sheetRows(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow((row, i) => {
    if (i > 1) out.push((row.values as unknown[]).slice(1));
  });
  return out;
}

describe('RFM as-of day', () => {
  it('is the last day of the period, or today when the period includes today', () => {
    const period = { from: '2025-01', to: '2025-12', months: 12 };
    expect(rfmAsOf(period, '2026-11-27')).toBe('2025-12-31');
    expect(rfmAsOf(period, '2025-06-03')).toBe('2025-06-03');
    expect(rfmAsOf(period, '2024-12-31')).toBe('2025-12-31');
    expect(rfmAsOf({ from: '2024-01', to: '2024-02', months: 2 }, '2026-01-01')).toBe('2024-02-29');
  });
});

describeEachEngine('value and RFM analytics through the API', ({ deps }) => {
  let app: FastifyInstance;
  let admin: Client;
  let supervisor: Client;
  let agent: Client;
  const ids: number[] = [];
  let lapsed = 0;
  let never = 0;

  const get = async (c: Client, url: string) => c.request({ method: 'GET', url });
  const json = async (url: string) => {
    const res = await get(admin, url);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    await ensureFirstAdmin(deps());
    const ctx = systemCtx();
    for (const [n, b] of BUYERS.entries()) {
      const c = await createCustomer(
        deps(),
        ctx,
        customerInput({ name: `价值客户${n + 1}`, region: b.region, industry: '制造业' }),
      );
      ids.push(c.id);
      const amounts = split(b.revenue * 100, b.orders);
      const profits = b.profit === null ? null : split(b.profit * 100, b.orders);
      for (let j = 0; j < b.orders; j++) {
        const last = j === b.orders - 1;
        await createFact(deps(), ctx, 'orders', c.id, {
          orderNo: `V${c.id}-${j}`,
          orderedOn: last ? b.last : `2025-${String(j + 1).padStart(2, '0')}-10`,
          amount: yuan(amounts[j]!),
          cost: profits ? yuan(amounts[j]! - profits[j]!) : null,
        });
      }
    }
    // Bought once, before the period: scored by RFM, left out of the value figures.
    const old = await createCustomer(deps(), ctx, customerInput({ industry: '零售' }));
    lapsed = old.id;
    await createFact(deps(), ctx, 'orders', old.id, {
      orderNo: `V${old.id}-0`,
      orderedOn: '2024-06-01',
      amount: '100.00',
    });
    // Never bought: counted beside, never scored.
    never = (await createCustomer(deps(), ctx, customerInput({ industry: '零售' }))).id;
    app = (await testServer(deps())).app;
    admin = await signIn(app);
    ({ supervisor, agent } = await signInRoles(deps(), app, {
      supervisor: 'service_supervisor',
      agent: 'service_agent',
    }));
  }, 120_000);
  afterAll(async () => app?.close());

  it('gives the exact Gini, top shares and pyramid of revenue', async () => {
    const v = await json(`/api/analytics/value?${PERIOD}`);
    expect(v.period).toEqual({ from: '2025-01', to: '2025-12', months: 12 });
    expect(v.metric).toBe('revenue');
    expect(v.cuts).toEqual([0.8, 0.95, 0.99]);
    expect(v.totals).toEqual({
      customers: 10,
      customersInScope: 12,
      customersWithoutOrders: 2,
      revenueMinor: 100_000,
      profitMinor: 34_800,
      positiveMinor: 100_000,
    });
    expect(v.losses).toEqual({ customers: 0, valueMinor: 0 });
    // Sorted ascending 4, 6, 10, 20, 30, 50, 80, 100, 200, 500: Σ i·x = 8736.
    expect(v.gini).toBeCloseTo((2 * 8736) / (10 * 1000) - 11 / 10, 12);
    expect(v.gini).toBeCloseTo(giniByDefinition(BUYERS.map((b) => b.revenue)), 12);
    expect(
      v.topShares.map((t: { customers: number; valueShare: number }) => [
        t.customers,
        t.valueShare,
      ]),
    ).toEqual([
      [1, 0.5],
      [1, 0.5],
      [1, 0.5],
      [2, 0.7],
      [5, 0.93],
    ]);
    expect(
      v.pyramid.map((l: Level) => [l.key, l.customers, l.valueMinor, l.minValueMinor]),
    ).toEqual([
      ['key', 3, 80_000, 10_000],
      ['important', 3, 16_000, 3_000],
      ['ordinary', 2, 3_000, 1_000],
      ['small', 2, 1_000, 400],
    ]);
    expect(v.pyramid.map((l: Level) => l.valueShare)).toEqual([0.8, 0.16, 0.03, 0.01]);
    expect(v.pyramid.map((l: Level) => l.customerShare)).toEqual([0.3, 0.3, 0.2, 0.2]);
    // n + 1 exact points from (0, 0) to (1, 1); the poorest half brings 7%.
    expect(v.lorenz).toHaveLength(11);
    expect(v.lorenz[0]).toEqual({ customerShare: 0, valueShare: 0 });
    expect(v.lorenz[5].customerShare).toBe(0.5);
    expect(v.lorenz[5].valueShare).toBeCloseTo(0.07, 12);
    expect(v.lorenz[10]).toEqual({ customerShare: 1, valueShare: 1 });
  });

  it('counts losses beside the profit shares and takes the cut points asked for', async () => {
    const v = await json(`/api/analytics/value?${PERIOD}&metric=profit&cuts=0.5,0.8,0.95`);
    expect(v.cuts).toEqual([0.5, 0.8, 0.95]);
    expect(v.totals.profitMinor).toBe(34_800);
    expect(v.totals.positiveMinor).toBe(39_800);
    expect(v.losses).toEqual({ customers: 1, valueMinor: -5_000 });
    // Positive parts ascending 0, 0, 3, 5, 10, 15, 25, 40, 50, 250: Σ i·x = 3614.
    expect(v.gini).toBeCloseTo((2 * 3614) / (10 * 398) - 1.1, 12);
    expect(v.gini).toBeCloseTo(giniByDefinition(BUYERS.map((b) => b.profit ?? 0)), 12);
    expect(
      v.pyramid.map((l: Level) => [l.key, l.customers, l.valueMinor, l.minValueMinor]),
    ).toEqual([
      ['key', 1, 25_000, 25_000],
      ['important', 2, 9_000, 4_000],
      ['ordinary', 2, 4_000, 1_500],
      // 10 + 5 + 3 + 0 − 50: the loss-maker sits at the bottom, its loss in the net value.
      ['small', 5, -3_200, -5_000],
    ]);
    expect(v.pyramid[3].valueShare).toBeCloseTo(18 / 398, 12);
    expect(v.topShares[3]).toMatchObject({
      customerFraction: 0.2,
      customers: 2,
      valueMinor: 30_000,
    });
    expect(v.topShares[3].valueShare).toBeCloseTo(300 / 398, 12);
  });

  it('narrows the population by the filters', async () => {
    const v = await json(`/api/analytics/value?${PERIOD}&region=%E5%8D%8E%E5%8C%97`);
    expect(v.totals.customers).toBe(5);
    expect(v.totals.customersInScope).toBe(5);
    expect(v.totals.revenueMinor).toBe(67_600);
    expect(v.topShares[3]).toMatchObject({ customers: 1, valueMinor: 50_000 });
    expect(v.topShares[3].valueShare).toBeCloseTo(500 / 676, 12);
    const retail = await json(`/api/analytics/value?${PERIOD}&industry=%E9%9B%B6%E5%94%AE`);
    expect(retail.totals).toMatchObject({ customers: 0, customersInScope: 2 });
  });

  it('drills every pyramid level, the loss-makers and the top 20% to the customers counted', async () => {
    const v = await json(`/api/analytics/value?${PERIOD}`);
    let listed = 0;
    for (const l of v.pyramid as Level[]) {
      const page = await json(`/api/analytics/value/customers?${PERIOD}&level=${l.key}`);
      expect(page.total).toBe(l.customers);
      expect(page.rows.every((r: { extra: { level: string } }) => r.extra.level === l.key)).toBe(
        true,
      );
      listed += page.total;
    }
    expect(listed).toBe(v.totals.customers);
    const key = await json(`/api/analytics/value/customers?${PERIOD}&level=key`);
    expect(key.rows.map((r: { id: number }) => r.id)).toEqual(ids.slice(0, 3));
    expect(key.rows[0]).toMatchObject({
      revenueMinor: 50_000,
      profitMinor: 25_000,
      orders: 10,
      lastOrderOn: '2025-12-30',
      extra: { level: 'key', rank: 1 },
    });
    const top = await json(`/api/analytics/value/customers?${PERIOD}&top=0.2&sort=code&order=asc`);
    expect(top.total).toBe(v.topShares[3].customers);
    expect(top.rows.map((r: { id: number }) => r.id)).toEqual(ids.slice(0, 2));
    const loss = await json(
      `/api/analytics/value/customers?${PERIOD}&metric=profit&cuts=0.5,0.8,0.95&level=loss`,
    );
    expect(loss.total).toBe(1);
    expect(loss.rows[0]).toMatchObject({ id: ids[1], profitMinor: -5_000 });
    expect(loss.rows[0].extra).toEqual({ level: 'small', rank: 10 });
    const paged = await json(
      `/api/analytics/value/customers?${PERIOD}&level=small&pageSize=1&page=2&sort=revenue&order=desc`,
    );
    expect(paged).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(paged.rows.map((r: { id: number }) => r.id)).toEqual([ids[9]]);
  });

  it('exports the figures and the customers behind them', async () => {
    const fig = await get(admin, `/api/analytics/value/export?${PERIOD}&format=xlsx&lang=en`);
    expect(fig.statusCode).toBe(200);
    expect(fig.headers['content-type']).toContain('spreadsheetml');
    const ws = await workbook(fig.rawPayload);
    expect(ws.getRow(1).values).toEqual([
      undefined,
      'Section',
      'Item',
      'Customers',
      'Customer share %',
      'Value',
      'Value share %',
      'Smallest value in level',
    ]);
    const rows = sheetRows(ws);
    // 3 summary rows, 4 levels, 5 top shares, 11 Lorenz points.
    expect(rows).toHaveLength(23);
    expect(rows[1]).toEqual(['Summary', 'Gini coefficient', undefined, undefined, 0.6472]);
    expect(rows[3]).toEqual(['Value pyramid', 'Key', 3, 30, 800, 80, 100]);
    expect(rows[10]).toEqual(['Top x% of customers', 'Top 20%', 2, 20, 700, 70]);
    expect(rows.filter((r) => r[0] === 'Lorenz curve')).toHaveLength(11);

    const csv = await get(admin, `/api/analytics/value/export?${PERIOD}&format=csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe('部分,项目,客户数,客户占比%,数值,价值占比%,层级最小值');
    expect(lines).toHaveLength(24);
    expect(lines[4]).toBe('价值金字塔,关键客户,3,30,800,80,100');

    const drill = await get(
      admin,
      `/api/analytics/value/customers/export?${PERIOD}&level=important&format=xlsx&lang=en`,
    );
    expect(drill.statusCode).toBe(200);
    const dws = await workbook(drill.rawPayload);
    const header = (dws.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(-2)).toEqual(['Value level', 'Value rank']);
    const drows = sheetRows(dws);
    expect(drows).toHaveLength(3);
    expect(drows.map((r) => r.slice(-2))).toEqual([
      ['Important', 4],
      ['Important', 5],
      ['Important', 6],
    ]);
  });

  it('scores RFM segments exactly on the ten buyers', async () => {
    const v = await json(`/api/analytics/rfm?${PERIOD}&${MAKERS}`);
    expect(v.asOf).toBe('2025-12-31');
    expect(v.totals).toEqual({
      customers: 10,
      customersInScope: 10,
      customersWithoutOrders: 0,
      customersWithoutOrdersInPeriod: 0,
      revenueMinor: 100_000,
      orders: 55,
    });
    const seg = Object.fromEntries(
      v.segments.map((s: { key: string; customers: number }) => [s.key, s]),
    );
    expect(v.segments.map((s: { key: string }) => s.key)).toEqual([
      'important_value',
      'general_value',
      'important_develop',
      'general_develop',
      'important_keep',
      'general_keep',
      'important_retain',
      'general_retain',
    ]);
    expect(
      Object.fromEntries(
        v.segments.map((s: { key: string; customers: number }) => [s.key, s.customers]),
      ),
    ).toEqual({
      important_value: 1,
      general_value: 1,
      important_develop: 1,
      general_develop: 1,
      important_keep: 1,
      general_keep: 1,
      important_retain: 1,
      general_retain: 3,
    });
    expect(seg.important_value).toMatchObject({
      zh: '重要价值客户',
      en: 'Champions',
      high: { r: true, f: true, m: true },
      share: 0.1,
      revenueMinor: 50_000,
      revenueShare: 0.5,
      avgR: 5,
      avgF: 5,
      avgM: 5,
      avgRecencyDays: 1,
      avgOrders: 10,
    });
    expect(seg.important_value.action.en).toMatch(/VIP/);
    // c8, c9, c10: R 2/1/1, F 2/1/1, M 2/1/1; 138, 169, 199 days; 20 yuan.
    expect(seg.general_retain).toMatchObject({
      share: 0.3,
      revenueMinor: 2_000,
      revenueShare: 0.02,
      avgOrders: 2,
      avgRecencyDays: (138 + 169 + 199) / 3,
      avgRevenueMinor: 2_000 / 3,
    });
    expect(seg.general_retain.avgR).toBeCloseTo(4 / 3, 12);
    expect(seg.general_keep).toMatchObject({ avgR: 2, avgF: 4, avgM: 3, avgRecencyDays: 107 });
    // Distinct values over ten customers: every score is held by exactly two.
    expect(v.distributions).toEqual({ r: [2, 2, 2, 2, 2], f: [2, 2, 2, 2, 2], m: [2, 2, 2, 2, 2] });
    const cell = (r: number, f: number) =>
      v.grid.find((c: { r: number; f: number }) => c.r === r && c.f === f).customers;
    expect(v.grid).toHaveLength(25);
    expect(v.grid[0]).toMatchObject({ r: 5, f: 1 });
    expect([cell(5, 5), cell(3, 5), cell(5, 3), cell(3, 3), cell(4, 4)]).toEqual([1, 1, 1, 1, 1]);
    expect([cell(2, 4), cell(4, 2), cell(2, 2), cell(1, 1), cell(5, 1)]).toEqual([1, 1, 1, 2, 0]);
    expect(v.stats.frequency).toMatchObject({ count: 10, mean: 5.5, min: 1, max: 10, median: 5.5 });
    expect(v.stats.recencyDays).toMatchObject({ min: 1, max: 199 });
  });

  it('scores customers who did not order in the period and counts those who never did', async () => {
    const v = await json(`/api/analytics/rfm?${PERIOD}`);
    expect(v.totals).toMatchObject({
      customers: 11,
      customersInScope: 12,
      customersWithoutOrders: 1,
      customersWithoutOrdersInPeriod: 1,
      revenueMinor: 100_000,
    });
    const lost = await json(
      `/api/analytics/rfm/customers?${PERIOD}&segment=general_retain&pageSize=200`,
    );
    const row = lost.rows.find((r: { id: number }) => r.id === lapsed);
    // 2024-06-01 to 2025-12-31.
    expect(row.extra).toEqual({ r: 1, f: 1, m: 1, segment: 'general_retain', recencyDays: 578 });
    expect(row.orders).toBe(0);
    const all = await json(`/api/analytics/rfm/customers?${PERIOD}&r=1&pageSize=200`);
    expect(all.rows.some((r: { id: number }) => r.id === never)).toBe(false);
    // The current period is measured to today.
    const today = businessDate(new Date(), deps().config.timeZone);
    const now = await json(`/api/analytics/rfm?to=${today.slice(0, 7)}`);
    expect(now.asOf).toBe(today);
  });

  it('drills RFM segments and grid cells to the customers counted', async () => {
    const v = await json(`/api/analytics/rfm?${PERIOD}&${MAKERS}`);
    for (const s of v.segments as { key: string; customers: number }[]) {
      const page = await json(`/api/analytics/rfm/customers?${PERIOD}&${MAKERS}&segment=${s.key}`);
      expect(page.total, s.key).toBe(s.customers);
    }
    const lost = await json(
      `/api/analytics/rfm/customers?${PERIOD}&${MAKERS}&segment=general_retain&sort=code&order=asc`,
    );
    expect(lost.rows.map((r: { id: number }) => r.id)).toEqual(ids.slice(7));
    const corner = await json(`/api/analytics/rfm/customers?${PERIOD}&${MAKERS}&r=1&f=1`);
    expect(corner.total).toBe(2);
    expect(corner.rows.map((r: { id: number }) => r.id)).toEqual([ids[8], ids[9]]);
    const champ = await json(`/api/analytics/rfm/customers?${PERIOD}&${MAKERS}&r=5&f=5`);
    expect(champ.rows).toHaveLength(1);
    expect(champ.rows[0]).toMatchObject({
      id: ids[0],
      extra: { r: 5, f: 5, m: 5, segment: 'important_value', recencyDays: 1 },
    });

    const fig = await get(admin, `/api/analytics/rfm/export?${PERIOD}&${MAKERS}&lang=en`);
    expect(fig.statusCode).toBe(200);
    const rows = sheetRows(await workbook(fig.rawPayload));
    expect(rows).toHaveLength(8 + 25);
    expect(rows[0]!.slice(0, 8)).toEqual([
      'Segment',
      'important_value',
      'Champions',
      expect.stringMatching(/VIP/),
      1,
      10,
      500,
      50,
    ]);
    expect(rows.find((r) => r[1] === 'R1F1')?.[4]).toBe(2);

    const drill = await get(
      admin,
      `/api/analytics/rfm/customers/export?${PERIOD}&${MAKERS}&segment=general_retain&format=csv`,
    );
    expect(drill.statusCode).toBe(200);
    const lines = drill.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/,RFM分群,R分,F分,M分,距最近下单天数$/);
    expect(lines.slice(1).every((l) => l.includes(',一般挽留客户,'))).toBe(true);
  });

  it('refuses roles without analytics.read, and exports of customers without customers.export', async () => {
    for (const url of [
      `/api/analytics/value?${PERIOD}`,
      `/api/analytics/rfm?${PERIOD}`,
      `/api/analytics/value/customers?${PERIOD}&level=key`,
      `/api/analytics/rfm/export?${PERIOD}`,
    ]) {
      expect((await get(agent, url)).statusCode, url).toBe(403);
    }
    expect((await get(supervisor, `/api/analytics/value?${PERIOD}`)).statusCode).toBe(200);
    expect((await get(supervisor, `/api/analytics/value/export?${PERIOD}`)).statusCode).toBe(200);
    expect(
      (await get(supervisor, `/api/analytics/value/customers?${PERIOD}&level=key`)).statusCode,
    ).toBe(200);
    for (const url of [
      `/api/analytics/value/customers/export?${PERIOD}&level=key`,
      `/api/analytics/rfm/customers/export?${PERIOD}&segment=general_retain`,
    ]) {
      const res = await get(supervisor, url);
      expect(res.statusCode, url).toBe(403);
      expect(res.json().error.details.permission).toBe('customers.export');
    }
    expect((await app.inject({ method: 'GET', url: '/api/analytics/value' })).statusCode).toBe(401);
  });

  it('answers bad input with 400 naming the field', async () => {
    const cases: [string, string][] = [
      ['/api/analytics/value?from=2025-12&to=2025-01', 'from'],
      ['/api/analytics/value?to=2025-13', 'to'],
      ['/api/analytics/rfm?from=2025-1', 'from'],
      ['/api/analytics/value?cuts=0.9,0.8,0.99', 'cuts'],
      ['/api/analytics/value?cuts=0.8,0.95', 'cuts'],
      ['/api/analytics/value?metric=margin', 'metric'],
      ['/api/analytics/value?ownerId=abc', 'ownerId'],
      ['/api/analytics/value/customers', 'level'],
      ['/api/analytics/value/customers?level=key&top=0.2', 'level'],
      ['/api/analytics/value/customers?level=vip', 'level'],
      ['/api/analytics/value/customers?top=1.5', 'top'],
      ['/api/analytics/value/customers?top=0', 'top'],
      ['/api/analytics/value/customers?level=key&pageSize=500', 'pageSize'],
      ['/api/analytics/rfm/customers', 'segment'],
      ['/api/analytics/rfm/customers?segment=vip', 'segment'],
      ['/api/analytics/rfm/customers?r=6', 'r'],
      ['/api/analytics/rfm/customers?f=2.5', 'f'],
      ['/api/analytics/rfm/customers/export?segment=vip', 'segment'],
      ['/api/analytics/value/export?cuts=1,2,3', 'cuts'],
    ];
    for (const [url, field] of cases) {
      const res = await get(admin, url);
      expect(res.statusCode, url).toBe(400);
      expect(
        res.json().error.details.issues.map((i: { field: string }) => i.field),
        url,
      ).toContain(field);
    }
  });

  it('gives documented zeros for an empty population, never NaN', async () => {
    const nobody = 'region=%E6%97%A0%E6%AD%A4%E5%8C%BA%E5%9F%9F'; // 无此区域
    const vRes = await get(admin, `/api/analytics/value?${PERIOD}&${nobody}&metric=profit`);
    expect(vRes.statusCode).toBe(200);
    expect(vRes.body).not.toMatch(/null|NaN/);
    const v = vRes.json();
    expect(v.totals).toEqual({
      customers: 0,
      customersInScope: 0,
      customersWithoutOrders: 0,
      revenueMinor: 0,
      profitMinor: 0,
      positiveMinor: 0,
    });
    expect(v.gini).toBe(0);
    expect(v.lorenz).toEqual([
      { customerShare: 0, valueShare: 0 },
      { customerShare: 1, valueShare: 1 },
    ]);
    expect(v.topShares.every((t: { customers: number; valueShare: number }) => !t.customers)).toBe(
      true,
    );
    expect(v.pyramid.map((l: Level) => l.customers)).toEqual([0, 0, 0, 0]);
    const rRes = await get(admin, `/api/analytics/rfm?${PERIOD}&${nobody}`);
    expect(rRes.statusCode).toBe(200);
    expect(rRes.body).not.toMatch(/null|NaN/);
    const r = rRes.json();
    expect(r.totals.customers).toBe(0);
    expect(r.segments.every((s: { customers: number; share: number }) => !s.customers)).toBe(true);
    expect(r.grid.every((c: { customers: number }) => c.customers === 0)).toBe(true);
    expect(r.stats.recencyDays).toEqual({ count: 0, mean: 0, std: 0, min: 0, median: 0, max: 0 });
    const drill = await json(`/api/analytics/value/customers?${PERIOD}&${nobody}&top=0.2`);
    expect(drill).toMatchObject({ total: 0, rows: [] });
    const fig = await get(admin, `/api/analytics/rfm/export?${PERIOD}&${nobody}&format=csv`);
    expect(fig.statusCode).toBe(200);
    expect(fig.body).not.toMatch(/NaN/);
  });
});
