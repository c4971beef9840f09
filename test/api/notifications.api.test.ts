import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createUser } from '../../src/app/auth/users.service';
import { ensureFirstAdmin } from '../../src/app/bootstrap';
import { systemCtx } from '../../src/app/context';
import { loadDemo } from '../../src/app/demo/demo.service';
import { revenueScheme } from '../factories/schemes';
import { describeEachEngine } from '../support/engines';
import { type Client, signIn, testServer } from '../support/http';

const scheme = revenueScheme('notice-abc');

describeEachEngine('notifications of a publication', ({ deps }) => {
  let app: FastifyInstance;
  let admin: Client;
  let am: Client;
  let other: Client;

  beforeAll(async () => {
    await ensureFirstAdmin(deps());
    await loadDemo(deps(), { customers: 80, seed: 4, asOf: '2026-11-30' });
    const amUser = await createUser(deps(), systemCtx(), {
      username: 'am',
      displayName: 'am',
      password: 'Notice-pass-123',
      roleId: 'account_manager',
    });
    await createUser(deps(), systemCtx(), {
      username: 'other',
      displayName: 'other',
      password: 'Notice-pass-123',
      roleId: 'account_manager',
    });
    // Every customer belongs to `am`, so every move is theirs to hear about.
    await deps().store.db.updateTable('customers').set({ owner_id: amUser.id }).execute();
    app = (await testServer(deps())).app;
    admin = await signIn(app);
    am = await signIn(app, 'am', 'Notice-pass-123');
    other = await signIn(app, 'other', 'Notice-pass-123');
    const v = (
      await admin.request({ method: 'POST', url: '/api/tiering/schemes', payload: scheme })
    ).json();
    for (const asOf of ['2024-11-30', '2026-11-30']) {
      const run = (
        await admin.request({
          method: 'POST',
          url: '/api/tiering/runs',
          payload: { schemeVersionId: v.id, asOf },
        })
      ).json().runId;
      const pub = await admin.request({ method: 'POST', url: `/api/tiering/runs/${run}/publish` });
      expect(pub.statusCode).toBe(200);
    }
  }, 120_000);
  afterAll(async () => {
    await app.close();
  });

  it('tells the owner once per publication, and only them; read marks stick', async () => {
    const mine = await am.request({ method: 'GET', url: '/api/notifications' });
    expect(mine.statusCode).toBe(200);
    const body = mine.json();
    expect(body.unread).toBe(1);
    expect(body.items[0]).toMatchObject({ kind: 'tiers.published', readAt: null });
    const p = body.items[0].payload as { upgrades: number; downgrades: number; changes: unknown[] };
    expect(p.upgrades + p.downgrades).toBeGreaterThan(0);
    expect(p.changes.length).toBeGreaterThan(0);

    const theirs = await other.request({ method: 'GET', url: '/api/notifications' });
    expect(theirs.json()).toEqual({ unread: 0, items: [] });
    const steal = await other.request({
      method: 'POST',
      url: `/api/notifications/${body.items[0].id}/read`,
    });
    expect(steal.statusCode).toBe(404);

    const read = await am.request({
      method: 'POST',
      url: `/api/notifications/${body.items[0].id}/read`,
    });
    expect(read.statusCode).toBe(204);
    expect(
      (await am.request({ method: 'GET', url: '/api/notifications?unread=true' })).json(),
    ).toEqual({
      unread: 0,
      items: [],
    });
  });
});
