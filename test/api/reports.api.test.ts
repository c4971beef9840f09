import type { AddressInfo } from 'node:net';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createUser } from '../../src/app/auth/users.service';
import { ensureFirstAdmin } from '../../src/app/bootstrap';
import { systemCtx } from '../../src/app/context';
import { createFact } from '../../src/app/facts/facts.service';
import { runNextJob } from '../../src/app/jobs/runner';
import { tickScheduler } from '../../src/app/jobs/scheduler';
import { configureNotificationChannels } from '../../src/app/notifications/email-channel';
import type { ReportContent, ReportSectionContent } from '../../src/app/reports/report-content';
import { ensureReportSchedule } from '../../src/app/reports/report-schedules';
import { describeEachEngine } from '../support/engines';
import { type Client, signIn, signInRoles, testServer } from '../support/http';
import { seedReportData } from './reports-data';

const PASSWORD = 'Report-pass-1234';
const SECTIONS = ['headline', 'value', 'tiers', 'rfm', 'lifecycle', 'clv', 'service'];

interface Mail {
  to: string[];
  raw: string;
}

/** A real SMTP server on a free port that keeps what it receives. */
async function startSmtp() {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        cb();
      });
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.server.address() as AddressInfo;
  return { port, mails, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** The attachments of a raw MIME message: file name, content type and decoded bytes. */
function attachmentsOf(raw: string): { filename: string; type: string; body: Buffer }[] {
  const boundary = /boundary="?([^"\r\n;]+)"?/i.exec(raw)?.[1];
  if (!boundary) return [];
  return raw
    .split(`--${boundary}`)
    .filter((part) => /Content-Disposition:\s*attachment/i.test(part))
    .map((part) => {
      const [head = '', ...rest] = part.split(/\r\n\r\n/);
      return {
        filename: /filename="?([^"\r\n;]+)"?/i.exec(head)?.[1] ?? '',
        type: /Content-Type:\s*([^;\r\n]+)/i.exec(head)?.[1] ?? '',
        body: Buffer.from(rest.join('\r\n\r\n').replace(/\s+/g, ''), 'base64'),
      };
    });
}

const section = (c: ReportContent, key: string): ReportSectionContent => {
  const s = c.sections.find((x) => x.key === key);
  if (!s) throw new Error(`no section ${key}`);
  return s;
};
const figure = (s: ReportSectionContent, key: string) => s.figures.find((f) => f.key === key);
const rows = (s: ReportSectionContent, table: string) =>
  s.tables.find((t) => t.key === table)?.rows ?? [];
const en = (v: unknown) => (typeof v === 'object' && v !== null ? (v as { en: string }).en : v);

async function workbook(body: Buffer | ArrayBuffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as ArrayBuffer);
  return wb;
}

/** Every cell value of a sheet, row by row, as text. */
function sheetText(ws: ExcelJS.Worksheet | undefined): string[][] {
  const out: string[][] = [];
  ws?.eachRow((row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (c) => {
      cells.push(c.value === null || c.value === undefined ? '' : String(c.value));
    });
    out.push(cells);
  });
  return out;
}

