import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createUser } from '../../src/app/auth/users.service';
import { ensureFirstAdmin } from '../../src/app/bootstrap';
import { systemCtx } from '../../src/app/context';
import { loadDemo } from '../../src/app/demo/demo.service';
import { seedDemoTiering } from '../../src/app/demo/demo-tiering';
import { forgetCatalogs } from '../../src/app/policy/policy-in-force';
import { customerInput } from '../factories/customers';
import { describeEachEngine } from '../support/engines';
import { type Client, signIn, testServer } from '../support/http';

const AS_OF = '2026-11-30';
const PASSWORD = 'Entitle-pass-123';
const YEAR = new Date().toISOString().slice(0, 4);

describeEachEngine('entitlements through the API', ({ deps }) => {
  let app: FastifyInstance;
  let agent: Client;
  let auditor: Client;
  const tierOf = new Map<string, number[]>();
  const customerIn = (tier: string, n = 0) => {
    const id = tierOf.get(tier)?.[n];
    if (id === undefined) throw new Error(`no customer ${n} in tier ${tier}`);
    return id;
  };
  const use = (customerId: number, key: string, payload: Record<string, unknown> = {}) =>
    agent.request({
      method: 'POST',
      url: `/api/customers/${customerId}/entitlements/${key}/uses`,
      payload,
    });
  const balance = async (customerId: number, key: string) => {
    const res = await agent.request({
      method: 'GET',
      url: `/api/customers/${customerId}/entitlements`,
    });
    expect(res.statusCode).toBe(200);
    return (
      res.json().entitlements as {
        key: string;
        used: number;
        remaining: number | null;
        received: string[];
      }[]
    ).find((e) => e.key === key);
  };

  beforeAll(async () => {
    forgetCatalogs();
    await ensureFirstAdmin(deps());
    await loadDemo(deps(), { customers: 120, seed: 11, asOf: AS_OF });
    await seedDemoTiering(deps(), AS_OF, () => {});
    for (const [username, roleId] of [
      ['agent', 'service_agent'],
      ['auditor', 'auditor'],
    ] as const)
      await createUser(deps(), systemCtx(), {
        username,
        displayName: username,
        password: PASSWORD,
        roleId,
      });
    const rows = await deps()
      .store.db.selectFrom('customer_tiers')
      .select(['customer_id', 'tier'])
      .orderBy('customer_id')
      .execute();
    for (const r of rows)
      tierOf.set(r.tier, [...(tierOf.get(r.tier) ?? []), Number(r.customer_id)]);
    app = (await testServer(deps())).app;
    agent = await signIn(app, 'agent', PASSWORD);
    auditor = await signIn(app, 'auditor', PASSWORD);
  }, 180_000);
  afterAll(async () => {
    await app?.close();
  });

  it("lists the tier's entitlements with this period's balance", async () => {
    const res = await agent.request({
      method: 'GET',
      url: `/api/customers/${customerIn('A')}/entitlements`,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.tier).toBe('A');
    const lounge = body.entitlements.find((e: { key: string }) => e.key === 'airport_lounge');
    expect(lounge).toMatchObject({
      quantity: 4,
      period: 'year',
      periodKey: YEAR,
      used: 0,
      remaining: 4,
    });
    const support = body.entitlements.find(
      (e: { key: string }) => e.key === 'pre_order_tech_support',
    );
    expect(support.remaining).toBeNull();
    // Readers with customers.read only (auditors) see balances but may not use them.
    const seen = await auditor.request({
      method: 'GET',
      url: `/api/customers/${customerIn('A')}/entitlements`,
    });
    expect(seen.statusCode).toBe(200);
    const refused = await auditor.request({
      method: 'POST',
      url: `/api/customers/${customerIn('A')}/entitlements/airport_lounge/uses`,
      payload: {},
    });
    expect(refused.statusCode).toBe(403);
  });

  it('never overdraws a quota under concurrent uses: 10 at once against 4 give 4 uses', async () => {
    const id = customerIn('A', 1);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => use(id, 'airport_lounge', { note: `concurrent ${i}` })),
    );
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 201)).toHaveLength(4);
    expect(codes.filter((c) => c === 409)).toHaveLength(6);
    for (const r of results.filter((x) => x.statusCode === 409)) {
      expect(r.json().error.code).toBe('QUOTA_EXCEEDED');
      expect(r.json().error.details).toMatchObject({ remaining: 0, quota: 4, period: YEAR });
      expect(r.json().error.message).toContain('Airport lounge');
      expect(r.json().error.message).toContain('0 of 4');
    }
    expect(await balance(id, 'airport_lounge')).toMatchObject({ used: 4, remaining: 0 });
    const rows = await deps()
      .store.db.selectFrom('entitlement_uses')
      .select('id')
      .where('customer_id', '=', id)
      .execute();
    expect(rows).toHaveLength(4);
    const audits = await deps()
      .store.db.selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'entitlement.use')
      .where('entity_id', '=', String(id))
      .execute();
    expect(audits).toHaveLength(4);
  });

  it('returns the new balance, refuses a quantity beyond it and gives a voided use back', async () => {
    const id = customerIn('A', 2);
    const first = await use(id, 'free_sim_replacement', { note: '旧卡损坏' });
    expect(first.statusCode).toBe(201);
    expect(first.json().balance).toMatchObject({ used: 1, remaining: 1 });
    const tooMany = await use(id, 'free_sim_replacement', { quantity: 2 });
    expect(tooMany.statusCode).toBe(409);
    expect(tooMany.json().error.details).toMatchObject({ remaining: 1, quota: 2 });
    const voided = await agent.request({
      method: 'POST',
      url: `/api/entitlement-uses/${first.json().use.id}/void`,
      payload: { reason: '登记错客户' },
    });
    expect(voided.statusCode).toBe(200);
    expect(voided.json().voidedAt).not.toBeNull();
    expect(await balance(id, 'free_sim_replacement')).toMatchObject({ used: 0, remaining: 2 });
    const again = await agent.request({
      method: 'POST',
      url: `/api/entitlement-uses/${first.json().use.id}/void`,
      payload: { reason: 'twice' },
    });
    expect(again.statusCode).toBe(409);
    const history = await agent.request({
      method: 'GET',
      url: `/api/customers/${id}/entitlement-uses`,
    });
    expect(history.json().items[0]).toMatchObject({
      voidReason: '登记错客户',
      usedByName: 'agent',
    });
  });

  it('names the field for unknown keys, choices, repeated choices and small batches', async () => {
    const id = customerIn('A', 3);
    const field = async (
      p: Promise<{
        statusCode: number;
        json(): { error: { details: { issues: { field: string }[] } } };
      }>,
    ) => {
      const r = await p;
      expect(r.statusCode).toBe(400);
      return r.json().error.details.issues[0]?.field;
    };
    expect(await field(use(id, 'helicopter'))).toBe('key');
    expect(await field(use(id, 'delivery_gift'))).toBe('choice');
    expect(await field(use(id, 'delivery_gift', { choice: 'car' }))).toBe('choice');
    expect(await field(use(id, 'batch_green_channel', { batchSize: 10 }))).toBe('batchSize');
    expect(await field(use(id, 'airport_lounge', { quantity: 0 }))).toBe('quantity');
    expect((await use(id, 'batch_green_channel', { batchSize: 40 })).statusCode).toBe(201);
    expect((await use(id, 'delivery_gift', { choice: 'flowers' })).statusCode).toBe(201);
    const repeat = await use(id, 'delivery_gift', { choice: 'flowers' });
    expect(repeat.statusCode).toBe(400);
    expect(repeat.json().error.details.issues[0].message).toContain('not be repeated');
    const other = await use(id, 'delivery_gift', { choice: 'cushion' });
    expect(other.statusCode).toBe(409);
    expect((await balance(id, 'delivery_gift'))?.received).toEqual(['flowers']);
    // A D customer's tier has no entitlements; a new customer has no tier at all.
    expect(await field(use(customerIn('D'), 'airport_lounge'))).toBe('key');
    const admin = await signIn(app);
    const made = await admin.request({
      method: 'POST',
      url: '/api/customers',
      payload: customerInput(),
    });
    expect(await field(use(made.json().id, 'airport_lounge'))).toBe('customerId');
    const none = await use(999_999, 'airport_lounge');
    expect(none.statusCode).toBe(404);
  });
});
