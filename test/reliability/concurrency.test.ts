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
import { signIn, testServer } from '../support/http';

const AS_OF = '2026-11-30';
const WRITERS = 20;
const USES = 40;

/** A client of the listening server over real HTTP (fetch on loopback), signed in. */
interface Wire {
  call(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: Record<string, unknown> }>;
}

async function wire(app: FastifyInstance, base: string, user: string, pw: string): Promise<Wire> {
  const c = await signIn(app, user, pw);
  return {
    async call(method, path, body) {
      const res = await fetch(`${base}${path}`, {
        method,
        headers: {
          cookie: c.cookie,
          'x-csrf-token': c.csrfToken,
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    },
  };
}

describeEachEngine('concurrent writers over HTTP', ({ deps }) => {
  let app: FastifyInstance;
  let admin: Wire;
  let agent: Wire;
  const inTierA: number[] = [];

  beforeAll(async () => {
    forgetCatalogs();
    await ensureFirstAdmin(deps());
    await loadDemo(deps(), { customers: 80, seed: 13, asOf: AS_OF });
    await seedDemoTiering(deps(), AS_OF, () => {});
    await createUser(deps(), systemCtx(), {
      username: 'agent',
      displayName: 'agent',
      password: 'Agent-pass-1234',
      roleId: 'service_agent',
    });
    const rows = await deps()
      .store.db.selectFrom('customer_tiers')
      .select('customer_id')
      .where('tier', '=', 'A')
      .orderBy('customer_id')
      .execute();
    inTierA.push(...rows.map((r) => Number(r.customer_id)));
    app = (await testServer(deps())).app;
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    admin = await wire(app, base, 'admin', 'Admin-pass-123');
    agent = await wire(app, base, 'agent', 'Agent-pass-1234');
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  it(`${WRITERS} writers editing one customer: no update is lost, stale ones get 409`, async () => {
    const made = await admin.call('POST', '/api/customers', customerInput({ name: '并发客户' }));
    expect(made.status).toBe(201);
    const id = made.body.id as number;
    const read = () => admin.call('GET', `/api/customers/${id}`);
    const start = (await read()).body;
    const v0 = start.version as number;

    // Everyone read version v0 and saves at once: exactly one wins, the others are told why.
    const first = await Promise.all(
      Array.from({ length: WRITERS }, (_, i) =>
        admin.call('PATCH', `/api/customers/${id}`, { version: v0, tags: [`w${i}`] }),
      ),
    );
    const won = first.filter((r) => r.status === 200);
    const stale = first.filter((r) => r.status === 409);
    expect(won).toHaveLength(1);
    expect(stale).toHaveLength(WRITERS - 1);
    const err = stale[0]?.body.error as { code: string; message: string };
    expect(err.code).toBe('STALE_VERSION');
    expect(err.message).toMatch(/changed by someone else.*version.*reload/);
    const winner = first.indexOf(won[0] as (typeof first)[number]);

    // The others read again and re-apply their change (read, modify, write with the version),
    // all still racing each other.
    await Promise.all(
      first.map(async (r, i) => {
        if (r.status === 200) return;
        for (let attempt = 0; attempt < 200; attempt++) {
          const c = (await read()).body;
          const tags = [...(c.tags as string[]), `w${i}`];
          const saved = await admin.call('PATCH', `/api/customers/${id}`, {
            version: c.version,
            tags,
          });
          if (saved.status === 200) return;
          expect(saved.status).toBe(409);
        }
        throw new Error(`writer ${i} never got its change in`);
      }),
    );
    const end = (await read()).body;
    // Every writer's tag is there: the final state is the sum of all successful changes.
    expect([...(end.tags as string[])].sort()).toEqual(
      Array.from({ length: WRITERS }, (_, i) => `w${i}`).sort(),
    );
    expect(end.tags).toContain(`w${winner}`);
    expect(end.version).toBe(v0 + WRITERS);
    const audited = await deps()
      .store.db.selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'customer.update')
      .where('entity_id', '=', String(id))
      .execute();
    expect(audited).toHaveLength(WRITERS);
  }, 60_000);

  it(`${USES} simultaneous uses of a 4-a-year entitlement: exactly 4 granted, never more`, async () => {
    const id = inTierA[0] as number;
    const results = await Promise.all(
      Array.from({ length: USES }, (_, i) =>
        agent.call('POST', `/api/customers/${id}/entitlements/airport_lounge/uses`, {
          note: `race ${i}`,
        }),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(4);
    const refused = results.filter((r) => r.status === 409);
    expect(refused).toHaveLength(USES - 4);
    const err = refused[0]?.body.error as { code: string; message: string; details: object };
    expect(err.code).toBe('QUOTA_EXCEEDED');
    expect(err.message).toMatch(/only 0 of 4 left/);
    expect(err.details).toMatchObject({ remaining: 0, quota: 4 });
    await expectBalance(id, 4);
  }, 60_000);

  it('simultaneous uses of mixed sizes never add up past the quota', async () => {
    const id = inTierA[1] as number;
    const sizes = Array.from({ length: USES }, (_, i) => 1 + (i % 3));
    const results = await Promise.all(
      sizes.map((quantity) =>
        agent.call('POST', `/api/customers/${id}/entitlements/airport_lounge/uses`, {
          quantity,
        }),
      ),
    );
    for (const r of results) expect([201, 409]).toContain(r.status);
    const granted = sizes.filter((_, i) => results[i]?.status === 201).reduce((a, b) => a + b, 0);
    expect(granted).toBeLessThanOrEqual(4);
    // Whatever was granted is exactly what was recorded and counted against the balance.
    await expectBalance(id, granted);
    // A request that would still fit is granted; the books stay exact.
    if (granted < 4) {
      const last = await agent.call(
        'POST',
        `/api/customers/${id}/entitlements/airport_lounge/uses`,
        {
          quantity: 4 - granted,
        },
      );
      expect(last.status).toBe(201);
      await expectBalance(id, 4);
    }
  }, 60_000);

  it(`${WRITERS} notes added to one ticket at once are all kept, none refused`, async () => {
    const ticket = await deps()
      .store.db.selectFrom('tickets')
      .select(['id', 'version'])
      .where('status', 'in', ['new', 'assigned', 'in_progress', 'replied'])
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const id = Number(ticket.id);
    const results = await Promise.all(
      Array.from({ length: WRITERS }, (_, i) =>
        agent.call('POST', `/api/tickets/${id}/messages`, { kind: 'note', body: `note ${i}` }),
      ),
    );
    // The client sent no version: a concurrent note is waited for, not a conflict.
    expect(results.map((r) => r.status)).toEqual(Array(WRITERS).fill(200));
    const notes = await deps()
      .store.db.selectFrom('ticket_messages')
      .select('body')
      .where('ticket_id', '=', id)
      .where('kind', '=', 'note')
      .where('body', 'like', 'note %')
      .execute();
    expect(notes.map((n) => n.body).sort()).toEqual(
      Array.from({ length: WRITERS }, (_, i) => `note ${i}`).sort(),
    );
    const after = await deps()
      .store.db.selectFrom('tickets')
      .select('version')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(Number(after.version)).toBe(Number(ticket.version) + WRITERS);
  }, 60_000);

  /** Uses recorded and the balance row agree, and both equal `expected`. */
  async function expectBalance(customerId: number, expected: number) {
    const db = deps().store.db;
    const uses = await db
      .selectFrom('entitlement_uses')
      .select(['quantity'])
      .where('customer_id', '=', customerId)
      .where('entitlement_key', '=', 'airport_lounge')
      .execute();
    expect(uses.reduce((a, u) => a + Number(u.quantity), 0)).toBe(expected);
    const balance = await db
      .selectFrom('entitlement_balances')
      .select('used')
      .where('customer_id', '=', customerId)
      .where('entitlement_key', '=', 'airport_lounge')
      .execute();
    expect(balance.reduce((a, b) => a + Number(b.used), 0)).toBe(expected);
  }
});
