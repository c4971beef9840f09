import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createUser } from '../../src/app/auth/users.service';
import { ensureFirstAdmin } from '../../src/app/bootstrap';
import { systemCtx } from '../../src/app/context';
import { loadDemo } from '../../src/app/demo/demo.service';
import { seedDemoTiering } from '../../src/app/demo/demo-tiering';
import { describeEachEngine } from '../support/engines';
import { type Client, signIn, testServer } from '../support/http';

const PASSWORD = 'Accounts-pass-123';
const MONTH = '2026-11';

describeEachEngine('account managers and visits through the API', ({ deps }) => {
  let app: FastifyInstance;
  let admin: Client;
  let am: Client;
  let amId = 0;
  let am2Id = 0;
  /** Two A-tier customers and one C-tier customer. */
  let a1 = 0;
  let a2 = 0;
  let c1 = 0;

  const byTier = async (tier: string) =>
    (
      await deps()
        .store.db.selectFrom('customer_tiers as t')
        .innerJoin('customers as c', 'c.id', 't.customer_id')
        .select('t.customer_id')
        .where('t.tier', '=', tier)
        .where('c.type', '!=', 'group')
        .orderBy('t.customer_id')
        .execute()
    ).map((r) => Number(r.customer_id));
  const ownerOf = async (id: number) =>
    (
      await deps()
        .store.db.selectFrom('customers')
        .select('owner_id')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).owner_id;

  beforeAll(async () => {
    await ensureFirstAdmin(deps());
    await loadDemo(deps(), { customers: 150, seed: 11, asOf: '2026-11-30' });
    await seedDemoTiering(deps(), '2026-11-30', () => {});
    for (const username of ['am', 'am2'])
      await createUser(deps(), systemCtx(), {
        username,
        displayName: username,
        password: PASSWORD,
        roleId: 'account_manager',
        region: '华东',
      });
    app = (await testServer(deps())).app;
    admin = await signIn(app);
    am = await signIn(app, 'am', PASSWORD);
    const users = await deps().store.db.selectFrom('users').select(['id', 'username']).execute();
    amId = Number(users.find((u) => u.username === 'am')?.id);
    am2Id = Number(users.find((u) => u.username === 'am2')?.id);
    [a1 = 0, a2 = 0] = await byTier('A');
    [c1 = 0] = await byTier('C');
  }, 180_000);
  afterAll(async () => {
    await app.close();
  });

  it('assigns all or nothing: an unknown customer id is named and nothing changes', async () => {
    const before = await ownerOf(a1);
    const bad = await admin.request({
      method: 'POST',
      url: '/api/accounts/assign',
      payload: { customerIds: [a1, 987654], ownerId: amId },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues).toEqual([
      expect.objectContaining({ field: 'customerIds.1', value: 987654 }),
    ]);
    expect(bad.json().error.details.issues[0].message).toContain('987654');
    expect(await ownerOf(a1)).toBe(before);
    const notOwner = await admin.request({
      method: 'POST',
      url: '/api/accounts/assign',
      payload: { customerIds: [a1], ownerId: 987654 },
    });
    expect(notOwner.json().error.details.issues[0].field).toBe('ownerId');
    const ok = await admin.request({
      method: 'POST',
      url: '/api/accounts/assign',
      payload: { customerIds: [a1, a2], ownerId: amId },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().changed.map((c: { toOwnerId: number }) => c.toOwnerId)).toEqual([amId, amId]);
    expect(await ownerOf(a2)).toBe(amId);
    // The new owner hears of it in the inbox.
    const inbox = (await am.request({ method: 'GET', url: '/api/notifications' })).json();
    expect(inbox.items[0]).toMatchObject({
      kind: 'accounts.customers_assigned',
      payload: { count: 2 },
    });
  });

  it('refuses account work to account managers and names invalid fields', async () => {
    for (const [url, payload] of [
      ['/api/accounts/assign', { customerIds: [a1], ownerId: amId }],
      ['/api/accounts/auto-assign', { dryRun: true }],
      ['/api/accounts/visit-plans/generate', { month: MONTH }],
      ['/api/accounts/reassign', { fromOwnerId: amId, toOwnerId: null, reason: 'x' }],
    ] as const)
      expect((await am.request({ method: 'POST', url, payload })).statusCode).toBe(403);
    const month = await admin.request({
      method: 'POST',
      url: '/api/accounts/visit-plans/generate',
      payload: { month: '2026-13' },
    });
    expect(month.statusCode).toBe(400);
    expect(month.json().error.details.issues[0].field).toBe('month');
    const reason = await admin.request({
      method: 'POST',
      url: '/api/accounts/reassign',
      payload: { fromOwnerId: amId, toOwnerId: am2Id, reason: ' ' },
    });
    expect(reason.json().error.details.issues[0].field).toBe('reason');
    const empty = await admin.request({
      method: 'POST',
      url: '/api/accounts/assign',
      payload: { customerIds: [], ownerId: amId },
    });
    expect(empty.json().error.details.issues[0].field).toBe('customerIds');
  });

  it('shows an account manager only their own plans', async () => {
    const gen = await admin.request({
      method: 'POST',
      url: '/api/accounts/visit-plans/generate',
      payload: { month: MONTH },
    });
    expect(gen.statusCode).toBe(200);
    const mine = (
      await am.request({ method: 'GET', url: `/api/accounts/visit-plans?month=${MONTH}` })
    ).json();
    expect(mine.ownerId).toBe(amId);
    expect(mine.items.map((i: { customerId: number }) => i.customerId)).toEqual([a1, a2]);
    expect(mine.items[0]).toMatchObject({ tier: 'A', planned: 4, ceiling: 6, done: 0 });
    const other = await am.request({
      method: 'GET',
      url: `/api/accounts/visit-plans?month=${MONTH}&ownerId=${am2Id}`,
    });
    expect(other.statusCode).toBe(403);
    const all = (
      await admin.request({ method: 'GET', url: `/api/accounts/visit-plans?month=${MONTH}` })
    ).json();
    expect(all.items.length).toBeGreaterThan(2);
  });

  it('logs a visit by the owner and the coverage rises; others are refused', async () => {
    const cov = async () =>
      (await admin.request({ method: 'GET', url: `/api/accounts/coverage?month=${MONTH}` })).json();
    const before = await cov();
    expect(before.target).toBe(0.6);
    const mineBefore = before.owners.find((o: { ownerId: number }) => o.ownerId === amId);
    expect(mineBefore).toMatchObject({ priority: 2, visited: 0, share: 0, meetsTarget: false });
    const logged = await am.request({
      method: 'POST',
      url: `/api/customers/${a1}/visits`,
      payload: { visitedOn: '2026-11-20', purpose: '季度回顾' },
    });
    expect(logged.statusCode).toBe(201);
    expect(logged.json()).toMatchObject({ customerId: a1, userId: amId, visitedOn: '2026-11-20' });
    const after = await cov();
    expect(after.overall.visited).toBe(before.overall.visited + 1);
    expect(after.owners.find((o: { ownerId: number }) => o.ownerId === amId)).toMatchObject({
      priority: 2,
      visited: 1,
      share: 0.5,
    });
    expect(after.notVisited.map((n: { customerId: number }) => n.customerId)).toContain(a2);
    const plans = (
      await am.request({ method: 'GET', url: `/api/accounts/visit-plans?month=${MONTH}` })
    ).json();
    expect(plans.items[0]).toMatchObject({ customerId: a1, done: 1 });

    const future = await am.request({
      method: 'POST',
      url: `/api/customers/${a1}/visits`,
      payload: { visitedOn: '2027-01-01' },
    });
    expect(future.json().error.details.issues[0].field).toBe('visitedOn');
    const notMine = await am.request({
      method: 'POST',
      url: `/api/customers/${c1}/visits`,
      payload: { visitedOn: '2026-11-20' },
    });
    // Another owner's customer is outside the account manager's row scope: it reads as absent.
    expect(notMine.statusCode).toBe(404);
    const list = (await am.request({ method: 'GET', url: `/api/customers/${a1}/visits` })).json();
    expect(list).toMatchObject({ total: 1, items: [{ purpose: '季度回顾' }] });
  });

  it('lists the pool and owners, and reassigns every customer of an owner who leaves', async () => {
    const pool = (
      await admin.request({ method: 'GET', url: '/api/accounts/pool?tier=C&pageSize=5' })
    ).json();
    expect(pool.items.length).toBeGreaterThan(0);
    expect(pool.items.every((i: { model: string }) => i.model === 'pooled')).toBe(true);
    const owners = (await admin.request({ method: 'GET', url: '/api/accounts/owners' })).json();
    expect(owners.owners.find((o: { id: number }) => o.id === amId)).toMatchObject({
      customers: 2,
      load: 8,
      byTier: { A: 2 },
    });
    const moved = await admin.request({
      method: 'POST',
      url: '/api/accounts/reassign',
      payload: { fromOwnerId: amId, toOwnerId: am2Id, reason: '调岗' },
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ toPool: 0 });
    expect(await ownerOf(a1)).toBe(am2Id);
    // The month's plan lines followed the customers.
    const mine = (
      await am.request({ method: 'GET', url: `/api/accounts/visit-plans?month=${MONTH}` })
    ).json();
    expect(mine.items).toEqual([]);
  });
});
