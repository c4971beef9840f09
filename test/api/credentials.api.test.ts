import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { forgetSessions } from '../../src/app/auth/sessions.service';
import { createUser } from '../../src/app/auth/users.service';
import { ensureFirstAdmin } from '../../src/app/bootstrap';
import { systemCtx } from '../../src/app/context';
import { describeEachEngine } from '../support/engines';
import { type Client, signIn, testServer } from '../support/http';

/**
 * Every kind of bad credential is refused with the right status, changes nothing, and leaves
 * one `auth.refused` (or `auth.login_failed` / `auth.login_locked`) audit entry.
 */
describeEachEngine('bad credentials', ({ deps }) => {
  const PASSWORD = 'Cred-pass-1234';
  let app: FastifyInstance;
  let admin: Client;
  let clerk: Client;
  let tokenSecret: string;

  const db = () => deps().store.db;
  const count = async (table: 'api_tokens' | 'sessions') =>
    Number(
      (
        await db()
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const refusals = async () =>
    (
      await db()
        .selectFrom('audit_log')
        .select(['action', 'after'])
        .where('action', 'in', ['auth.refused', 'auth.login_failed', 'auth.login_locked'])
        .orderBy('id')
        .execute()
    ).map((r) => ({ action: r.action, ...(JSON.parse(r.after ?? '{}') as object) }));

  /** Sends a request expected to be refused: checks the status, the row count and the audit. */
  async function refused(
    opts: InjectOptions,
    status: number,
    audit: { action?: string; reason?: string } = {},
  ) {
    const tokensBefore = await count('api_tokens');
    const auditBefore = (await refusals()).length;
    const res = await app.inject(opts);
    expect(res.statusCode, res.body).toBe(status);
    expect(await count('api_tokens')).toBe(tokensBefore);
    const after = await refusals();
    expect(after.length).toBe(auditBefore + 1);
    expect(after.at(-1)).toMatchObject({ action: audit.action ?? 'auth.refused', ...audit });
    return res;
  }

  const newToken = { name: 'probe', permissions: ['frontline.read'], days: 1 };
  const write = (headers: Record<string, string>): InjectOptions => ({
    method: 'POST',
    url: '/api/tokens',
    headers,
    payload: newToken,
  });

  beforeAll(async () => {
    await ensureFirstAdmin(deps());
    for (const [username, roleId] of [
      ['clerk', 'general_manager'],
      ['gone', 'general_manager'],
      ['locky', 'finance'],
    ]) {
      await createUser(deps(), systemCtx(), {
        username: username as string,
        displayName: username as string,
        password: PASSWORD,
        roleId: roleId as string,
      });
    }
    app = (await testServer(deps())).app;
    admin = await signIn(app);
    clerk = await signIn(app, 'clerk', PASSWORD);
    const res = await clerk.request({
      method: 'POST',
      url: '/api/tokens',
      payload: { name: 'crm', permissions: ['customers.read', 'tokens.manage'], days: 30 },
    });
    expect(res.statusCode, res.body).toBe(201);
    tokenSecret = res.json().secret;
  });
  afterAll(async () => {
    await app.close();
  });

  const login = (username: string, password: string): InjectOptions => ({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
  });

  it('refuses a wrong password, an unknown user and a disabled user alike (401)', async () => {
    const sessions = await count('sessions');
    const wrong = await refused(login('clerk', 'Wrong-pass-123'), 401, {
      action: 'auth.login_failed',
    });
    const unknown = await refused(login('nobody', 'Wrong-pass-123'), 401, {
      action: 'auth.login_failed',
    });
    await db().updateTable('users').set({ active: 0 }).where('username', '=', 'gone').execute();
    const disabled = await refused(login('gone', PASSWORD), 401, { action: 'auth.login_failed' });
    expect(wrong.json().error).toEqual(unknown.json().error);
    expect(disabled.json().error).toEqual(unknown.json().error);
    expect(await count('sessions')).toBe(sessions);
  });

  it('locks a username after 5 failures: 429 with Retry-After even for the right password', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await app.inject(login('locky', `Wrong-pass-${i}00`))).statusCode).toBe(401);
    }
    const sessions = await count('sessions');
    const res = await refused(login('locky', PASSWORD), 429, { action: 'auth.login_locked' });
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(50);
    expect(res.json().error.code).toBe('RATE_LIMITED');
    expect(res.json().error.details.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(await count('sessions')).toBe(sessions);
    // An unknown username is locked the same way, so a lock reveals nothing.
    for (let i = 0; i < 5; i++) await app.inject(login('ghost', `Wrong-pass-${i}00`));
    expect((await app.inject(login('ghost', PASSWORD))).statusCode).toBe(429);
  });

  it('doubles the lock with each failure after it passes, and a success clears it', async () => {
    const passLock = () =>
      db()
        .updateTable('login_throttles')
        .set({ locked_until: new Date(Date.now() - 1000).toISOString() })
        .where('username', '=', 'locky')
        .execute();
    await passLock();
    const t0 = Date.now();
    expect((await app.inject(login('locky', 'Wrong-pass-600'))).statusCode).toBe(401);
    const row = await db()
      .selectFrom('login_throttles')
      .selectAll()
      .where('username', '=', 'locky')
      .executeTakeFirstOrThrow();
    expect(row.failures).toBe(6);
    const lockMs = Date.parse(String(row.locked_until)) - t0;
    expect(lockMs).toBeGreaterThan(110_000);
    expect(lockMs).toBeLessThan(130_000);
    await passLock();
    expect((await app.inject(login('locky', PASSWORD))).statusCode).toBe(200);
    const cleared = await db()
      .selectFrom('login_throttles')
      .selectAll()
      .where('username', '=', 'locky')
      .executeTakeFirst();
    expect(cleared).toBeUndefined();
  });

  it('refuses a forged cookie, and clears it (401)', async () => {
    const res = await refused(
      write({ cookie: 'td_session=forged-token-value', 'x-csrf-token': 'x' }),
      401,
      { reason: 'unknown' },
    );
    expect(res.cookies.find((c) => c.name === 'td_session')?.value).toBe('');
  });

  it('refuses an expired session: idle too long, and past its absolute lifetime (401)', async () => {
    const idle = await signIn(app, 'clerk', PASSWORD);
    await db()
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('csrf_token', '=', idle.csrfToken)
      .execute();
    forgetSessions();
    await refused(write({ cookie: idle.cookie, 'x-csrf-token': idle.csrfToken }), 401, {
      reason: 'expired',
    });
    const old = await signIn(app, 'clerk', PASSWORD);
    await db()
      .updateTable('sessions')
      .set({ created_at: new Date(Date.now() - 100 * 3_600_000).toISOString() })
      .where('csrf_token', '=', old.csrfToken)
      .execute();
    forgetSessions();
    await refused({ method: 'GET', url: '/api/auth/me', headers: { cookie: old.cookie } }, 401, {
      reason: 'expired',
    });
  });

  it('refuses a session an administrator ended (401)', async () => {
    const victim = await signIn(app, 'clerk', PASSWORD);
    const list = await admin.request({ method: 'GET', url: '/api/auth/sessions?all=true' });
    const mine = (await victim.request({ method: 'GET', url: '/api/auth/sessions' })).json()
      .items as { id: string; current: boolean }[];
    const id = mine.find((s) => s.current)?.id;
    expect(list.json().items.map((s: { id: string }) => s.id)).toContain(id);
    const end = await admin.request({ method: 'DELETE', url: `/api/auth/sessions/${id}` });
    expect(end.statusCode).toBe(204);
    await refused(write({ cookie: victim.cookie, 'x-csrf-token': victim.csrfToken }), 401, {
      reason: 'unknown',
    });
  });

  it('refuses a cookie write with a missing, wrong or other session’s CSRF token (403)', async () => {
    const other = await signIn(app, 'clerk', PASSWORD);
    await refused(write({ cookie: clerk.cookie }), 403, { reason: 'csrf_missing' });
    await refused(write({ cookie: clerk.cookie, 'x-csrf-token': 'made-up' }), 403, {
      reason: 'csrf_mismatch',
    });
    await refused(write({ cookie: clerk.cookie, 'x-csrf-token': other.csrfToken }), 403, {
      reason: 'csrf_mismatch',
    });
  });

  it('refuses a CSRF token replayed after sign-out and a new sign-in', async () => {
    const first = await signIn(app, 'clerk', PASSWORD);
    expect((await first.request({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(204);
    await refused(write({ cookie: first.cookie, 'x-csrf-token': first.csrfToken }), 401, {
      reason: 'unknown',
    });
    const second = await signIn(app, 'clerk', PASSWORD);
    expect(second.csrfToken).not.toBe(first.csrfToken);
    await refused(write({ cookie: second.cookie, 'x-csrf-token': first.csrfToken }), 403, {
      reason: 'csrf_mismatch',
    });
  });

  it('refuses a malformed bearer (401) with WWW-Authenticate', async () => {
    for (const authorization of ['Bearer', 'Basic Y2xlcms6eA==', 'Bearer tdk_short', 'tdk_x']) {
      const res = await refused(
        { method: 'GET', url: '/api/auth/me', headers: { authorization } },
        401,
        { reason: 'malformed', credential: 'bearer' } as never,
      );
      expect(res.headers['www-authenticate']).toContain('Bearer');
    }
    await refused(write({ authorization: `Bearer tdk_${'A'.repeat(43)}` }), 401, {
      reason: 'unknown',
    });
  });

  it('refuses a token used beyond its permissions (403)', async () => {
    const res = await clerk.request({
      method: 'POST',
      url: '/api/tokens',
      payload: { name: 'reader', permissions: ['customers.read'], days: 1 },
    });
    const reader = res.json().secret as string;
    await refused(write({ authorization: `Bearer ${reader}` }), 403, { reason: 'forbidden' });
    // A token never holds more than its user's role holds now.
    await db()
      .updateTable('users')
      .set({ role_id: 'service_agent' })
      .where('username', '=', 'clerk')
      .execute();
    forgetSessions();
    await refused(write({ authorization: `Bearer ${tokenSecret}` }), 403, { reason: 'forbidden' });
    await db()
      .updateTable('users')
      .set({ role_id: 'general_manager' })
      .where('username', '=', 'clerk')
      .execute();
    forgetSessions();
  });

  it('refuses an expired token and a revoked token (401)', async () => {
    const make = async () =>
      (
        await clerk.request({
          method: 'POST',
          url: '/api/tokens',
          payload: { name: 'short', permissions: ['tokens.manage'], days: 1 },
        })
      ).json() as { token: { id: number }; secret: string };
    const expired = await make();
    await db()
      .updateTable('api_tokens')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', expired.token.id)
      .execute();
    await refused(write({ authorization: `Bearer ${expired.secret}` }), 401, { reason: 'expired' });
    const revoked = await make();
    const r = await clerk.request({ method: 'DELETE', url: `/api/tokens/${revoked.token.id}` });
    expect(r.json().status).toBe('revoked');
    await refused(write({ authorization: `Bearer ${revoked.secret}` }), 401, { reason: 'revoked' });
  });

  it('refuses the token and the sessions of a disabled user (401)', async () => {
    const id = (await clerk.request({ method: 'GET', url: '/api/auth/me' })).json().user.id;
    const off = await admin.request({
      method: 'PUT',
      url: `/api/users/${id}/active`,
      payload: { active: false },
    });
    expect(off.statusCode).toBe(204);
    await refused(write({ authorization: `Bearer ${tokenSecret}` }), 401, { reason: 'disabled' });
    await refused(write({ cookie: clerk.cookie, 'x-csrf-token': clerk.csrfToken }), 401, {
      reason: 'unknown',
    });
    const on = await admin.request({
      method: 'PUT',
      url: `/api/users/${id}/active`,
      payload: { active: true },
    });
    expect(on.statusCode).toBe(204);
    const me = await app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { authorization: `Bearer ${tokenSecret}` },
    });
    expect(me.statusCode).toBe(200);
  });
});
