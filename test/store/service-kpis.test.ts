import { beforeAll, expect, it } from 'vitest';
import { createUser } from '../../src/app/auth/users.service';
import { type Ctx, systemCtx } from '../../src/app/context';
import { createCustomer } from '../../src/app/customers/customers.service';
import type { Deps } from '../../src/app/deps';
import { serviceKpis } from '../../src/app/service-kpis/service-kpis.service';
import { customerInput } from '../factories/customers';
import { roleCtx } from '../factories/users';
import { describeEachEngine } from '../support/engines';

const ctx: Ctx = { ...systemCtx(), now: () => new Date('2026-11-27T04:00:00Z') };
const PERIOD = { from: '2026-10-01', to: '2026-11-30' };
const addMin = (iso: string, m: number) => new Date(Date.parse(iso) + m * 60_000).toISOString();

interface Seed {
  customer: number;
  category: string;
  level: number;
  status: string;
  openedAt: string;
  reply?: number;
  resolve?: number;
  reopened?: number;
  assignee?: number | null;
  sla?: { tier: string; fr: number | null; res: number | null };
}

/**
 * A small data set with hand-computed KPIs (business time zone Asia/Shanghai):
 * T1 c1 A repair L2 East: reply 30, resolved 120, SLA met/met.
 * T2 c1 A complaint L1 East: reply 90, resolved 600, reopened once, SLA missed/met.
 * T3 c2 B repair L2 North: reply 10, unresolved, SLA met/undecided.
 * T4 c3 no clock row, L3, untouched. T7 c3 L4, opened 00:00 on 1 Oct Shanghai (inside).
 * Outside: 30 Sep 23:59 and 1 Dec 00:00 Shanghai.
 */
