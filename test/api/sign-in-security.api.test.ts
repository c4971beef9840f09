import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createUser } from '../../src/app/auth/users.service';
import { ensureFirstAdmin } from '../../src/app/bootstrap';
import { systemCtx } from '../../src/app/context';
import { describeEachEngine } from '../support/engines';
import { type Client, signIn, testServer } from '../support/http';

/** API tokens, sessions, passwords, rate limits, security headers and CORS. */
describeEachEngine('sign-in security', ({ deps }) => {
  const PASSWORD = 'Secure-pass-1234';
  let app: FastifyInstance;
  /** A second server on the same database with low rate limits and one allowed CORS origin. */
  let hardened: FastifyInstance;
  let admin: Client;
  /** Ann holds an auditor role given tokens.manage for this file. */
  let ann: Client;
  const db = () => deps().store.db;

  beforeAll(async () => {
    await ensureFirstAdmin(deps());
    await createUser(deps(), systemCtx(), {
      username: 'sam',
      displayName: 'Sam',
      password: PASSWORD,
      roleId: 'finance',
    });
    await db()
      .updateTable('roles')
      .set({ permissions: JSON.stringify(['customers.read', 'frontline.read', 'tokens.manage']) })
      .where('id', '=', 'auditor')
      .execute();
    await createUser(deps(), systemCtx(), {
      username: 'ann',
      displayName: 'Ann',
      password: PASSWORD,
      roleId: 'auditor',
    });
    app = (await testServer(deps())).app;
    hardened = (
      await testServer({
        ...deps(),
        config: {
          ...deps().config,
          rateLimits: { loginPerMinute: 3, globalPerMinute: 12 },
          security: {
            corsOrigins: ['https://crm.example.com'],
            embedOrigins: ['https://crm.example.com'],
            trustProxy: ['127.0.0.1'],
          },
        },
      })
    ).app;
    admin = await signIn(app);
    ann = await signIn(app, 'ann', PASSWORD);
  });
  afterAll(async () => {
    await app.close();
    await hardened.close();
  });

  it('shows a token once, stores only its hash, and acts as its user with its permissions', async () => {
    const res = await ann.request({
      method: 'POST',
      url: '/api/tokens',
      payload: { name: 'CRM sync', permissions: ['customers.read'], days: 30 },
    });
    expect(res.statusCode, res.body).toBe(201);
    const { token, secret } = res.json();
    expect(secret).toMatch(/^tdk_[A-Za-z0-9_-]{43}$/);
    expect(token.prefix).toBe(secret.slice(0, 10));
    const row = await db()
      .selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', token.id)
      .executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(createHash('sha256').update(secret).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(secret.slice(10));
    const list = await ann.request({ method: 'GET', url: '/api/tokens' });
    expect(list.body).not.toContain(secret.slice(10));
    expect(list.json().items[0]).toMatchObject({ name: 'CRM sync', status: 'active' });
    const audit = await db()
      .selectFrom('audit_log')
      .select('after')
      .where('action', '=', 'token.create')
      .execute();
    expect(JSON.stringify(audit)).not.toContain(secret.slice(10));

    const me = await app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.username).toBe('ann');
    expect(me.json().permissions).toEqual(['customers.read']);
  });

  it('records the last use at most once a minute', async () => {
    const { token, secret } = (
      await ann.request({
        method: 'POST',
        url: '/api/tokens',
        payload: { name: 'kiosk', permissions: ['frontline.read'], days: 7 },
      })
    ).json();
    const lastUse = async () =>
      (
        await db()
          .selectFrom('api_tokens')
          .select(['last_used_at', 'last_used_ip'])
          .where('id', '=', token.id)
          .executeTakeFirstOrThrow()
      ).last_used_at;
    expect(await lastUse()).toBeNull();
    const call = () =>
      app.inject({
        method: 'GET',
        url: '/api/auth/me',
        headers: { authorization: `Bearer ${secret}` },
      });
    await call();
    const first = await lastUse();
    expect(first).not.toBeNull();
    await call();
    expect(await lastUse()).toBe(first);
    const listed = (await ann.request({ method: 'GET', url: '/api/tokens' })).json().items;
    expect(listed.find((t: { id: number }) => t.id === token.id).lastUsedIp).toBe('127.0.0.1');
  });

  it('refuses permissions its creator lacks, a missing or too long expiry', async () => {
    const make = (payload: object) => ann.request({ method: 'POST', url: '/api/tokens', payload });
    const beyond = await make({ name: 'x', permissions: ['users.manage'], days: 1 });
    expect(beyond.statusCode).toBe(400);
    expect(beyond.json().error.details.issues[0].field).toBe('permissions');
    const long = await make({ name: 'x', permissions: ['customers.read'], days: 366 });
    expect(long.json().error.details.issues[0].field).toBe('days');
    const none = await make({ name: 'x', permissions: ['customers.read'] });
    expect(none.statusCode).toBe(400);
  });

  it('uses the bearer and ignores a cookie sent beside it; no CSRF token needed', async () => {
    const { token, secret } = (
      await ann.request({
        method: 'POST',
        url: '/api/tokens',
        payload: { name: 'writer', permissions: ['tokens.manage'], days: 1 },
      })
    ).json();
    const bearer = { authorization: `Bearer ${secret}`, cookie: admin.cookie };
    const mint = await app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: bearer,
      payload: { name: 'successor', permissions: ['tokens.manage'], days: 365 },
    });
    expect(mint.statusCode).toBe(403); // a token cannot mint tokens
    const res = await app.inject({
      method: 'DELETE',
      url: `/api/tokens/${token.id}`,
      headers: bearer,
    });
    expect(res.statusCode, res.body).toBe(200);
    const row = await db()
      .selectFrom('api_tokens as t')
      .innerJoin('users as u', 'u.id', 't.revoked_by')
      .select('u.username')
      .where('t.id', '=', token.id)
      .executeTakeFirstOrThrow();
    expect(row.username).toBe('ann');
  });

  it('lets users list only their own tokens; an administrator sees and revokes anyone’s', async () => {
    const other = await signIn(app, 'sam', PASSWORD);
    const denied = await other.request({ method: 'GET', url: '/api/tokens?all=true' });
    expect(denied.statusCode).toBe(403); // finance has no tokens.manage
    const all = (await admin.request({ method: 'GET', url: '/api/tokens?all=true' })).json().items;
    expect(all.length).toBeGreaterThanOrEqual(3);
    const target = all.find((t: { username: string }) => t.username === 'ann');
    const r = await admin.request({ method: 'DELETE', url: `/api/tokens/${target.id}` });
    expect(r.json().status).toBe('revoked');
    const ownOnly = (await ann.request({ method: 'GET', url: '/api/tokens?all=true' })).statusCode;
    expect(ownOnly).toBe(403);
  });

  it('lists and ends sessions; a password change ends the other sessions', async () => {
    const phone = await signIn(app, 'sam', PASSWORD);
    const laptop = await signIn(app, 'sam', PASSWORD);
    const mine = (await laptop.request({ method: 'GET', url: '/api/auth/sessions' })).json().items;
    expect(mine.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    expect(mine.every((s: { username: string }) => s.username === 'sam')).toBe(true);
    const weak = await laptop.request({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: PASSWORD, newPassword: 'sam-password-1' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details.issues[0]).toMatchObject({ field: 'newPassword' });
    const ok = await laptop.request({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: PASSWORD, newPassword: 'Fresh-secret-2026' },
    });
    expect(ok.statusCode, ok.body).toBe(204);
    expect((await phone.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    expect((await laptop.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
  });

  it('an administrator resets a password (policy checked) and ends all the user’s sessions', async () => {
    const s = await signIn(app, 'sam', 'Fresh-secret-2026');
    const id = (await s.request({ method: 'GET', url: '/api/auth/me' })).json().user.id;
    const bad = await admin.request({
      method: 'POST',
      url: `/api/users/${id}/password`,
      payload: { newPassword: 'short1A' },
    });
    expect(bad.statusCode).toBe(400);
    const res = await admin.request({
      method: 'POST',
      url: `/api/users/${id}/password`,
      payload: { newPassword: PASSWORD },
    });
    expect(res.statusCode).toBe(204);
    expect((await s.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    const end = await admin.request({ method: 'DELETE', url: `/api/users/${id}/sessions` });
    expect(end.json().ended).toBe(0);
  });

  it('refuses a new user’s password that breaks the policy, naming the field', async () => {
    const res = await admin.request({
      method: 'POST',
      url: '/api/users',
      payload: {
        username: 'zhangwei',
        displayName: '张伟',
        password: 'Zhangwei-2026',
        roleId: 'finance',
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues).toContainEqual({
      field: 'password',
      message: 'password must not contain the username',
    });
  });

  it('believes X-Forwarded-For only from a trusted proxy', async () => {
    const sessionIp = async (server: FastifyInstance) => {
      const login = await server.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'x-forwarded-for': '203.0.113.9' },
        payload: { username: 'ann', password: PASSWORD },
      });
      expect(login.statusCode).toBe(200);
      const cookie = login.cookies.find((c) => c.name === 'td_session')!;
      const list = await server.inject({
        method: 'GET',
        url: '/api/auth/sessions',
        cookies: { td_session: cookie.value },
      });
      return (list.json().items as { ip: string; current: boolean }[]).find((s) => s.current)?.ip;
    };
    // The hardened server trusts the proxy at 127.0.0.1 (where inject comes from).
    expect(await sessionIp(hardened)).toBe('203.0.113.9');
    // By default the header is anyone's to send, so the peer address is used.
    expect(await sessionIp(app)).toBe('127.0.0.1');
  });

  it('sends security headers', async () => {
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['strict-transport-security']).toBeTruthy();
    // The embeddable card may be framed: by any origin by default, by the listed ones when set.
    const embed = await app.inject({ method: 'GET', url: '/embed/card?code=C1' });
    expect(embed.headers['content-security-policy']).toContain("frame-ancestors 'self' *");
    expect(embed.headers['x-frame-options']).toBeUndefined();
    const listed = await hardened.inject({ method: 'GET', url: '/embed/card?code=C1' });
    expect(listed.headers['content-security-policy']).toContain(
      "frame-ancestors 'self' https://crm.example.com",
    );
  });

  it('allows CORS only from listed origins', async () => {
    const preflight = (server: FastifyInstance, origin: string) =>
      server.inject({
        method: 'OPTIONS',
        url: '/api/customers',
        headers: {
          origin,
          'access-control-request-method': 'GET',
          'access-control-request-headers': 'authorization',
        },
      });
    const allowed = await preflight(hardened, 'https://crm.example.com');
    expect(allowed.statusCode).toBe(204);
    expect(allowed.headers['access-control-allow-origin']).toBe('https://crm.example.com');
    expect(allowed.headers['access-control-allow-credentials']).toBeUndefined();
    const denied = await preflight(hardened, 'https://evil.example.net');
    expect(denied.headers['access-control-allow-origin']).toBeUndefined();
    const byDefault = await preflight(app, 'https://crm.example.com');
    expect(byDefault.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('rate-limits sign-ins per address, then everything (429 with Retry-After)', async () => {
    const login = () =>
      hardened.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'nobody-here', password: 'Wrong-pass-123' },
        remoteAddress: '10.1.1.1',
      });
    for (let i = 0; i < 3; i++) expect((await login()).statusCode).toBe(401);
    const limited = await login();
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.json().error).toMatchObject({
      code: 'RATE_LIMITED',
      details: { reason: 'rate_limited', limit: 'login' },
    });
    // Another address is not affected.
    const elsewhere = await hardened.inject({
      method: 'GET',
      url: '/healthz',
      remoteAddress: '10.2.2.2',
    });
    expect(elsewhere.statusCode).toBe(200);
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) {
      codes.push(
        (await hardened.inject({ method: 'GET', url: '/healthz', remoteAddress: '10.1.1.1' }))
          .statusCode,
      );
    }
    expect(codes.at(-1)).toBe(429);
  });
});
