import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Server } from '../../src/api/server';
import { createUser } from '../../src/app/auth/users.service';
import { ensureFirstAdmin } from '../../src/app/bootstrap';
import { systemCtx } from '../../src/app/context';
import type { Deps } from '../../src/app/deps';
import { freshDeps } from '../support/engines';
import { signIn } from '../support/http';

/** Fills path parameters so every registered route can be called. */
function concrete(url: string): string {
  return url.replace(/:(\w+)/g, '1').replace(/\*$/, 'x');
}

describe('access control on every route', () => {
  let deps: Deps;
  let dispose: () => Promise<void>;
  let server: Server;
  beforeAll(async () => {
    ({ deps, dispose } = await freshDeps('sqlite'));
    await ensureFirstAdmin(deps);
    await createUser(deps, systemCtx(), {
      username: 'agent',
      displayName: '客服小王',
      password: 'Agent-pass-123',
      roleId: 'service_agent',
    });
    const { buildServer } = await import('../../src/api/server');
    server = await buildServer(deps, { logger: false, webDir: '/nonexistent' });
    // A route that forgets to declare its access: it must be refused, not served.
    server.app.get('/api/undeclared', async () => ({ leaked: true }));
    await server.app.ready();
  });
  afterAll(async () => {
    await server.app.close();
    await dispose();
  });

  it('every route of ours declares its access', () => {
    const ours = server.routes.filter((r) => !r.url.startsWith('/api/docs'));
    const missing = ours.filter((r) => !r.access && r.url !== '/api/undeclared');
    expect(missing).toEqual([]);
    expect(ours.length).toBeGreaterThan(5);
  });

  it('a route without a declaration is refused even to the admin', async () => {
    const admin = await signIn(server.app);
    const res = await admin.request({ method: 'GET', url: '/api/undeclared' });
    expect(res.statusCode).toBe(403);
    expect(res.body).not.toContain('leaked');
  });

  it('every non-public route answers 401 without a session', async () => {
    const checked: string[] = [];
    for (const r of server.routes) {
      if (r.access === 'public' || r.method === 'HEAD' || r.url === '/api/undeclared') continue;
      const res = await server.app.inject({ method: r.method as 'GET', url: concrete(r.url) });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
      checked.push(`${r.method} ${r.url}`);
    }
    expect(checked.length).toBeGreaterThan(5);
  });

  it('a role without the permission gets 403 and nothing changes', async () => {
    const agent = await signIn(server.app, 'agent', 'Agent-pass-123');
    const res = await agent.request({
      method: 'POST',
      url: '/api/customers',
      payload: { code: 'X1', name: 'x', type: 'enterprise' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({
      code: 'FORBIDDEN',
      details: { permission: 'customers.write' },
    });
    const n = await deps.store.db
      .selectFrom('customers')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(0);
    expect((await agent.request({ method: 'GET', url: '/api/customers' })).statusCode).toBe(200);
  });

  it('a write with the cookie but without the CSRF header is refused', async () => {
    const admin = await signIn(server.app);
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/customers',
      headers: { cookie: admin.cookie },
      payload: { code: 'CSRF1', name: 'x', type: 'enterprise' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF');
    const wrong = await server.app.inject({
      method: 'POST',
      url: '/api/customers',
      headers: { cookie: admin.cookie, 'x-csrf-token': 'forged' },
      payload: { code: 'CSRF1', name: 'x', type: 'enterprise' },
    });
    expect(wrong.statusCode).toBe(403);
  });

  it('unknown API paths get a JSON 404', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });
});