describeEachEngine('analytics reports through the API', ({ deps }) => {
  let app: FastifyInstance;
  let admin: Client;
  let users: Record<'director' | 'sales' | 'agent', Client>;
  let directorId = 0;
  let agentId = 0;
  let data: Awaited<ReturnType<typeof seedReportData>>;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;

  beforeAll(async () => {
    smtp = await startSmtp();
    deps().config.smtp = {
      url: `smtp://127.0.0.1:${smtp.port}`,
      from: 'Tierdesk <desk@example.com>',
    };
    configureNotificationChannels(deps().config);
    await ensureFirstAdmin(deps());
    data = await seedReportData(deps());
    app = (await testServer(deps())).app;
    admin = await signIn(app);
    const director = await createUser(deps(), systemCtx(), {
      username: 'director',
      displayName: 'Director',
      password: PASSWORD,
      roleId: 'general_manager',
      email: 'director@example.com',
      locale: 'en',
    });
    directorId = director.id;
    const more = await signInRoles(
      deps(),
      app,
      { sales: 'sales_manager', agent: 'service_agent' },
      PASSWORD,
    );
    users = { director: await signIn(app, 'director', PASSWORD), ...more };
    agentId = (
      await deps()
        .store.db.selectFrom('users')
        .select('id')
        .where('username', '=', 'agent')
        .executeTakeFirstOrThrow()
    ).id;
  }, 120_000);
  afterAll(async () => {
    configureNotificationChannels({ smtp: null });
    await app?.close();
    await smtp?.close();
  });

  let adhocId = 0;

  it('makes a report now with the figures of the data, and lists and reads it back', async () => {
    const res = await admin.request({
      method: 'POST',
      url: '/api/analytics/reports',
      payload: { cadence: 'adhoc', filters: { from: '2024-07', to: '2025-06' }, lang: 'en' },
    });
    expect(res.statusCode).toBe(201);
    const r = res.json() as { id: number; title: string; content: ReportContent };
    adhocId = r.id;
    expect(r).toMatchObject({
      cadence: 'adhoc',
      title: 'Analytics report 2024-07 – 2025-06',
      periodFrom: '2024-07-01',
      periodTo: '2025-06-30',
      filters: { from: '2024-07', to: '2025-06' },
      createdByName: 'Administrator',
    });
    const c = r.content;
    expect(c.sections.map((s) => s.key)).toEqual(SECTIONS);
    expect(c.window).toEqual({ from: '2024-07', to: '2025-06', months: 12 });

    const head = section(c, 'headline');
    expect(figure(head, 'customers')?.value).toBe(4);
    expect(figure(head, 'revenueMinor')).toMatchObject({
      value: 210_000,
      previous: 0,
      change: null,
    });
    expect(figure(head, 'profitMinor')?.value).toBe(95_000);
    expect(rows(head, 'period').map((x) => [en(x.metric), x.current])).toEqual([
      ['Revenue', 210_000],
      ['Profit', 95_000],
      ['Orders', 5],
      ['Buying customers', 3],
      ['First-time buyers', 3],
      ['New tickets', 2],
      ['Complaints', 1],
    ]);

    // Revenue 150000 / 50000 / 10000: Gini 4/9, the top 20 % (one customer) holds 5/7.
    const value = section(c, 'value');
    expect(figure(value, 'giniRevenue')?.value).toBeCloseTo(4 / 9, 10);
    expect(figure(value, 'top20Revenue')?.value).toBeCloseTo(5 / 7, 10);
    expect(figure(value, 'top20Profit')?.value).toBeCloseTo(70 / 95, 10);
    const pyramid = rows(value, 'pyramid');
    expect(pyramid.map((x) => en(x.level))).toEqual(['Key', 'Important', 'Ordinary', 'Small']);
    expect(pyramid.reduce((a, x) => a + Number(x.customers), 0)).toBe(3);
    expect(pyramid.reduce((a, x) => a + Number(x.value), 0)).toBe(95_000);

    // Nobody was tiered at the end of May; the run published from 1 June tiers all four.
    const tiers = section(c, 'tiers');
    expect(tiers.unavailable).toBeUndefined();
    const dist = rows(tiers, 'distribution');
    const byTier = new Map(dist.map((x) => [en(x.tier), x]));
    for (const t of data.run.distribution.tiers)
      expect(byTier.get(t.tier)?.customers, `tier ${t.tier}`).toBe(t.count);
    expect(byTier.get('Not tiered')).toMatchObject({ customers: 0, previous: 4 });
    expect(figure(tiers, 'tiered')).toMatchObject({ value: 4, previous: 0 });

    const rfm = section(c, 'rfm');
    expect(figure(rfm, 'scored')?.value).toBe(3);
    expect(rows(rfm, 'segments')).toHaveLength(8);
    expect(rows(rfm, 'segments').reduce((a, x) => a + Number(x.customers), 0)).toBe(3);

    // B bought on 28 May and 5 June and not since: 25 days, over three times its 8-day rhythm.
    const life = section(c, 'lifecycle');
    expect(rows(life, 'stages').reduce((a, x) => a + Number(x.customers), 0)).toBe(3);
    expect(rows(life, 'churn_risk').map((x) => [x.code, en(x.stage), x.daysSince])).toEqual([
      ['RPT-B', 'At risk', 25],
    ]);

    expect(section(c, 'clv').unavailable?.en).toMatch(/No lifetime-value model/);
    const service = section(c, 'service');
    expect(figure(service, 'tickets')?.value).toBe(2);
    expect(rows(service, 'kpis').at(-1)).toMatchObject({ tickets: 2, complaintShare: 0.5 });

    const list = await users.director.request({ method: 'GET', url: '/api/analytics/reports' });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ total: 1, items: [{ id: r.id, cadence: 'adhoc' }] });
    expect(list.json().items[0].content).toBeUndefined();
    const one = await users.director.request({
      method: 'GET',
      url: `/api/analytics/reports/${r.id}`,
    });
    expect(one.json().content).toEqual(c);
    const audit = await deps()
      .store.db.selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('action', '=', 'analytics_report.create')
      .execute();
    expect(audit).toEqual([{ action: 'analytics_report.create', entity_id: String(r.id) }]);
  });

  it('renders the stored report as an XLSX workbook, the same on every download', async () => {
    const url = `/api/analytics/reports/${adhocId}/export.xlsx`;
    const res = await users.director.request({ method: 'GET', url: `${url}?lang=en` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain(
      `analytics-report-${adhocId}-2024-07-01-2025-06-30.xlsx`,
    );
    const wb = await workbook(res.rawPayload);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Summary',
      'Headline',
      'Value concentration and pyramid',
      'Tier distribution',
      'RFM segments',
      'Lifecycle and churn risk',
      'Customer lifetime value (CLV)',
      'Service KPIs by tier',
    ]);
    const summary = sheetText(wb.getWorksheet('Summary'));
    expect(summary[0]?.[0]).toBe('Analytics report 2024-07 – 2025-06');
    // Money is in major units in the sheet: ¥2,100.00 of revenue.
    expect(summary).toContainEqual(['Revenue', '2100', '0']);
    const value = sheetText(wb.getWorksheet('Value concentration and pyramid'));
    expect(value.find((r) => r[0] === 'Revenue' && r[1] === '3')?.slice(0, 3)).toEqual([
      'Revenue',
      '3',
      '2100',
    ]);
    const life = sheetText(wb.getWorksheet('Lifecycle and churn risk'));
    expect(life.some((r) => r[0] === 'RPT-B' && r.includes('At risk'))).toBe(true);

    // A workbook comes from the stored figures alone: new orders do not change an old report.
    await createFact(deps(), systemCtx(), 'orders', data.a.id, {
      orderNo: 'RPT-LATE',
      orderedOn: '2025-04-15',
      amount: '999',
    });
    const again = await users.director.request({ method: 'GET', url: `${url}?lang=en` });
    expect(sheetText((await workbook(again.rawPayload)).getWorksheet('Summary'))).toEqual(summary);
    // Without a language the workbook is in the report's own (English here).
    const own = await workbook((await users.director.request({ method: 'GET', url })).rawPayload);
    expect(own.worksheets[0]?.name).toBe('Summary');
    const zh = await workbook(
      (await users.director.request({ method: 'GET', url: `${url}?lang=zh-CN` })).rawPayload,
    );
    expect(zh.worksheets[0]?.name).toBe('概要');
    expect(sheetText(zh.worksheets[0])[0]?.[0]).toBe('分析报告 2024-07 至 2025-06');
  });

  it('runs a weekly schedule through the job runner, notifies the recipient and e-mails the workbook', async () => {
    const created = await users.director.request({
      method: 'POST',
      url: '/api/analytics/report-schedules',
      payload: {
        name: 'Monday report',
        cron: '0 8 * * 1',
        payload: {
          cadence: 'weekly',
          recipients: { userIds: [directorId], emails: ['Ops@Example.com'] },
          lang: 'zh-CN',
        },
      },
    });
    expect(created.statusCode).toBe(201);
    const schedule = created.json();
    expect(schedule).toMatchObject({ kind: 'analytics.report', timezone: 'Asia/Shanghai' });
    expect(schedule.payload.recipients).toEqual({
      userIds: [directorId],
      emails: ['ops@example.com'],
    });
    const listed = await users.director.request({
      method: 'GET',
      url: '/api/analytics/report-schedules',
    });
    expect(listed.json().items.map((s: { id: number }) => s.id)).toEqual([schedule.id]);

    // The occurrence of Monday 9 June 2025, 08:00 in Shanghai: the report covers 2–8 June.
    const db = deps().store.db;
    await db
      .updateTable('job_schedules')
      .set({ next_run_at: '2025-06-09T00:00:00.000Z' })
      .where('id', '=', schedule.id)
      .execute();
    const at = new Date('2025-06-09T00:01:00.000Z');
    const jobs = await tickScheduler(deps(), at);
    expect(jobs).toHaveLength(1);
    const ran = await runNextJob(deps(), { now: () => at });
    expect(ran).toMatchObject({ outcome: 'done', job: { kind: 'analytics.report' } });

    const list = await users.director.request({
      method: 'GET',
      url: `/api/analytics/reports?scheduleId=${schedule.id}`,
    });
    expect(list.json().total).toBe(1);
    const id = list.json().items[0].id as number;
    const r = (
      await users.director.request({ method: 'GET', url: `/api/analytics/reports/${id}` })
    ).json();
    expect(r).toMatchObject({
      scheduleId: schedule.id,
      jobId: jobs[0],
      cadence: 'weekly',
      title: '周报 2025-06-02 至 2025-06-08',
      periodFrom: '2025-06-02',
      periodTo: '2025-06-08',
      delivery: {
        notifiedUserIds: [directorId],
        emailed: ['director@example.com', 'ops@example.com'],
        emailEnabled: true,
      },
    });
    const c = r.content as ReportContent;
    expect(c.days).toEqual({
      from: '2025-06-02',
      to: '2025-06-08',
      previousFrom: '2025-05-26',
      previousTo: '2025-06-01',
    });
    expect(c.monthToDate).toEqual({
      from: '2025-06-01',
      to: '2025-06-08',
      previousFrom: '2025-05-01',
      previousTo: '2025-05-08',
    });
    const head = section(c, 'headline');
    expect(rows(head, 'period').map((x) => [en(x.metric), x.current, x.previous])).toEqual([
      ['Revenue', 80_000, 30_000],
      ['Profit', 35_000, 20_000],
      ['Orders', 3, 1],
      ['Buying customers', 3, 1],
      ['First-time buyers', 1, 1],
      ['New tickets', 2, 0],
      ['Complaints', 1, 0],
    ]);
    expect(figure(head, 'revenueMinor')?.change).toBeCloseTo(80 / 30 - 1, 10);
    expect(rows(head, 'month_to_date')[0]).toMatchObject({ current: 80_000, previous: 0 });

    // The director finds it in the inbox, with a link to the report page.
    const inbox = (
      await users.director.request({ method: 'GET', url: '/api/notifications' })
    ).json();
    expect(inbox.items[0]).toMatchObject({
      kind: 'analytics.report',
      entity: 'analytics_report',
      entityId: String(id),
      payload: { reportId: id, link: `/analytics/reports/${id}`, periodFrom: '2025-06-02' },
    });

    // The e-mails go out through the SMTP server with the workbook attached.
    while (await runNextJob(deps(), { now: () => new Date() })) {}
    expect(smtp.mails.map((m) => m.to[0]).sort()).toEqual([
      'director@example.com',
      'ops@example.com',
    ]);
    for (const mail of smtp.mails) {
      const files = attachmentsOf(mail.raw);
      expect(files).toHaveLength(1);
      expect(files[0]?.filename).toBe(`analytics-report-${id}-2025-06-02-2025-06-08.xlsx`);
      expect(files[0]?.type).toContain('spreadsheetml');
      const wb = await workbook(files[0]!.body);
      expect(wb.worksheets[0]?.name).toBe('概要');
      expect(sheetText(wb.worksheets[0])[0]?.[0]).toBe('周报 2025-06-02 至 2025-06-08');
    }
    // The director reads English; the plain address gets the report's language.
    const director = smtp.mails.find((m) => m.to[0] === 'director@example.com');
    expect(director?.raw).toContain('Weekly report 2025-06-02');

    // The same job run again (after a crash) finds its report instead of making another.
    await db
      .updateTable('jobs')
      .set({ status: 'queued', attempts: 0 })
      .where('id', '=', jobs[0]!)
      .execute();
    expect(await runNextJob(deps(), { now: () => at })).toMatchObject({ outcome: 'done' });
    expect((await db.selectFrom('analytics_reports').select('id').execute()).length).toBe(2);
  });

  it('lets readers read and managers make: permissions and field errors', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/analytics/reports' })).statusCode).toBe(
      401,
    );
    expect(
      (await users.agent.request({ method: 'GET', url: '/api/analytics/reports' })).statusCode,
    ).toBe(403);
    const post = (c: Client, payload: unknown, url = '/api/analytics/reports') =>
      c.request({ method: 'POST', url, payload: payload as object });
    expect((await post(users.sales, { cadence: 'weekly' })).statusCode).toBe(403);
    expect(
      (
        await post(
          users.sales,
          { name: 'x', cron: '0 8 * * 1', payload: {} },
          '/api/analytics/report-schedules',
        )
      ).statusCode,
    ).toBe(403);
    expect(
      (await users.sales.request({ method: 'GET', url: '/api/analytics/report-recipients' }))
        .statusCode,
    ).toBe(403);

    const months = await post(admin, { cadence: 'weekly', filters: { from: '2025-01' } });
    expect(months.statusCode).toBe(400);
    expect(months.json().error.details.issues).toEqual([
      expect.objectContaining({ field: 'filters.from' }),
    ]);
    const reader = await post(admin, { recipients: { userIds: [agentId] } });
    expect(reader.statusCode).toBe(400);
    expect(reader.json().error.details.issues[0].field).toBe('recipients.userIds.0');
    const mail = await post(
      admin,
      { name: 'x', cron: '0 8 * * 1', payload: { recipients: { emails: ['not-an-address'] } } },
      '/api/analytics/report-schedules',
    );
    expect(mail.statusCode).toBe(400);
    expect(mail.json().error.details.issues[0].field).toBe('payload.recipients.emails.0');
    const filters = await post(
      admin,
      { name: 'x', cron: '0 8 * * 1', payload: { cadence: 'daily', filters: { ownerId: 'abc' } } },
      '/api/analytics/report-schedules',
    );
    expect(filters.statusCode).toBe(400);
    expect(filters.json().error.details.issues.map((i: { field: string }) => i.field)).toEqual([
      'payload.cadence',
      'payload.filters.ownerId',
    ]);

    const picker = (
      await admin.request({ method: 'GET', url: '/api/analytics/report-recipients' })
    ).json();
    const names = picker.items.map((u: { username: string }) => u.username);
    expect(names).toContain('director');
    // A sales manager sees only their region and opens only reports they made themselves.
    expect(names).not.toContain('sales');
    expect(names).not.toContain('agent');

    const missing = await admin.request({ method: 'GET', url: '/api/analytics/reports/9999' });
    expect(missing.statusCode).toBe(404);
  });

  it('summarises the newest lifetime-value model and its top customers in scope', async () => {
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
        customers: 3,
        repeat_customers: 2,
        scored_customers: 3,
        bg_r: 0.24,
        bg_alpha: 4.41,
        bg_a: 0.79,
        bg_b: 2.43,
        bg_log_likelihood: -9582.43,
        bg_iterations: 40,
        distribution: JSON.stringify({
          customers: 3,
          clv: {
            totalMinor: 123_400,
            meanMinor: 41_133,
            top20Share: 0.6,
            widthMinor: 1,
            counts: [],
          },
          pAliveCounts: [],
          pAliveMean: 0.75,
          expectedPurchasesTotal: 4,
        }),
        predictions_kept: 1,
        created_at: '2025-07-01T00:00:00.000Z',
        finished_at: '2025-07-01T00:01:00.000Z',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const prediction = (customerId: number, clv: number, pAlive: number) => ({
      model_id: Number(model.id),
      customer_id: customerId,
      x: 1,
      t_x: 10,
      t_total: 20,
      monetary_minor: 10_000,
      p_alive: pAlive,
      expected_purchases: 1.5,
      expected_spend_minor: 10_000,
      clv_minor: clv,
    });
    await db
      .insertInto('customer_clv')
      .values([
        prediction(data.a.id, 80_000, 0.9),
        prediction(data.b.id, 30_000, 0.6),
        prediction(data.c.id, 13_400, 0.75),
      ])
      .execute();
    const res = await admin.request({
      method: 'POST',
      url: '/api/analytics/reports',
      payload: { filters: { from: '2024-07', to: '2025-06', region: '华北' } },
    });
    expect(res.statusCode).toBe(201);
    const clv = section(res.json().content as ReportContent, 'clv');
    expect(clv.unavailable).toBeUndefined();
    expect(clv.note?.en).toContain(`Model #${model.id}, data to 2025-06-30, 12-month horizon`);
    expect(figure(clv, 'clvTotal')?.value).toBe(123_400);
    expect(figure(clv, 'pAliveMean')?.value).toBe(0.75);
    expect(rows(clv, 'model').find((r) => en(r.item) === 'BG/NBD r')?.value).toBe(0.24);
    // Only the customers of the region filtered on: C (华北), not A or B.
    expect(rows(clv, 'top_clv').map((r) => [r.code, r.clv])).toEqual([['RPT-C', 13_400]]);
    expect(res.json().content.scopeText).toEqual({ zh: '区域：华北', en: 'Region: 华北' });
    expect(figure(section(res.json().content, 'headline'), 'customers')?.value).toBe(2);
  });

  it('reaches only report schedules, and creates the Monday schedule once on first start', async () => {
    const review = await deps()
      .store.db.insertInto('job_schedules')
      .values({
        name: 'review',
        kind: 'review.start_cycle',
        cron: '0 0 20 12 *',
        timezone: 'Asia/Shanghai',
        payload: '{}',
        created_at: new Date().toISOString(),
        updated_at: new Date().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const patch = await admin.request({
      method: 'PATCH',
      url: `/api/analytics/report-schedules/${review.id}`,
      payload: { enabled: false },
    });
    expect(patch.statusCode).toBe(404);

    const first = await ensureReportSchedule(deps(), systemCtx('boot'));
    expect(first).toBeNull(); // a report schedule exists already (made above): none is added
    await deps()
      .store.db.deleteFrom('job_schedules')
      .where('kind', '=', 'analytics.report')
      .execute();
    const id = await ensureReportSchedule(deps(), systemCtx('boot'));
    expect(id).toBeGreaterThan(0);
    expect(await ensureReportSchedule(deps(), systemCtx('boot'))).toBeNull();
    const s = (
      await admin.request({ method: 'GET', url: '/api/analytics/report-schedules' })
    ).json();
    expect(s.items).toEqual([
      expect.objectContaining({
        id,
        cron: '0 8 * * 1',
        timezone: 'Asia/Shanghai',
        enabled: true,
        payload: expect.objectContaining({ cadence: 'weekly' }),
      }),
    ]);
    // The next run is a Monday, 08:00 in Shanghai (00:00 UTC).
    const next = new Date(s.items[0].nextRunAt);
    expect([next.getUTCDay(), next.getUTCHours(), next.getUTCMinutes()]).toEqual([1, 0, 0]);
  });
});
