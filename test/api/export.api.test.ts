import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureFirstAdmin } from '../../src/app/bootstrap';
import { systemCtx } from '../../src/app/context';
import { createCustomer } from '../../src/app/customers/customers.service';
import { createFact } from '../../src/app/facts/facts.service';
import { customerInput } from '../factories/customers';
import { describeEachEngine } from '../support/engines';
import { type Client, signIn, testServer } from '../support/http';

describeEachEngine('exports', ({ deps }) => {
  let app: FastifyInstance;
  let admin: Client;
  beforeAll(async () => {
    await ensureFirstAdmin(deps());
    const evil = await createCustomer(
      deps(),
      systemCtx(),
      customerInput({
        code: 'EVIL1',
        name: '=HYPERLINK("http://x","点我")',
        industry: '+cmd',
        tags: ['@tag'],
      }),
    );
    await createCustomer(
      deps(),
      systemCtx(),
      customerInput({ code: 'PLAIN1', name: '北京朝阳商贸有限公司' }),
    );
    await createFact(deps(), systemCtx(), 'orders', evil.id, {
      orderNo: 'SO-EXP-1',
      orderedOn: '2026-02-03',
      amount: '-0.00',
      product: '-2+3',
    });
    app = (await testServer(deps())).app;
    admin = await signIn(app);
  });
  afterAll(async () => {
    await app.close();
  });

  it('exports customers as CSV with a BOM, Chinese headers and formula cells escaped', async () => {
    const res = await admin.request({ method: 'GET', url: '/api/export/customers?format=csv' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.body.startsWith('\uFEFF客户编码,客户名称')).toBe(true);
    expect(res.body).toContain(`"'=HYPERLINK(""http://x"",""点我"")"`);
    expect(res.body).toContain("'+cmd");
    expect(res.body).toContain("'@tag");
    expect(res.body).toContain('北京朝阳商贸有限公司');
    // Types are written as words of the chosen language, not codes.
    expect(res.body).toContain(',企业,');
    expect(res.body).not.toContain(',enterprise,');
  });

  it('exports customers as XLSX with escaped text cells and English headers on request', async () => {
    const res = await admin.request({
      method: 'GET',
      url: '/api/export/customers?format=xlsx&lang=en&q=EVIL',
    });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(1).value).toBe('Code');
    expect(ws.rowCount).toBe(2);
    expect(String(ws.getRow(2).getCell(2).value)).toBe('\'=HYPERLINK("http://x","点我")');
  });

  it('exports a fact list with money as exact decimals', async () => {
    const res = await admin.request({ method: 'GET', url: '/api/export/facts/orders?format=csv' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('SO-EXP-1');
    expect(res.body).toContain("'-2+3");
    expect(res.body).toContain(',0.00,');
  });

  it('refuses an unknown export format naming the field', async () => {
    const res = await admin.request({ method: 'GET', url: '/api/export/customers?format=pdf' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues[0].field).toBe('format');
  });
});
