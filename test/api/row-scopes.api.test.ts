import type { FastifyInstance } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { forgetSessions } from '../../src/app/auth/sessions.service';
import { ensureFirstAdmin } from '../../src/app/bootstrap';
import { describeEachEngine } from '../support/engines';
import { type Client, signIn, testServer } from '../support/http';
import {
  SCOPE_PASSWORD,
  SCOPED_ROLE,
  type ScopeCast,
  seedScopeCast,
  setRowScope,
} from '../support/row-scopes';

describeEachEngine('row scopes through the API', ({ deps }) => {
  let app: FastifyInstance;
  let cast: ScopeCast;
  let a: Client;
  let sm: Client;
  let gm: Client;
  let admin: Client;

  const codes = async (client: Client, query = '') => {
    const res = await client.request({ method: 'GET', url: `/api/customers?pageSize=100${query}` });
    expect(res.statusCode).toBe(200);
    return (res.json().items as { code: string }[]).map((c) => c.code.replace(/^RS-/, '')).sort();
  };

  beforeAll(async () => {
    await ensureFirstAdmin(deps());
    cast = await seedScopeCast(deps());
    app = (await testServer(deps())).app;
    admin = await signIn(app);
    a = await signIn(app, 'am-a', SCOPE_PASSWORD);
    sm = await signIn(app, 'sm-east', SCOPE_PASSWORD);
    gm = await signIn(app, 'gm-all', SCOPE_PASSWORD);
  });

  it('an own-scoped user sees only their customers in lists, search, tags, export and analytics', async () => {
    expect(await codes(a)).toEqual(['A1', 'A2']);
    expect(await codes(a, '&q=B1')).toEqual([]);
    expect(await codes(a, `&ownerId=${cast.users.b}`)).toEqual([]);
    const csv = await a.request({ method: 'GET', url: '/api/export/customers?format=csv' });
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('RS-A1');
    expect(csv.body).not.toContain('RS-B1');
    expect(csv.body).not.toContain('RS-C1');
    const rfm = await a.request({ method: 'GET', url: '/api/analytics/rfm' });
    expect(rfm.statusCode).toBe(200);
    expect(rfm.json().totals.customersInScope).toBe(2);
    const gmRfm = await gm.request({ method: 'GET', url: '/api/analytics/rfm' });
    expect(gmRfm.json().totals.customersInScope).toBe(5);
  });

  it('front-line card and portrait answer for own customers, 404 for others', async () => {
    const mine = await a.request({ method: 'GET', url: '/api/frontline/card?code=RS-A1' });
    expect(mine.statusCode).toBe(200);
    const other = await a.request({ method: 'GET', url: '/api/frontline/card?code=RS-B1' });
    expect(other.statusCode).toBe(404);
    const portrait = await a.request({
      method: 'GET',
      url: `/api/customers/${cast.customers.A1}/portrait`,
    });
    expect(portrait.statusCode).toBe(200);
    const hidden = await a.request({
      method: 'GET',
      url: `/api/customers/${cast.customers.B1}/portrait`,
    });
    expect(hidden.statusCode).toBe(404);
  });

  it("another owner's customer by id is 404 to read, edit, export or list sub-objects of", async () => {
    const b1 = cast.customers.B1;
    const unknown = await a.request({ method: 'GET', url: '/api/customers/999999' });
    for (const res of [
      await a.request({ method: 'GET', url: `/api/customers/${b1}` }),
      await a.request({
        method: 'PATCH',
        url: `/api/customers/${b1}`,
        payload: { name: 'x', version: 1 },
      }),
      await a.request({ method: 'GET', url: `/api/export/facts/orders?customerId=${b1}` }),
      await a.request({ method: 'GET', url: `/api/customers/${b1}/contacts` }),
      await a.request({ method: 'GET', url: `/api/customers/${b1}/entitlements` }),
      await a.request({ method: 'GET', url: `/api/customers/by-code/RS-B1` }),
    ]) {
      expect(res.statusCode).toBe(404);
      // Same answer as for an id that does not exist: nothing tells the two apart.
      expect(res.json().error.code).toBe(unknown.json().error.code);
    }
    const after = await gm.request({ method: 'GET', url: `/api/customers/${b1}` });
    expect(after.json().name).toBe('B1 客户');
  });

  it('a scoped user creates customers for themselves only', async () => {
    const mine = await a.request({
      method: 'POST',
      url: '/api/customers',
      payload: { code: 'RS-A3', name: 'A3 客户', type: 'enterprise', region: '华东' },
    });
    expect(mine.statusCode).toBe(201);
    expect(mine.json().ownerId).toBe(cast.users.a);
    const forB = await a.request({
      method: 'POST',
      url: '/api/customers',
      payload: { code: 'RS-A4', name: 'A4', type: 'enterprise', ownerId: cast.users.b },
    });
    expect(forB.statusCode).toBe(400);
    expect(forB.json().error.details.issues[0].field).toBe('ownerId');
    // Handing one's own customer to someone else is a reassignment, not an edit.
    const give = await a.request({
      method: 'PATCH',
      url: `/api/customers/${mine.json().id}`,
      payload: { ownerId: cast.users.c, version: mine.json().version },
    });
    expect(give.statusCode).toBe(400);
  });

  it('a sales manager sees their region; a general manager sees everything', async () => {
    expect(await codes(sm)).toEqual(['A1', 'A2', 'A3', 'B1']);
    const c1 = await sm.request({ method: 'GET', url: `/api/customers/${cast.customers.C1}` });
    expect(c1.statusCode).toBe(404);
    expect(await codes(gm)).toEqual(['A1', 'A2', 'A3', 'B1', 'C1', 'N1']);
  });

  it('with the role at scope team, the user sees the team’s customers but not others', async () => {
    await setRowScope(deps(), SCOPED_ROLE, 'team');
    forgetSessions();
    try {
      expect(await codes(a)).toEqual(['A1', 'A2', 'A3', 'B1']);
      const c1 = await a.request({ method: 'GET', url: `/api/customers/${cast.customers.C1}` });
      expect(c1.statusCode).toBe(404);
      const b1 = await a.request({ method: 'GET', url: `/api/customers/${cast.customers.B1}` });
      expect(b1.statusCode).toBe(200);
    } finally {
      await setRowScope(deps(), SCOPED_ROLE, 'own');
      forgetSessions();
    }
  });

  it('users carry team and region; roles list their row scope', async () => {
    const roles = await admin.request({ method: 'GET', url: '/api/roles' });
    const byId = new Map(
      (roles.json().items as { id: string; rowScope: string }[]).map((r) => [r.id, r.rowScope]),
    );
    expect(byId.get('account_manager')).toBe('own');
    expect(byId.get('sales_manager')).toBe('region');
    expect(byId.get('general_manager')).toBe('all');
    // Moving the sales manager to 华南 changes what they see on their next request.
    const moved = await admin.request({
      method: 'PATCH',
      url: `/api/users/${cast.users.sm}`,
      payload: { region: '华南', team: 'south' },
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ region: '华南', team: 'south' });
    expect(await codes(sm)).toEqual(['C1', 'N1']);
    const bad = await admin.request({
      method: 'PATCH',
      url: `/api/users/${cast.users.sm}`,
      payload: { roleId: 'nope' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues[0].field).toBe('roleId');
  });
});