async function seed(deps: Deps) {
  const c = [];
  for (let i = 0; i < 3; i++) c.push((await createCustomer(deps, ctx, customerInput())).id);
  const [c1, c2, c3] = c as [number, number, number];
  const east = await createUser(deps, ctx, {
    username: 'kpi-east',
    displayName: 'East',
    password: 'Kpi-east-pass-1',
    roleId: 'service_agent',
    region: '华东',
  });
  const north = await createUser(deps, ctx, {
    username: 'kpi-north',
    displayName: 'North',
    password: 'Kpi-north-pass-1',
    roleId: 'service_agent',
    region: '华北',
  });
  const tickets: Seed[] = [
    {
      customer: c1,
      category: 'repair',
      level: 2,
      status: 'closed',
      openedAt: '2026-10-10T02:00:00.000Z',
      reply: 30,
      resolve: 120,
      assignee: east.id,
      sla: { tier: 'A', fr: 1, res: 1 },
    },
    {
      customer: c1,
      category: 'complaint',
      level: 1,
      status: 'resolved',
      openedAt: '2026-10-20T02:00:00.000Z',
      reply: 90,
      resolve: 600,
      reopened: 1,
      assignee: east.id,
      sla: { tier: 'A', fr: 0, res: 1 },
    },
    {
      customer: c2,
      category: 'repair',
      level: 2,
      status: 'in_progress',
      openedAt: '2026-11-05T02:00:00.000Z',
      reply: 10,
      assignee: north.id,
      sla: { tier: 'B', fr: 1, res: null },
    },
    {
      customer: c3,
      category: 'consultation',
      level: 3,
      status: 'new',
      openedAt: '2026-11-06T02:00:00.000Z',
    },
    {
      customer: c2,
      category: 'repair',
      level: 2,
      status: 'closed',
      openedAt: '2026-09-30T15:59:00.000Z',
      reply: 1,
      resolve: 2,
    },
    {
      customer: c2,
      category: 'repair',
      level: 2,
      status: 'new',
      openedAt: '2026-11-30T16:00:00.000Z',
    },
    {
      customer: c3,
      category: 'repair',
      level: 4,
      status: 'open',
      openedAt: '2026-09-30T16:00:00.000Z',
    },
  ];
  const db = deps.store.db;
  for (const t of tickets) {
    const row = await db
      .insertInto('tickets')
      .values({
        customer_id: t.customer,
        subject: 'KPI',
        category: t.category,
        category_path: t.category,
        level: t.level,
        status: t.status,
        opened_at: t.openedAt,
        created_at: t.openedAt,
        first_replied_at: t.reply === undefined ? null : addMin(t.openedAt, t.reply),
        resolved_at: t.resolve === undefined ? null : addMin(t.openedAt, t.resolve),
        reopened_count: t.reopened ?? 0,
        assignee_id: t.assignee ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (t.sla)
      await db
        .insertInto('ticket_slas')
        .values({
          ticket_id: Number(row.id),
          tier: t.sla.tier,
          first_reply_met: t.sla.fr,
          resolution_met: t.sla.res,
          recomputed_at: t.openedAt,
          reason: 'created',
        })
        .execute();
  }
  const surveys: [number, string, number][] = [
    [c1, '2026-10-15', 5],
    [c1, '2026-11-10', 3],
    [c2, '2026-11-20', 4],
    [c3, '2026-09-15', 1],
    [c2, '2026-12-01', 1],
  ];
  for (const [customer, on, score] of surveys)
    await db
      .insertInto('survey_responses')
      .values({ customer_id: customer, answered_on: on, score, created_at: `${on}T08:00:00Z` })
      .execute();
}

describeEachEngine('service KPIs', ({ deps }) => {
  beforeAll(async () => seed(deps()), 60_000);

  it('groups by tier with hand-computed figures and a total', async () => {
    const k = await serviceKpis(deps(), ctx, { ...PERIOD, groupBy: 'tier' });
    expect(k.rows.map((r) => r.group)).toEqual(['-', 'A', 'B']);
    const [none, a, b] = k.rows;
    expect(a).toEqual({
      group: 'A',
      tickets: 2,
      firstReplyMedianMinutes: 60,
      firstReplyP90Minutes: 90,
      resolutionMedianMinutes: 360,
      resolutionP90Minutes: 600,
      slaAttainment: 0.75,
      slaDecided: 4,
      resolutionRate: 1,
      reopenRate: 0.5,
      complaintShare: 0.5,
      satisfaction: 4,
      surveys: 2,
    });
    expect(b).toMatchObject({
      tickets: 1,
      firstReplyMedianMinutes: 10,
      resolutionMedianMinutes: null,
      slaAttainment: 1,
      slaDecided: 1,
      resolutionRate: 0,
      satisfaction: 4,
    });
    // Tickets without a clock row: no attainment, and c3's only survey is outside the period.
    expect(none).toMatchObject({
      tickets: 2,
      firstReplyMedianMinutes: null,
      slaAttainment: null,
      slaDecided: 0,
      satisfaction: null,
      surveys: 0,
    });
    expect(k.total).toMatchObject({
      tickets: 5,
      firstReplyMedianMinutes: 30,
      firstReplyP90Minutes: 90,
      resolutionMedianMinutes: 360,
      slaAttainment: 0.8,
      resolutionRate: 0.4,
      reopenRate: 0.2,
      complaintShare: 0.2,
      satisfaction: 4,
      surveys: 3,
    });
  });

  it('groups by team, level, category and month (months in the business time zone)', async () => {
    const team = await serviceKpis(deps(), ctx, { ...PERIOD, groupBy: 'team' });
    expect(team.rows.map((r) => [r.group, r.tickets])).toEqual([
      ['-', 2],
      ['华东', 2],
      ['华北', 1],
    ]);
    const level = await serviceKpis(deps(), ctx, { ...PERIOD, groupBy: 'level' });
    expect(level.rows.map((r) => [r.group, r.tickets])).toEqual([
      ['1', 1],
      ['2', 2],
      ['3', 1],
      ['4', 1],
    ]);
    const cat = await serviceKpis(deps(), ctx, { ...PERIOD, groupBy: 'category' });
    expect(cat.rows.map((r) => [r.group, r.tickets, r.complaintShare])).toEqual([
      ['complaint', 1, 1],
      ['consultation', 1, 0],
      ['repair', 3, 0],
    ]);
    const month = await serviceKpis(deps(), ctx, { ...PERIOD, groupBy: 'month' });
    // October: T7 (00:00 on 1 Oct Shanghai), T1, T2; its survey is c1's October answer only.
    expect(month.rows.map((r) => [r.group, r.tickets, r.satisfaction, r.surveys])).toEqual([
      ['2026-10', 3, 5, 1],
      ['2026-11', 2, 4, 1],
    ]);
  });

  it('names the field of an invalid query and refuses roles without tickets.work', async () => {
    await expect(
      serviceKpis(deps(), ctx, { from: '2026-12-01', to: '2026-11-01' }),
    ).rejects.toMatchObject({ code: 'VALIDATION', details: { issues: [{ field: 'from' }] } });
    await expect(serviceKpis(deps(), ctx, { ...PERIOD, groupBy: 'region' })).rejects.toMatchObject({
      code: 'VALIDATION',
      details: { issues: [{ field: 'groupBy' }] },
    });
    await expect(serviceKpis(deps(), roleCtx('finance'), PERIOD)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const empty = await serviceKpis(deps(), roleCtx('service_agent'), {
      from: '2025-01-01',
      to: '2025-01-31',
    });
    expect(empty).toMatchObject({ groupBy: 'tier', rows: [], total: null });
  });
});
