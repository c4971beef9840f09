import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureFirstAdmin } from '../../src/app/bootstrap';
import { customerInput } from '../factories/customers';
import { describeEachEngine } from '../support/engines';
import { type Client, signIn, testServer } from '../support/http';

describeEachEngine('customers API', ({ deps }) => {
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

  it('creates, lists, searches, views and edits a customer', async () => {
    const input = customerInput({ name: '上海宏达机械有限公司' });
    const created = await admin.request({ method: 'POST', url: '/api/customers', payload: input });
    expect(created.statusCode).toBe(201);
    const c = created.json();
    expect(c).toMatchObject({ code: input.code, name: input.name, version: 1 });

    const list = await admin.request({ method: 'GET', url: '/api/customers?q=宏达' });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((x: { code: string }) => x.code)).toContain(input.code);

    const view = await admin.request({ method: 'GET', url: `/api/customers/${c.id}` });
    expect(view.json().name).toBe(input.name);

    const edit = await admin.request({
      method: 'PATCH',
      url: `/api/customers/${c.id}`,
      payload: { name: '上海宏达重工有限公司', version: 1 },
    });
    expect(edit.statusCode).toBe(200);
    expect(edit.json()).toMatchObject({ name: '上海宏达重工有限公司', version: 2 });
  });

  it('refuses a stale edit with 409 and keeps the newer data', async () => {
    const c = (
      await admin.request({ method: 'POST', url: '/api/customers', payload: customerInput() })
    ).json();
    const first = await admin.request({
      method: 'PATCH',
      url: `/api/customers/${c.id}`,
      payload: { industry: '零售', version: 1 },
    });
    expect(first.statusCode).toBe(200);
    const stale = await admin.request({
      method: 'PATCH',
      url: `/api/customers/${c.id}`,
      payload: { industry: '物流', version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({
      code: 'STALE_VERSION',
      details: { givenVersion: 1, currentVersion: 2 },
    });
    const now = (await admin.request({ method: 'GET', url: `/api/customers/${c.id}` })).json();
    expect(now.industry).toBe('零售');
  });

  it('refuses a duplicate code naming the field', async () => {
    const input = customerInput();
    await admin.request({ method: 'POST', url: '/api/customers', payload: input });
    const dup = await admin.request({ method: 'POST', url: '/api/customers', payload: input });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('DUPLICATE');
    expect(dup.json().error.details.issues[0].field).toBe('code');
  });

  it('refuses an unknown sort field with the allowed list', async () => {
    const res = await admin.request({ method: 'GET', url: '/api/customers?sort=password' });
    expect(res.statusCode).toBe(400);
    const err = res.json().error;
    expect(err.code).toBe('VALIDATION');
    expect(err.details.issues[0].field).toBe('sort');
    expect(err.details.issues[0].message).toContain('code, name');
  });

  it('refuses a bad body naming each field', async () => {
    const res = await admin.request({
      method: 'POST',
      url: '/api/customers',
      payload: { code: '', name: 'x', type: 'alien' },
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.details.issues.map((i: { field: string }) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['code', 'type']));
  });

  it('writes an audit row in the same transaction as the change', async () => {
    const input = customerInput();
    const c = (
      await admin.request({ method: 'POST', url: '/api/customers', payload: input })
    ).json();
    const rows = await deps()
      .store.db.selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', 'customer')
      .where('entity_id', '=', String(c.id))
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'customer.create', actor_name: 'admin' });
    expect(JSON.parse(rows[0]!.after!)).toMatchObject({ code: input.code });
  });
});
