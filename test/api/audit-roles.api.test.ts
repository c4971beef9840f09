import { beforeAll, expect, it } from 'vitest';
import { createUser } from '../../src/app/auth/users.service';
import { ensureFirstAdmin } from '../../src/app/bootstrap';
import { systemCtx } from '../../src/app/context';
import { describeEachEngine } from '../support/engines';
import { type Client, signIn, signInRoles, testServer } from '../support/http';

describeEachEngine('audit viewer and custom roles', ({ deps }) => {
  let admin: Client;
  let auditor: Client;
  let am: Client;
  let app: Awaited<ReturnType<typeof testServer>>['app'];

  beforeAll(async () => {
    await ensureFirstAdmin(deps());
    app = (await testServer(deps())).app;
    admin = await signIn(app);
    ({ auditor, am } = await signInRoles(deps(), app, {
      auditor: 'auditor',
      am: 'account_manager',
    }));
  });

  it('creates, edits and deletes custom roles; built-in roles are read-only; changes take effect at once', async () => {
    const body = {
      id: 'audit_viewer',
      nameZh: '审计查看',
      nameEn: 'Audit viewer',
      permissions: ['audit.read', 'customers.read'],
      rowScope: 'region',
    };
    expect(
      (await auditor.request({ method: 'POST', url: '/api/roles', payload: body })).statusCode,
    ).toBe(403);
    const created = await admin.request({ method: 'POST', url: '/api/roles', payload: body });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      id: 'audit_viewer',
      builtin: false,
      rowScope: 'region',
    });
    const dup = await admin.request({ method: 'POST', url: '/api/roles', payload: body });
    expect(dup.statusCode).toBe(409);
    const bad = await admin.request({
      method: 'POST',
      url: '/api/roles',
      payload: { ...body, id: 'x2', permissions: ['nope'] },
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('unknown permission nope');

    const builtin = await admin.request({
      method: 'PATCH',
      url: '/api/roles/auditor',
      payload: { permissions: ['audit.read', 'roles.manage'] },
    });
    expect(builtin.statusCode).toBe(403);
    expect(builtin.json().error.message).toMatch(/built-in role/);
    expect((await admin.request({ method: 'DELETE', url: '/api/roles/admin' })).statusCode).toBe(
      403,
    );

    await createUser(deps(), systemCtx(), {
      username: 'viewer',
      displayName: 'viewer',
      password: 'Viewer-pass-1234',
      roleId: 'audit_viewer',
    });
    const viewer = await signIn(app, 'viewer', 'Viewer-pass-1234');
    expect((await viewer.request({ method: 'GET', url: '/api/audit' })).statusCode).toBe(200);
    const edited = await admin.request({
      method: 'PATCH',
      url: '/api/roles/audit_viewer',
      payload: { permissions: ['customers.read'] },
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      permissions: ['customers.read'],
      rowScope: 'region',
      users: 1,
    });
    // The signed-in holder loses the permission on the next request.
    expect((await viewer.request({ method: 'GET', url: '/api/audit' })).statusCode).toBe(403);

    const held = await admin.request({ method: 'DELETE', url: '/api/roles/audit_viewer' });
    expect(held.statusCode).toBe(409);
    expect(held.json().error.message).toMatch(/held by 1 user/);

    const matrix = await auditor.request({ method: 'GET', url: '/api/roles/matrix' });
    expect(matrix.json().items.find((r: { id: string }) => r.id === 'audit_viewer').users).toBe(1);
    const catalog = (await auditor.request({ method: 'GET', url: '/api/permissions' })).json();
    expect(catalog.areas.find((a: { area: string }) => a.area === 'audit').permissions).toEqual([
      'audit.read',
    ]);

    await admin.request({
      method: 'POST',
      url: '/api/roles',
      payload: { ...body, id: 'temp_role', permissions: [] },
    });
    expect(
      (await admin.request({ method: 'DELETE', url: '/api/roles/temp_role' })).statusCode,
    ).toBe(204);
  });

  it('lists audit entries newest first with filters, to auditors only', async () => {
    expect((await am.request({ method: 'GET', url: '/api/audit' })).statusCode).toBe(403);
    const all = (await auditor.request({ method: 'GET', url: '/api/audit?pageSize=5' })).json();
    expect(all.items).toHaveLength(5);
    expect(all.total).toBeGreaterThan(5);
    expect(all.items[0].id).toBeGreaterThan(all.items[1].id);

    const roles = (await auditor.request({ method: 'GET', url: '/api/audit?action=role.' })).json();
    expect(roles.items.map((e: { action: string }) => e.action).sort()).toEqual([
      'role.create',
      'role.create',
      'role.delete',
      'role.update',
    ]);
    const update = roles.items.find((e: { action: string }) => e.action === 'role.update');
    expect(update.before.permissions).toEqual(['audit.read', 'customers.read']);
    expect(update.after.permissions).toEqual(['customers.read']);

    const byEntity = (
      await auditor.request({ method: 'GET', url: '/api/audit?entity=role&entityId=temp_role' })
    ).json();
    expect(byEntity.total).toBe(2);
    const byActor = (
      await auditor.request({ method: 'GET', url: '/api/audit?actor=viewer' })
    ).json();
    expect(byActor.items.every((e: { actorName: string }) => e.actorName === 'viewer')).toBe(true);
    expect(byActor.total).toBeGreaterThan(0);
    const text = (
      await auditor.request({ method: 'GET', url: '/api/audit?q=Audit%20VIEWER' })
    ).json();
    expect(text.items.some((e: { entityId: string }) => e.entityId === 'audit_viewer')).toBe(true);
    const future = (
      await auditor.request({ method: 'GET', url: '/api/audit?from=2999-01-01' })
    ).json();
    expect(future.total).toBe(0);
    const bad = await auditor.request({ method: 'GET', url: '/api/audit?from=yesterday' });
    expect(bad.statusCode).toBe(400);
  });

  it('exports the filtered entries as CSV and XLSX, and verifies the chain', async () => {
    const csv = await auditor.request({
      method: 'GET',
      url: '/api/audit/export?action=role.&lang=en',
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toMatch(/^Seq,At,Actor,Action/);
    expect(lines).toHaveLength(5);
    const xlsx = await auditor.request({ method: 'GET', url: '/api/audit/export?format=xlsx' });
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');

    const verify = (await auditor.request({ method: 'GET', url: '/api/audit/verify' })).json();
    expect(verify).toMatchObject({ ok: true, problem: null });
    expect(verify.entries).toBeGreaterThan(10);
    // Exports are recorded too.
    const exports = (
      await auditor.request({ method: 'GET', url: '/api/audit?action=audit.export' })
    ).json();
    expect(exports.total).toBe(2);
  });
});
