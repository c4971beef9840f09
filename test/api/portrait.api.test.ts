import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearStandingCache } from '../../src/app/analytics/customer-standing';
import { ensureFirstAdmin } from '../../src/app/bootstrap';
import { businessToday } from '../../src/app/business-today';
import { systemCtx } from '../../src/app/context';
import { createCustomer } from '../../src/app/customers/customers.service';
import type { Deps } from '../../src/app/deps';
import { publishRun } from '../../src/app/review/publish.service';
import { setOverride } from '../../src/app/tiering/overrides.service';
import { runTiering } from '../../src/app/tiering/run.service';
import { createScheme } from '../../src/app/tiering/schemes.service';
import { addMonths } from '../../src/domain/analytics/period';
import { refreshRollups } from '../../src/store/metrics/rollups';
import { customerInput } from '../factories/customers';
import { both, revenueScheme } from '../factories/schemes';
import { describeEachEngine } from '../support/engines';
import { type Client, signIn, signInRoles, testServer } from '../support/http';
import { roleLike } from '../support/row-scopes';

const REGION = '画像测试区';
const PERIOD = `from=2025-01&to=2025-12&region=${encodeURIComponent(REGION)}`;
const NOW = new Date().toISOString();

type Order = [on: string, amount: number, cost: number | null];

/**
 * Six customers in one region, so the region filter makes them the whole population. Over the
 * period 2025-01 … 2025-12 (as of 2025-12-31):
 *   T   orders 2024-11-15, 2025-03-10, 06-10, 09-10, 12-01 (+ one in 2026, after the period)
 *   P2  one large order 2025-11-20; P3 two small ones (May, July); P4 one order in 2024;
 *   P5  three orders (January, February, December); P6 never ordered.
 */
const ORDERS: Record<string, Order[]> = {
  T: [
    ['2024-11-15', 5_000, 4_000],
    ['2025-03-10', 10_000, 6_000],
    ['2025-06-10', 20_000, 12_000],
    ['2025-09-10', 30_000, null],
    ['2025-12-01', 40_000, 30_000],
    ['2026-01-03', 77_700, null],
  ],
  P2: [['2025-11-20', 500_000, null]],
  P3: [
    ['2025-05-01', 3_000, null],
    ['2025-07-01', 3_000, null],
  ],
  P4: [['2024-02-01', 1_000, null]],
  P5: [
    ['2025-01-05', 2_000, null],
    ['2025-02-05', 2_000, null],
    ['2025-12-20', 2_000, null],
  ],
  P6: [],
};

