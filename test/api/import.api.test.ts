import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureFirstAdmin } from '../../src/app/bootstrap';
import { describeEachEngine } from '../support/engines';
import { type Client, signIn, testServer } from '../support/http';

const CSV =
  '客户编码,客户名称,客户类型,省份,城市,手机\n' +
  'A100,深圳前海星辰科技有限公司,企业,广东省,深圳市,13900139000\n' +
  'A101,成都锦江茶业有限公司,企业,四川省,成都市,028-86661234\n' +
  'A102,,企业,,,\n';

describeEachEngine('import API', ({ deps }) => {
  let app: FastifyInstance;
  let admin: Client;
  beforeAll(async () => {
    await ensureFirstAdmin(deps());
    app = (await testServer(deps())).app;
    admin = await signIn(app);
  });
  afterAll(async () => {
    await app.close();
  });

  async function waitForJob(id: string) {
    for (let i = 0; i < 200; i++) {
      const r = (await admin.request({ method: 'GET', url: `/api/imports/jobs/${id}` })).json();
      if (r.status !== 'running') return r;
      await new Promise((res) => setTimeout(res, 25));
    }
    throw new Error('import job did not finish');
  }

  it('uploads, previews with a suggested mapping, dry-runs, commits valid rows and serves the reports', async () => {
    const up = await admin.request({
      method: 'POST',
      url: '/api/imports/uploads?fileName=customers.csv',
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.from(CSV),
    });
    expect(up.statusCode).toBe(201);
    const preview = up.json();
    expect(preview.headers).toEqual(['客户编码', '客户名称', '客户类型', '省份', '城市', '手机']);
    expect(preview.sample).toHaveLength(3);
    const fields = preview.suggestions.customers.map((s: { field: string | null }) => s.field);
    expect(fields).toEqual(['code', 'name', 'type', 'province', 'city', 'phone']);

    const mapping = {
      target: 'customers',
      columns: preview.suggestions.customers.map((s: { header: string; field: string }) => ({
        header: s.header,
        field: s.field,
      })),
    };
    const body = {
      uploadId: preview.uploadId,
      fileName: 'customers.csv',
      target: 'customers',
      mapping,
    };
    const dry = await admin.request({
      method: 'POST',
      url: '/api/imports/jobs',
      payload: { ...body, mode: 'dry_run' },
    });
    expect(dry.statusCode).toBe(202);
    const dryDone = await waitForJob(dry.json().id);
    expect(dryDone.result).toMatchObject({
      status: 'dry_run',
      rowsTotal: 3,
      created: 2,
      rejected: 1,
    });
    expect(dryDone.result.issues[0]).toMatchObject({ row: 4, field: 'name' });

    const all = await waitForJob(
      (
        await admin.request({
          method: 'POST',
          url: '/api/imports/jobs',
          payload: { ...body, mode: 'all_or_nothing' },
        })
      ).json().id,
    );
    expect(all.result.status).toBe('rejected');
    expect((await admin.request({ method: 'GET', url: '/api/customers?q=A10' })).json().total).toBe(
      0,
    );

    const valid = await waitForJob(
      (
        await admin.request({
          method: 'POST',
          url: '/api/imports/jobs',
          payload: { ...body, mode: 'valid_only' },
        })
      ).json().id,
    );
    expect(valid.result).toMatchObject({ status: 'committed', created: 2, rejected: 1 });
    expect((await admin.request({ method: 'GET', url: '/api/customers?q=A10' })).json().total).toBe(
      2,
    );

    const errors = await admin.request({
      method: 'GET',
      url: `/api/imports/runs/${valid.result.runId}/errors.csv`,
    });
    expect(errors.statusCode).toBe(200);
    expect(errors.body).toContain('row,column,value,expected,message');
    expect(errors.body).toContain('4,name');
    const rejected = await admin.request({
      method: 'GET',
      url: `/api/imports/runs/${valid.result.runId}/rejected.csv`,
    });
    expect(rejected.body).toContain('A102');

    const saved = await admin.request({
      method: 'POST',
      url: '/api/imports/mappings',
      payload: { name: '默认客户模板', mapping },
    });
    expect(saved.statusCode).toBe(200);
    const list = (
      await admin.request({ method: 'GET', url: '/api/imports/mappings?target=customers' })
    ).json();
    expect(list.items.map((m: { name: string }) => m.name)).toContain('默认客户模板');
  });

  it('refuses a 0-byte upload and a mapping for an unknown field with clear errors', async () => {
    const empty = await admin.request({
      method: 'POST',
      url: '/api/imports/uploads?fileName=empty.csv',
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.alloc(0),
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toMatch(/empty/i);

    const up = (
      await admin.request({
        method: 'POST',
        url: '/api/imports/uploads?fileName=c.csv',
        headers: { 'content-type': 'application/octet-stream' },
        payload: Buffer.from(CSV),
      })
    ).json();
    const job = await admin.request({
      method: 'POST',
      url: '/api/imports/jobs',
      payload: {
        uploadId: up.uploadId,
        fileName: 'c.csv',
        target: 'customers',
        mode: 'dry_run',
        mapping: { target: 'customers', columns: [{ header: '客户编码', field: 'shoeSize' }] },
      },
    });
    const done = await waitForJob(job.json().id);
    expect(done.status).toBe('failed');
    const issueFields = done.error.details.issues.map((i: { field: string }) => i.field);
    expect(issueFields).toEqual(expect.arrayContaining(['shoeSize', 'code', 'name']));
  });
});
