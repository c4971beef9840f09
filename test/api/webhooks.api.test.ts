import { createHmac } from 'node:crypto';
import { createServer, type Server as HttpServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createUser } from '../../src/app/auth/users.service';
import { ensureFirstAdmin } from '../../src/app/bootstrap';
import { type Ctx, systemCtx } from '../../src/app/context';
import { runNextJob } from '../../src/app/jobs/runner';
import { dispatchEvent } from '../../src/app/notifications/dispatch';
import { WEBHOOK_MAX_ATTEMPTS } from '../../src/app/webhooks/webhook-backoff';
import { describeEachEngine } from '../support/engines';
import { type Client, signIn, testServer } from '../support/http';

const T0 = new Date('2026-12-01T02:00:00.000Z');
const later = (ms: number) => new Date(T0.getTime() + ms);
const HOUR = 3_600_000;

type Behaviour = 'ok' | 'fail' | 'hang';

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
  signatureValid: boolean;
}

/**
 * A real webhook receiver on a free port. It answers each call as the next behaviour queued
 * (default ok), and checks the signature with its own HMAC, as a customer's receiver would.
 */
async function startReceiver() {
  const received: Received[] = [];
  const plan: Behaviour[] = [];
  let secret = '';
  const server: HttpServer = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const ts = String(req.headers['x-tierdesk-timestamp']);
      const expected = `sha256=${createHmac('sha256', secret).update(`${ts}.${body}`).digest('hex')}`;
      received.push({
        headers: req.headers,
        body,
        signatureValid: req.headers['x-tierdesk-signature'] === expected,
      });
      const next = plan.shift() ?? 'ok';
      if (next === 'hang') return; // never answers: the sender's timeout must end the call
      res.statusCode = next === 'ok' ? 200 : 500;
      res.end(next === 'ok' ? 'thanks' : 'receiver exploded');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    plan,
    setSecret: (s: string) => {
      secret = s;
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

describeEachEngine(
  'webhooks through the API',
  ({ deps }) => {
    let app: FastifyInstance;
    let admin: Client;
    let receiver: Awaited<ReturnType<typeof startReceiver>>;
    let endpointId = 0;
    let secret = '';
    const ctxAt = (d: Date): Ctx => ({ ...systemCtx(), now: () => d });

    /** Runs every job due at `at`, as the runner would, and returns their results. */
    const drain = async (at: Date) => {
      const results: unknown[] = [];
      for (;;) {
        const r = await runNextJob(deps(), { now: () => at });
        if (!r) return results;
        results.push(r);
      }
    };
    const deliveries = async () =>
      (await admin.request({ method: 'GET', url: `/api/webhooks/${endpointId}/deliveries` })).json()
        .items as {
        id: number;
        eventId: string;
        kind: string;
        status: string;
        attempts: number;
        lastStatusCode: number | null;
        lastError: string | null;
        lastDurationMs: number | null;
        nextAttemptAt: string | null;
      }[];
    const emit = (kind: string, at = T0) =>
      deps()
        .store.db.transaction()
        .execute((trx) =>
          dispatchEvent(trx, ctxAt(at), {
            kind,
            entity: 'customer',
            entityId: 7,
            payload: { customerCode: 'C007', latePayments: 2 },
            userIds: [],
          }),
        );

    beforeAll(async () => {
      await ensureFirstAdmin(deps());
      app = (await testServer(deps())).app;
      admin = await signIn(app);
      receiver = await startReceiver();
    });
    afterAll(async () => {
      await receiver.close();
    });

    it('refuses a URL that is not http(s), naming the field', async () => {
      const res = await admin.request({
        method: 'POST',
        url: '/api/webhooks',
        payload: { name: 'ERP', url: 'ftp://erp.example.com/in', events: ['*'] },
      });
      expect(res.statusCode).toBe(400);
      const issues = res.json().error.details.issues as { field: string; message: string }[];
      expect(issues.map((i) => i.field)).toContain('url');
      expect(issues.find((i) => i.field === 'url')?.message).toMatch(/http:\/\/ or https:\/\//);
    });

    it('creates an endpoint and shows its secret once, never audited', async () => {
      const res = await admin.request({
        method: 'POST',
        url: '/api/webhooks',
        payload: { name: 'ERP', url: receiver.url, events: ['automation.*'] },
      });
      expect(res.statusCode).toBe(201);
      const body = res.json();
      secret = body.secret;
      endpointId = body.id;
      expect(secret).toMatch(/^whsec_/);
      receiver.setSecret(secret);
      const again = await admin.request({ method: 'GET', url: `/api/webhooks/${endpointId}` });
      expect(again.json().secret).toBeUndefined();
      expect(JSON.stringify(again.json())).not.toContain(secret);
      const stored = await deps()
        .store.db.selectFrom('webhook_endpoints')
        .select('secret_enc')
        .where('id', '=', endpointId)
        .executeTakeFirstOrThrow();
      expect(stored.secret_enc).not.toContain(secret);
      const audit = await deps()
        .store.db.selectFrom('audit_log')
        .select(['action', 'after'])
        .where('entity', '=', 'webhook_endpoint')
        .execute();
      expect(audit.map((a) => a.action)).toContain('webhook.create');
      expect(JSON.stringify(audit)).not.toContain(secret);
    });

    it('queues nothing for a change that rolled back', async () => {
      await expect(
        deps()
          .store.db.transaction()
          .execute(async (trx) => {
            await dispatchEvent(trx, ctxAt(T0), {
              kind: 'automation.late_payments',
              entity: 'customer',
              entityId: 1,
              payload: {},
              userIds: [1],
            });
            throw new Error('the change failed');
          }),
      ).rejects.toThrow('the change failed');
      const db = deps().store.db;
      expect(await db.selectFrom('webhook_deliveries').selectAll().execute()).toHaveLength(0);
      expect(await db.selectFrom('jobs').selectAll().execute()).toHaveLength(0);
      expect(await db.selectFrom('notifications').selectAll().execute()).toHaveLength(0);
      expect(await drain(T0)).toHaveLength(0);
      expect(receiver.received).toHaveLength(0);
    });

    it('retries an endpoint answering 500, then delivers once, signed, attempts logged', async () => {
      receiver.plan.push('fail');
      const eventId = await emit('automation.late_payments');
      await emit('tier.changed'); // not subscribed: no delivery
      expect(await deliveries()).toHaveLength(1);

      await drain(T0);
      let [d] = await deliveries();
      expect(d).toMatchObject({ status: 'queued', attempts: 1, lastStatusCode: 500, eventId });
      expect(d?.lastError).toContain('HTTP 500');
      expect(d?.nextAttemptAt).not.toBeNull();
      // Not yet due: nothing runs before the backoff passed.
      expect(await drain(T0)).toHaveLength(0);
      expect(receiver.received).toHaveLength(1);

      await drain(later(HOUR));
      [d] = await deliveries();
      expect(d).toMatchObject({ status: 'delivered', attempts: 2, lastStatusCode: 200 });
      expect(d?.lastError).toBeNull();
      expect(receiver.received).toHaveLength(2);
      for (const r of receiver.received) {
        expect(r.signatureValid).toBe(true);
        expect(r.headers['x-tierdesk-delivery']).toBe(eventId);
        expect(r.headers['x-tierdesk-event']).toBe('automation.late_payments');
        expect(r.headers['content-type']).toBe('application/json');
        expect(JSON.parse(r.body)).toMatchObject({
          id: eventId,
          kind: 'automation.late_payments',
          entity: 'customer',
          entityId: '7',
          payload: { customerCode: 'C007', latePayments: 2 },
        });
      }
      expect(receiver.received[0]?.headers['x-tierdesk-timestamp']).toBe(
        String(T0.getTime() / 1000),
      );

      const detail = (
        await admin.request({ method: 'GET', url: `/api/webhook-deliveries/${d?.id}` })
      ).json();
      expect(detail.attemptLog.map((a: { statusCode: number }) => a.statusCode)).toEqual([
        500, 200,
      ]);

      // The same event dispatched into the queue again for this endpoint is not queued twice.
      expect(await drain(later(10 * HOUR))).toHaveLength(0);
      expect(receiver.received).toHaveLength(2);
    });

    it('never sends again when a job runs twice after success', async () => {
      const db = deps().store.db;
      const done = await db
        .selectFrom('jobs')
        .select(['id'])
        .where('kind', '=', 'webhook.deliver')
        .where('status', '=', 'done')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      // As if the process died after sending and the job came back.
      await db
        .updateTable('jobs')
        .set({ status: 'queued', run_at: T0.toISOString(), finished_at: null })
        .where('id', '=', done.id)
        .execute();
      const before = receiver.received.length;
      const runs = await drain(later(HOUR));
      expect(runs).toHaveLength(1);
      expect(receiver.received).toHaveLength(before);
      expect((await deliveries())[0]?.status).toBe('delivered');
    });

    it('records a timeout for an endpoint that hangs, and retries', async () => {
      receiver.plan.push('hang');
      const res = await admin.request({ method: 'POST', url: `/api/webhooks/${endpointId}/test` });
      expect(res.statusCode).toBe(202);
      const { eventId } = res.json();
      await drain(T0);
      let d = (await deliveries()).find((x) => x.eventId === eventId);
      expect(d).toMatchObject({ kind: 'webhook.test', status: 'queued', attempts: 1 });
      expect(d?.lastStatusCode).toBeNull();
      expect(d?.lastError).toMatch(/Timed out after 300 ms/);
      await drain(later(HOUR));
      d = (await deliveries()).find((x) => x.eventId === eventId);
      expect(d).toMatchObject({ status: 'delivered', attempts: 2 });
    });

    it('redelivers on demand with the same event id, and refuses while queued', async () => {
      const [d] = await deliveries();
      const before = receiver.received.length;
      const res = await admin.request({
        method: 'POST',
        url: `/api/webhook-deliveries/${d?.id}/redeliver`,
      });
      expect(res.statusCode).toBe(202);
      expect(res.json().status).toBe('queued');
      const twice = await admin.request({
        method: 'POST',
        url: `/api/webhook-deliveries/${d?.id}/redeliver`,
      });
      expect(twice.statusCode).toBe(409);
      await drain(later(2 * HOUR));
      expect(receiver.received).toHaveLength(before + 1);
      expect(receiver.received.at(-1)?.headers['x-tierdesk-delivery']).toBe(d?.eventId);
      const after = (await deliveries()).find((x) => x.id === d?.id);
      expect(after).toMatchObject({ status: 'delivered', attempts: (d?.attempts ?? 0) + 1 });
      expect(await deliveries()).toHaveLength(2);
    });

    it('fails for good after the last attempt, then lists by status', async () => {
      for (let i = 0; i < WEBHOOK_MAX_ATTEMPTS + 2; i++) receiver.plan.push('fail');
      const eventId = await emit('automation.silent_customer', later(3 * HOUR));
      for (let i = 0; i < WEBHOOK_MAX_ATTEMPTS + 2; i++) await drain(later((4 + 8 * i) * HOUR));
      const d = (await deliveries()).find((x) => x.eventId === eventId);
      expect(d).toMatchObject({ status: 'failed', attempts: WEBHOOK_MAX_ATTEMPTS });
      expect(d?.nextAttemptAt).toBeNull();
      const failed = await admin.request({
        method: 'GET',
        url: `/api/webhooks/${endpointId}/deliveries?status=failed`,
      });
      expect(failed.json().items.map((x: { eventId: string }) => x.eventId)).toEqual([eventId]);
      receiver.plan.length = 0;
    });

    it('lists endpoints with their last delivery and reports the channels', async () => {
      const list = (await admin.request({ method: 'GET', url: '/api/webhooks' })).json().items;
      expect(list).toHaveLength(1);
      expect(list[0].lastDelivery.status).toBe('failed');
      const channels = await admin.request({ method: 'GET', url: '/api/notifications/channels' });
      expect(channels.json()).toEqual({ email: false, webhooks: 1 });
    });

    it('rotates the secret and edits the endpoint with its version', async () => {
      const current = (
        await admin.request({ method: 'GET', url: `/api/webhooks/${endpointId}` })
      ).json();
      const rotated = await admin.request({
        method: 'POST',
        url: `/api/webhooks/${endpointId}/rotate-secret`,
        payload: {},
      });
      expect(rotated.statusCode).toBe(200);
      expect(rotated.json().secret).not.toBe(secret);
      receiver.setSecret(rotated.json().secret);
      const stale = await admin.request({
        method: 'PATCH',
        url: `/api/webhooks/${endpointId}`,
        payload: { active: false, version: current.version },
      });
      expect(stale.statusCode).toBe(409);
      const off = await admin.request({
        method: 'PATCH',
        url: `/api/webhooks/${endpointId}`,
        payload: { active: false, version: current.version + 1 },
      });
      expect(off.json().active).toBe(false);
      await emit('automation.satisfaction');
      expect(await deliveries()).toHaveLength(3);
    });

    it('is closed to users without policies.manage', async () => {
      await createUser(deps(), systemCtx(), {
        username: 'am',
        displayName: 'AM',
        password: 'Webhooks-pass-123',
        roleId: 'account_manager',
      });
      const am = await signIn(app, 'am', 'Webhooks-pass-123');
      for (const [method, url] of [
        ['GET', '/api/webhooks'],
        ['POST', `/api/webhooks/${endpointId}/test`],
        ['GET', `/api/webhooks/${endpointId}/deliveries`],
        ['GET', '/api/notifications/channels'],
      ] as const)
        expect((await am.request({ method, url })).statusCode).toBe(403);
    });
  },
  { webhookTimeoutMs: 300 },
);
