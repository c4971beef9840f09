import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureFirstAdmin } from '../../src/app/bootstrap';
import { loadDemo } from '../../src/app/demo/demo.service';
import { seedDemoTiering } from '../../src/app/demo/demo-tiering';
import { forgetCatalogs } from '../../src/app/policy/policy-in-force';
import { describeEachEngine } from '../support/engines';
import { type Client, signIn, signInRoles, testServer } from '../support/http';

const AS_OF = '2026-11-30';
const PASSWORD = 'Frontline-pass-123';

describeEachEngine('front-line card through the API', ({ deps }) => {
  let app: FastifyInstance;
  let admin: Client;
  let agent: Client;
  let auditor: Client;
  let a: { id: number; code: string };
  let d: { id: number; code: string };

  const card = (client: Client, query: string) =>
    client.request({ method: 'GET', url: `/api/frontline/card?${query}` });

  beforeAll(async () => {
    forgetCatalogs();
    await ensureFirstAdmin(deps());
    await loadDemo(deps(), { customers: 120, seed: 5, asOf: AS_OF });
    await seedDemoTiering(deps(), AS_OF, () => {});
    const pick = async (tier: string) => {
      const r = await deps()
        .store.db.selectFrom('customer_tiers as t')
        .innerJoin('customers as c', 'c.id', 't.customer_id')
        .select(['c.id', 'c.code'])
        .where('t.tier', '=', tier)
        .orderBy('c.id')
        .executeTakeFirstOrThrow();
      return { id: Number(r.id), code: r.code };
    };
    a = await pick('A');
    d = await pick('D');
    app = (await testServer(deps())).app;
    admin = await signIn(app);
    ({ agent, auditor } = await signInRoles(
      deps(),
      app,
      { agent: 'service_agent', auditor: 'auditor' },
      PASSWORD,
    ));
    // A person marks the D customer as a habitual complainant and records a key-person contact.
    const before = (await admin.request({ method: 'GET', url: `/api/customers/${d.id}` })).json();
    // The blacklist is not a tag anyone may type: an edit adding it is refused, naming the field.
    const refused = await admin.request({
      method: 'PATCH',
      url: `/api/customers/${d.id}`,
      payload: { tags: ['blacklist', '老客户'], version: before.version },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.issues[0].field).toBe('tags');
    const tagged = await admin.request({
      method: 'PATCH',
      url: `/api/customers/${d.id}`,
      payload: { tags: ['老客户'], version: before.version },
    });
    expect(tagged.statusCode).toBe(200);
    // What an approved blacklist request writes (the approval itself: feedback.api.test.ts).
    await deps()
      .store.db.insertInto('customer_tags')
      .values({ customer_id: d.id, tag: 'blacklist', created_at: new Date().toISOString() })
      .execute();
    const contact = await admin.request({
      method: 'POST',
      url: `/api/customers/${d.id}/contacts`,
      payload: { name: '王经理', role: 'key_person', phone: '13912345678', isPrimary: true },
    });
    expect(contact.statusCode).toBe(201);
  }, 180_000);
  afterAll(async () => {
    await app?.close();
  });

  it('shows tier, policy, tags with actions, entitlements and open tickets by code', async () => {
    const res = await card(agent, `code=${encodeURIComponent(a.code)}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.customer).toMatchObject({ id: a.id, code: a.code });
    expect(body.tier).toMatchObject({ tier: 'A' });
    expect(body.tier.name.zh.length).toBeGreaterThan(0);
    expect(body.policy).toMatchObject({
      paymentTerm: { id: 'deferred_90' },
      leadTimeDays: 20,
      accountModel: 'dedicated',
      rush: 'jump_queue',
      inquiryReplyHours: 24,
    });
    const high = body.tags.find((t: { key: string }) => t.key === 'high_end');
    expect(high).toMatchObject({ source: 'derived' });
    expect(high.action.zh).toContain('专区专柜');
    expect(body.entitlements.map((e: { key: string }) => e.key)).toContain('airport_lounge');
    const open = await deps()
      .store.db.selectFrom('tickets')
      .select('id')
      .where('customer_id', '=', a.id)
      .where('status', 'not in', ['closed', 'resolved'])
      .execute();
    expect(body.openTickets.map((t: { id: number }) => t.id).sort()).toEqual(
      open.map((t) => Number(t.id)).sort(),
    );
    for (const t of body.openTickets) expect(['closed', 'resolved']).not.toContain(t.status);
  });

  it('finds a customer by phone written any way, masking phones without customers.pii', async () => {
    const res = await card(agent, `phone=${encodeURIComponent('+86 139-1234-5678')}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.customer.code).toBe(d.code);
    expect(body.tier.tier).toBe('D');
    expect(body.entitlements).toEqual([]);
    expect(body.policy.orderReview).toBe('strict');
    const keys = body.tags.map((t: { key: string }) => t.key);
    expect(keys[0]).toBe('blacklist');
    expect(body.tags[0]).toMatchObject({ source: 'stored' });
    expect(body.tags[0].action.en).toContain('supervisor');
    expect(keys).toContain('key_person');
    expect(body.tags.find((t: { key: string }) => t.key === '老客户')).toMatchObject({
      source: 'stored',
      action: null,
    });
    expect(body.contactsMasked).toBe(true);
    expect(body.contacts[0]).toMatchObject({
      name: '王经理',
      phone: '139****5678',
      isPrimary: true,
    });
    const full = (await card(admin, 'phone=13912345678')).json();
    expect(full.contacts[0].phone).toBe('13912345678');
    expect(full.contactsMasked).toBe(false);
  });

  it('refuses a lookup without exactly one of code and phone, and names what was not found', async () => {
    const neither = await card(agent, '');
    expect(neither.statusCode).toBe(400);
    expect(neither.json().error.details.issues[0].field).toBe('code');
    const both = await card(agent, `code=${a.code}&phone=13912345678`);
    expect(both.statusCode).toBe(400);
    const noCode = await card(agent, 'code=NOPE-404');
    expect(noCode.statusCode).toBe(404);
    expect(noCode.json().error.message).toContain('NOPE-404');
    const noPhone = await card(agent, 'phone=13700000000');
    expect(noPhone.statusCode).toBe(404);
    expect(noPhone.json().error.message).toContain('137****0000');
    // Auditors read customers but not the front-line card.
    expect((await card(auditor, `code=${a.code}`)).statusCode).toBe(403);
  });

  it('shows the balance after a use made from the card', async () => {
    const used = await agent.request({
      method: 'POST',
      url: `/api/customers/${a.id}/entitlements/airport_lounge/uses`,
      payload: { note: '柜台登记' },
    });
    expect(used.statusCode).toBe(201);
    const body = (await card(agent, `code=${a.code}`)).json();
    const lounge = body.entitlements.find((e: { key: string }) => e.key === 'airport_lounge');
    expect(lounge).toMatchObject({ used: 1, remaining: 3 });
  });
});
