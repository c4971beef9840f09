import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureFirstAdmin } from '../../src/app/bootstrap';
import { describeEachEngine } from '../support/engines';
import { signIn, testServer } from '../support/http';

describeEachEngine('sign-in and sessions', ({ deps }) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    await ensureFirstAdmin(deps());
    app = (await testServer(deps())).app;
  });
  afterAll(async () => {
    await app.close();
  });

  it('stores the password as an argon2id hash', async () => {
    const row = await deps()
      .store.db.selectFrom('users')
      .select('password_hash')
      .where('username', '=', 'admin')
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('signs in with an httpOnly cookie and reports the user and permissions', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: 'Admin-pass-123' },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'td_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    expect(res.json().user.username).toBe('admin');
    expect(res.json().permissions).toContain('customers.write');
    expect(res.json().csrfToken).toBeTruthy();
  });

  it('refuses a wrong password and an unknown user with the same message', async () => {
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: 'nope-nope-1' },
    });
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'ghost', password: 'nope-nope-1' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe(unknown.json().error.message);
    const failures = await deps()
      .store.db.selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'auth.login_failed')
      .execute();
    expect(failures.length).toBeGreaterThanOrEqual(2);
  });

  it('names the missing field in a bad sign-in body', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'a' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues[0].field).toBe('password');
  });

  it('signs out: the old cookie no longer works', async () => {
    const c = await signIn(app);
    expect((await c.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    expect((await c.request({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(204);
    expect((await c.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });

  it('rejects a forged session cookie', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: 'td_session=forged-token' },
    });
    expect(res.statusCode).toBe(401);
  });

  it('answers /healthz with the engine', async () => {
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('ok');
  });
});