async function seed(deps: Deps, adminId: number): Promise<Record<string, number>> {
  const ctx = systemCtx();
  const db = deps.store.db;
  const ids: Record<string, number> = {};
  for (const key of Object.keys(ORDERS)) {
    const c = await createCustomer(
      deps,
      ctx,
      customerInput({
        code: `PT-${key}`,
        region: REGION,
        ...(key === 'T' ? { tags: ['老客户'], ownerId: adminId, industry: '机械' } : {}),
      }),
    );
    ids[key] = c.id;
    let n = 0;
    for (const [on, amount, cost] of ORDERS[key]!) {
      await db
        .insertInto('orders')
        .values({
          customer_id: c.id,
          order_no: `PT-${key}-${++n}`,
          ordered_on: on,
          amount_minor: amount,
          cost_minor: cost,
          currency: 'CNY',
          category: null,
          channel: null,
          rush: 0,
          created_at: NOW,
          product: null,
          quantity: null,
          import_run_id: null,
        })
        .execute();
    }
  }
  const t = ids.T!;
  // Tickets: the window is 2025-01-01 … 2025-12-31 in Asia/Shanghai.
  const tickets: [string, string, string, number | null][] = [
    ['2024-06-10T02:00:00.000Z', 'repair', 'closed', null], // before the window
    ['2024-12-31T16:30:00.000Z', 'repair', 'closed', null], // 2025-01-01 00:30 in Shanghai
    ['2025-02-10T02:00:00.000Z', 'repair', 'closed', 1],
    ['2025-05-10T02:00:00.000Z', 'repair', 'resolved', 0],
    ['2025-08-10T02:00:00.000Z', 'complaint', 'in_progress', 1],
    ['2025-11-10T02:00:00.000Z', 'consultation', 'open', null], // a row from before the workflow
    ['2025-12-31T17:00:00.000Z', 'consultation', 'closed', null], // 2026-01-01 01:00 in Shanghai
  ];
  for (const [i, [opened, category, status, breached]] of tickets.entries()) {
    const row = await db
      .insertInto('tickets')
      .values({
        customer_id: t,
        subject: `工单${i + 1}`,
        category,
        level: 2,
        status,
        opened_at: opened,
        created_at: opened,
        closed_at: status === 'closed' ? opened : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (breached !== null) {
      await db
        .insertInto('ticket_slas')
        .values({
          ticket_id: Number(row.id),
          tier: 'A',
          breached,
          recomputed_at: opened,
          reason: 'opened',
        })
        .execute();
    }
  }
  const surveys: [string, number][] = [
    ['2024-12-15', 1],
    ['2025-03-15', 4],
    ['2025-03-20', 5],
    ['2025-10-01', 3],
    ['2026-01-10', 2],
  ];
  for (const [on, score] of surveys) {
    await db
      .insertInto('survey_responses')
      .values({ customer_id: t, answered_on: on, score, comment: `评分${score}`, created_at: NOW })
      .execute();
  }
  const feedback: [string, string, string][] = [
    ['2025-08-11', 'complaint', '交货延迟'],
    ['2025-12-05', 'feedback', '希望增加培训'],
    ['2026-02-01', 'feedback', '新年问候'],
  ];
  for (const [on, kind, content] of feedback) {
    await db
      .insertInto('feedback')
      .values({
        customer_id: t,
        kind,
        category: null,
        content,
        received_on: on,
        status: 'open',
        created_at: NOW,
        classification: null,
        classified_by: null,
        classified_at: null,
      })
      .execute();
  }
  const today = businessToday(deps, ctx);
  for (const [on, purpose] of [
    ['2025-04-02', '季度拜访'],
    ['2025-10-15', '年度回顾'],
    [today, '现场支持'],
  ] as const) {
    await db
      .insertInto('visits')
      .values({
        customer_id: t,
        user_id: adminId,
        visited_on: on,
        purpose,
        notes: null,
        created_at: NOW,
      })
      .execute();
  }
  const month = today.slice(0, 7);
  for (const [m, planned] of [
    [addMonths(month, -1), 3],
    [month, 2],
    [addMonths(month, 1), 1],
  ] as const) {
    await db
      .insertInto('visit_plans')
      .values({
        owner_id: adminId,
        customer_id: t,
        month: m,
        planned,
        ceiling: planned,
        tier: 'A',
        created_at: NOW,
      })
      .execute();
  }
  await refreshRollups(db, deps.store.engine, Object.values(ids));

  // A published tier (revenue percentile, thresholds 80 / 40), with P3 overridden to A, and a
  // second scheme that has only a draft run.
  const v = await createScheme(deps, ctx, revenueScheme('portrait', { thresholds: [80, 40] }));
  await setOverride(deps, ctx, v.schemeId, { customerId: ids.P3!, tier: 'A', reason: '战略客户' });
  const run = await runTiering(deps, ctx, { schemeVersionId: v.id, asOf: '2025-12-31' });
  await publishRun(deps, ctx, run.runId, { effectiveFrom: '2026-01-01' });
  const draft = await createScheme(deps, ctx, {
    ...revenueScheme('portrait-draft'),
    name: both('Draft'),
  });
  await runTiering(deps, ctx, { schemeVersionId: draft.id, asOf: '2025-12-31' });
  return ids;
}

describeEachEngine('customer portrait through the API', ({ deps }) => {
  let app: FastifyInstance;
  let admin: Client;
  let manager: Client;
  let agent: Client;
  let finance: Client;
  let ids: Record<string, number>;
  let owner: { id: number; name: string };

  const portrait = (c: Client, id: number, query = PERIOD) =>
    c.request({ method: 'GET', url: `/api/customers/${id}/portrait?${query}` });

  beforeAll(async () => {
    await ensureFirstAdmin(deps());
    const adminRow = await deps()
      .store.db.selectFrom('users')
      .select(['id', 'display_name'])
      .where('username', '=', 'admin')
      .executeTakeFirstOrThrow();
    owner = { id: Number(adminRow.id), name: adminRow.display_name };
    ids = await seed(deps(), owner.id);
    clearStandingCache(deps());
    app = (await testServer(deps())).app;
    admin = await signIn(app);
    // The manager reads a customer they do not own: an account manager with row scope all.
    const managerAll = await roleLike(deps(), 'account_manager', 'all');
    ({ manager, agent, finance } = await signInRoles(deps(), app, {
      manager: managerAll,
      agent: 'service_agent',
      finance: 'finance',
    }));
    const contact = await admin.request({
      method: 'POST',
      url: `/api/customers/${ids.T}/contacts`,
      payload: {
        name: '周总',
        title: '采购总监',
        phone: '13812345678',
        email: 'zhou@example.cn',
        isPrimary: true,
      },
    });
    expect(contact.statusCode).toBe(201);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });

  it('gathers profile, owner, contacts, visits and the visit plan', async () => {
    const res = await portrait(admin, ids.T!);
    expect(res.statusCode).toBe(200);
    const p = res.json();
    const today = businessToday(deps(), systemCtx());
    expect(p.today).toBe(today);
    expect(p.period).toEqual({ from: '2025-01', to: '2025-12', months: 12 });
    expect(p.profile).toMatchObject({
      id: ids.T,
      code: 'PT-T',
      type: 'enterprise',
      industry: '机械',
      region: REGION,
      size: 'medium',
      status: 'active',
      fileStage: 'active',
    });
    expect(p.tags).toEqual(['老客户']);
    expect(p.owner).toEqual({ id: owner.id, name: owner.name });
    expect(p.contactsMasked).toBe(false);
    expect(p.contacts).toEqual([
      {
        id: expect.any(Number),
        name: '周总',
        title: '采购总监',
        role: null,
        isPrimary: true,
        phone: '13812345678',
        email: 'zhou@example.cn',
      },
    ]);
    expect(p.visits.recent.map((v: { visitedOn: string }) => v.visitedOn)).toEqual([
      today,
      '2025-10-15',
      '2025-04-02',
    ]);
    expect(p.visits.recent[0].purpose).toBe('现场支持');
    expect(p.visits.inWindow).toBe(2);
    const month = today.slice(0, 7);
    expect(
      p.visits.plans.map((x: { month: string; planned: number; made: number }) => [
        x.month,
        x.planned,
        x.made,
      ]),
    ).toEqual([
      [month, 2, 1],
      [addMonths(month, 1), 1, 0],
    ]);
    expect(p.visits.next).toEqual({ month, remaining: 1 });
  });

  it('shows revenue and profit by month for 24 months, ending with the period', async () => {
    const r = (await portrait(admin, ids.T!)).json().revenue;
    expect(r.window).toEqual({ from: '2024-01', to: '2025-12' });
    expect(r.months).toHaveLength(24);
    const nonZero = r.months
      .filter((m: { orders: number }) => m.orders > 0)
      .map((m: { month: string; revenueMinor: number; profitMinor: number; orders: number }) => [
        m.month,
        m.revenueMinor,
        m.profitMinor,
        m.orders,
      ]);
    expect(nonZero).toEqual([
      ['2024-11', 5_000, 1_000, 1],
      ['2025-03', 10_000, 4_000, 1],
      ['2025-06', 20_000, 8_000, 1],
      ['2025-09', 30_000, 0, 1],
      ['2025-12', 40_000, 10_000, 1],
    ]);
    expect(r.last12).toEqual({ revenueMinor: 100_000, profitMinor: 22_000, orders: 4 });
    expect(r.previous12).toEqual({ revenueMinor: 5_000, profitMinor: 1_000, orders: 1 });
    expect(r.lifetimeOrders).toBe(5);
    expect(r.firstOrderOn).toBe('2024-11-15');
    expect(r.lastOrderOn).toBe('2025-12-01');
  });

  it('counts service history in business days and lists open and newest tickets', async () => {
    const s = (await portrait(admin, ids.T!)).json().service;
    expect(s.window).toEqual({ from: '2025-01', to: '2025-12' });
    expect(s.tickets).toBe(5);
    const byStatus = Object.fromEntries(
      s.byStatus.map((x: { status: string; tickets: number }) => [x.status, x.tickets]),
    );
    expect(byStatus).toEqual({
      new: 1,
      assigned: 0,
      replied: 0,
      in_progress: 1,
      resolved: 1,
      confirmed: 0,
      closed: 2,
    });
    expect(s.byCategory).toEqual([
      { category: 'repair', name: { zh: '报修', en: 'Repair' }, tickets: 3 },
      { category: 'complaint', name: { zh: '投诉', en: 'Complaint' }, tickets: 1 },
      { category: 'consultation', name: { zh: '咨询', en: 'Consultation' }, tickets: 1 },
    ]);
    expect(s.slaBreaches).toBe(2);
    expect(s.open.total).toBe(2);
    expect(
      s.open.items.map((t: { subject: string; status: string }) => [t.subject, t.status]),
    ).toEqual([
      ['工单5', 'in_progress'],
      ['工单6', 'new'],
    ]);
    expect(s.open.items[0].breached).toBe(true);
    expect(s.latest.map((t: { subject: string }) => t.subject)).toEqual([
      '工单7',
      '工单6',
      '工单5',
      '工单4',
      '工单3',
      '工单2',
      '工单1',
    ]);
  });

  it('averages survey scores by month and shows the latest answer and feedback', async () => {
    const s = (await portrait(admin, ids.T!)).json().satisfaction;
    expect(s.responses).toBe(3);
    expect(s.average).toBe(4);
    expect(s.byMonth).toHaveLength(12);
    const answered = s.byMonth.filter((m: { responses: number }) => m.responses > 0);
    expect(answered).toEqual([
      { month: '2025-03', responses: 2, average: 4.5 },
      { month: '2025-10', responses: 1, average: 3 },
    ]);
    expect(s.byMonth[0]).toEqual({ month: '2025-01', responses: 0, average: null });
    expect(s.lastSurvey).toEqual({ answeredOn: '2026-01-10', score: 2, comment: '评分2' });
    expect(s.lastFeedback).toMatchObject({
      kind: 'feedback',
      content: '新年问候',
      receivedOn: '2026-02-01',
    });
    expect(s.feedback).toBe(2);
    expect(s.complaints).toBe(1);
  });

  it('gives the tier in every scheme with the stored explanation of its run', async () => {
    const tiers = (await portrait(admin, ids.T!)).json().tiers;
    expect(tiers.map((t: { schemeKey: string }) => t.schemeKey)).toEqual([
      'portrait',
      'portrait-draft',
    ]);
    const [pub, draft] = tiers;
    const runs = await deps()
      .store.db.selectFrom('tier_results')
      .select('run_id')
      .where('customer_id', '=', ids.T!)
      .orderBy('run_id')
      .execute();
    // Revenue over 2025 as a percentile (cume_dist): T is at or above 5 of the 6 customers.
    expect(pub.published).toMatchObject({ tier: 'A', since: '2026-01-01' });
    expect(pub.explanation).toMatchObject({
      source: 'published',
      runId: Number(runs[0]!.run_id),
      asOf: '2025-12-31',
      runCustomers: 6,
      tier: 'A',
      tierName: { zh: 'A', en: 'A' },
      // Stored rounded to six places; P2 (100 points) ranks first.
      score: 83.333333,
      rank: 2,
      rule: null,
      override: null,
      flags: { provisional: false, override: false, held: false, gated: false },
    });
    expect(pub.explanation.criteria).toEqual([
      {
        id: 'rev',
        label: { zh: 'Revenue', en: 'Revenue' },
        metric: 'revenue',
        weight: 1,
        maxPoints: 100,
        points: 100 * (5 / 6),
      },
    ]);
    expect(draft.published).toBeNull();
    // Quotas 20 / 30 / 50 % of six: P2 alone in A, T among the next two.
    expect(draft.explanation).toMatchObject({
      source: 'latest_run',
      runId: Number(runs[1]!.run_id),
      tier: 'B',
    });

    const p3 = (await portrait(admin, ids.P3!)).json().tiers[0];
    expect(p3.published.tier).toBe('A');
    expect(p3.explanation.flags.override).toBe(true);
    expect(p3.explanation.override).toEqual({ tier: 'A', reason: '战略客户', expiresOn: null });
  });

  it('places the customer in RFM and lifecycle against the filtered customer base', async () => {
    const a = (await portrait(admin, ids.T!)).json().analytics;
    expect(a.standing).toEqual({ customersInScope: 6, excluded: null });
    // Five customers scored; score = 1 + the number strictly worse.
    expect(a.rfm).toMatchObject({
      asOf: '2025-12-31',
      population: 5,
      recencyDays: 30,
      frequency: 4,
      monetaryMinor: 100_000,
      r: 4,
      f: 5,
      m: 4,
      medians: { recencyDays: 41, frequency: 2, monetaryMinor: 6_000 },
    });
    expect(a.rfm.segment).toMatchObject({
      key: 'important_value',
      zh: '重要价值客户',
      en: 'Champions',
      high: { r: true, f: true, m: true },
      share: 0.2,
    });
    // 381 days over four gaps; the repeat buyers' median interval is T's own 95.25 days.
    expect(a.lifecycle).toMatchObject({
      asOf: '2025-12-31',
      population: 5,
      stage: { key: 'active', share: 0.6 },
      rule: 'within_rhythm',
      firstOrderOn: '2024-11-15',
      lastOrderOn: '2025-12-01',
      orders: 5,
      daysSinceLast: 30,
      intervalDays: 95.25,
      ownInterval: true,
      parameters: { newDays: 30, k1: 2, k2: 3, k3: 5, maxDays: 365, fallbackIntervalDays: 95.25 },
    });
    expect(a.lifecycle.multiple).toBeCloseTo(30 / 95.25, 12);
    expect(a.clv).toBeNull();

    // P3: tied with P5 on money, so M counts only P4 below it; 183 days = exactly 3 × 61.
    const p3 = (await portrait(admin, ids.P3!)).json().analytics;
    expect(p3.rfm).toMatchObject({ r: 2, f: 3, m: 2, segment: { key: 'general_retain' } });
    expect(p3.lifecycle).toMatchObject({
      stage: { key: 'silent', share: 0.2 },
      rule: 'silent_multiple',
      daysSinceLast: 183,
      intervalDays: 61,
      multiple: 3,
    });
    const p4 = (await portrait(admin, ids.P4!)).json().analytics;
    expect(p4.rfm).toMatchObject({ recencyDays: 699, frequency: 0, monetaryMinor: 0, r: 1, f: 1 });
    expect(p4.lifecycle).toMatchObject({ stage: { key: 'churned' }, rule: 'max_days' });
    const p2 = (await portrait(admin, ids.P2!)).json().analytics;
    expect(p2.lifecycle).toMatchObject({ ownInterval: false, intervalDays: 95.25 });
    const p6 = (await portrait(admin, ids.P6!)).json().analytics;
    expect(p6).toMatchObject({ standing: { excluded: 'no_orders' }, rfm: null, lifecycle: null });
    // Outside the filters: no standing in that population.
    const other = (await portrait(admin, ids.T!, 'from=2025-01&to=2025-12&region=NOWHERE')).json();
    expect(other.analytics).toMatchObject({
      standing: { customersInScope: 0, excluded: 'not_in_scope' },
      rfm: null,
    });
  });

  it('agrees with the RFM and lifecycle views on the same customers', async () => {
    for (const key of ['T', 'P2', 'P3', 'P4', 'P5']) {
      const a = (await portrait(admin, ids[key]!)).json().analytics;
      const rfm = (
        await admin.request({
          method: 'GET',
          url: `/api/analytics/rfm/customers?${PERIOD}&segment=${a.rfm.segment.key}&pageSize=200`,
        })
      ).json();
      const row = rfm.rows.find((r: { id: number }) => r.id === ids[key]);
      expect(row?.extra).toMatchObject({ r: a.rfm.r, f: a.rfm.f, m: a.rfm.m });
      const life = (
        await admin.request({
          method: 'GET',
          url: `/api/analytics/lifecycle/customers?${PERIOD}&stage=${a.lifecycle.stage.key}&pageSize=200`,
        })
      ).json();
      const lrow = life.rows.find((r: { id: number }) => r.id === ids[key]);
      expect(lrow?.extra).toMatchObject({
        stage: a.lifecycle.stage.key,
        daysSince: a.lifecycle.daysSinceLast,
      });
    }
  });

  it('reads CLV and P(alive) from the newest finished model', async () => {
    const db = deps().store.db;
    const model = (status: string, asOf: string) =>
      db
        .insertInto('clv_models')
        .values({
          status,
          as_of: asOf,
          calibration_end: asOf,
          holdout_weeks: 0,
          time_unit: 'weeks',
          horizon_months: 12,
          discount_rate: 0.1,
          margin: null,
          customers: 5,
          repeat_customers: 3,
          scored_customers: 5,
          warnings: '[]',
          predictions_kept: 1,
          created_at: NOW,
          finished_at: status === 'finished' ? NOW : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    const fitted = Number((await model('finished', '2025-12-31')).id);
    await db
      .insertInto('customer_clv')
      .values({
        model_id: fitted,
        customer_id: ids.T!,
        x: 4,
        t_x: 54.4,
        t_total: 58.7,
        monetary_minor: 25_000,
        p_alive: 0.8125,
        expected_purchases: 3.25,
        expected_spend_minor: 24_000,
        clv_minor: 71_234,
      })
      .execute();
    // A fit still running is not read.
    await model('running', '2026-01-31');
    const clv = (await portrait(admin, ids.T!)).json().analytics.clv;
    expect(clv).toMatchObject({
      modelId: fitted,
      asOf: '2025-12-31',
      horizonMonths: 12,
      discountRate: 0.1,
      margin: null,
      timeUnit: 'weeks',
      prediction: {
        repeatPurchases: 4,
        pAlive: 0.8125,
        expectedPurchases: 3.25,
        expectedSpendMinor: 24_000,
        clvMinor: 71_234,
      },
    });
    // The model did not score P6: the model is named, the prediction is null.
    const none = (await portrait(admin, ids.P6!)).json().analytics.clv;
    expect(none).toMatchObject({ modelId: fitted, prediction: null });
  });

  describe('access', () => {
    it('leaves out the analytics parts without analytics.read and masks contacts without customers.pii', async () => {
      const m = await portrait(manager, ids.T!);
      expect(m.statusCode).toBe(200);
      const mp = m.json();
      expect('analytics' in mp).toBe(false);
      expect(mp.contactsMasked).toBe(false);
      expect(mp.contacts[0].phone).toBe('13812345678');
      expect(mp.tiers).toHaveLength(2);

      const s = (await portrait(agent, ids.T!)).json();
      expect('analytics' in s).toBe(false);
      expect(s.contactsMasked).toBe(true);
      expect(s.contacts[0]).toMatchObject({ phone: '138****5678', email: 'z***@example.cn' });
      expect(JSON.stringify(s)).not.toContain('13812345678');

      const f = (await portrait(finance, ids.T!)).json();
      expect(f.analytics.rfm.segment.key).toBe('important_value');
      expect(f.contacts[0].phone).toBe('138****5678');
    });

    it('answers 404 for an unknown customer and 400 naming a bad filter', async () => {
      const missing = await portrait(admin, 99_999_999);
      expect(missing.statusCode).toBe(404);
      const bad = await portrait(admin, ids.T!, 'from=2025-13');
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details.issues[0].field).toBe('from');
      const backwards = await portrait(admin, ids.T!, 'from=2025-12&to=2025-01');
      expect(backwards.statusCode).toBe(400);
      expect(backwards.json().error.details.issues[0].field).toBe('from');
    });

    it('refuses readers without customers.read', async () => {
      const anonymous = await app.inject({
        method: 'GET',
        url: `/api/customers/${ids.T}/portrait`,
      });
      expect(anonymous.statusCode).toBe(401);
    });
  });
  it('keeps the population figures for a minute, so a new customer counts once they expire', async () => {
    // A fresh entry, so the steps below run well inside its minute.
    clearStandingCache(deps());
    const before = (await portrait(finance, ids.T!)).json().analytics;
    expect(before.rfm.population).toBe(5);
    const c = await createCustomer(
      deps(),
      systemCtx(),
      customerInput({ code: 'PT-LATE', region: REGION }),
    );
    await deps()
      .store.db.insertInto('orders')
      .values({
        customer_id: c.id,
        order_no: 'PT-LATE-1',
        ordered_on: '2025-12-30',
        amount_minor: 900_000,
        cost_minor: null,
        currency: 'CNY',
        category: null,
        channel: null,
        rush: 0,
        created_at: NOW,
        product: null,
        quantity: null,
        import_run_id: null,
      })
      .execute();
    await refreshRollups(deps().store.db, deps().store.engine, [c.id]);
    // The newcomer's own figures are read at once; the population it is ranked in is kept.
    const cached = (await portrait(finance, c.id)).json().analytics;
    expect(cached.rfm).toMatchObject({ population: 5, recencyDays: 1, monetaryMinor: 900_000 });
    expect((await portrait(finance, ids.T!)).json().analytics.standing.customersInScope).toBe(6);
    clearStandingCache(deps());
    const fresh = (await portrait(finance, ids.T!)).json().analytics;
    expect(fresh.standing.customersInScope).toBe(7);
    expect(fresh.rfm.population).toBe(6);
  });
});
