import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createUser } from '../../src/app/auth/users.service';
import { ensureFirstAdmin } from '../../src/app/bootstrap';
import { systemCtx } from '../../src/app/context';
import { createCustomer } from '../../src/app/customers/customers.service';
import { customerInput } from '../factories/customers';
import { describeEachEngine } from '../support/engines';
import { type Client, signIn, testServer } from '../support/http';

const PASSWORD = 'Service-kpi-123';

describeEachEngine('service KPIs through the API', ({ deps }) => {
  let app: FastifyInstance;
  let admin: Client;
  let agent: Client;
  let finance: Client;

  beforeAll(async () => {
    await ensureFirstAdmin(deps());
    for (const [username, roleId] of [
      ['agent', 'service_agent'],
      ['fin', 'finance'],
    ] as const)
      await createUser(deps(), systemCtx(), {
        username,
        displayName: username,
        password: PASSWORD,
        roleId,
      });
    const c = await createCustomer(deps(), systemCtx(), customerInput());
    await deps()
      .store.db.insertInto('tickets')
      .values({
        customer_id: c.id,
        subject: 'API',
        category: 'repair',
        level: 2,
        status: 'resolved',
        opened_at: '2026-11-02T01:00:00.000Z',
        created_at: '2026-11-02T01:00:00.000Z',
        first_replied_at: '2026-11-02T01:45:00.000Z',
        resolved_at: '2026-11-02T05:00:00.000Z',
      })
      .execute();
    app = (await testServer(deps())).app;
    admin = await signIn(app);
    agent = await signIn(app, 'agent', PASSWORD);
    finance = await signIn(app, 'fin', PASSWORD);
  }, 60_000);
  afterAll(async () => app?.close());

  const url = '/api/service/kpis?from=2026-11-01&to=2026-11-30';

  it('answers agents with one row per group, and refuses roles without tickets.work', async () => {
    const res = await agent.request({ method: 'GET', url: `${url}&groupBy=level` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      groupBy: 'level',
      rows: [{ group: '2', tickets: 1, firstReplyMedianMinutes: 45, resolutionMedianMinutes: 240 }],
    });
    expect((await finance.request({ method: 'GET', url })).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url })).statusCode).toBe(401);
  });

  it('names the field of a bad query', async () => {
    const bad = await admin.request({
      method: 'GET',
      url: '/api/service/kpis?from=2026-11-01&to=30.11.2026',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues).toEqual([
      expect.objectContaining({ field: 'to', message: 'must be a date YYYY-MM-DD' }),
    ]);
    const group = await admin.request({ method: 'GET', url: `${url}&groupBy=weekday` });
    expect(group.statusCode).toBe(400);
    expect(group.json().error.details.issues[0].field).toBe('groupBy');
  });

  it('exports an XLSX workbook that opens with its header row and a total', async () => {
    const res = await admin.request({
      method: 'GET',
      url: `/api/service/kpis/export.xlsx?from=2026-11-01&to=2026-11-30&groupBy=category&lang=en`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws?.getRow(1).getCell(1).value).toBe('Group');
    expect(ws?.getRow(1).getCell(7).value).toBe('SLA attainment %');
    expect(ws?.getRow(2).getCell(1).value).toBe('repair');
    expect(ws?.getRow(2).getCell(2).value).toBe(1);
    expect(ws?.getRow(3).getCell(1).value).toBe('Total');
    const denied = await finance.request({
      method: 'GET',
      url: '/api/service/kpis/export.xlsx?from=2026-11-01&to=2026-11-30',
    });
    expect(denied.statusCode).toBe(403);
  });
});
