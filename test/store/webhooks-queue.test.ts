import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { systemCtx } from '../../src/app/context';
import { createEndpoint } from '../../src/app/webhooks/endpoints.service';
import { queueWebhookDeliveries } from '../../src/app/webhooks/webhook-queue';
import { describeEachEngine } from '../support/engines';

const NOW = '2026-12-01T02:00:00.000Z';

describeEachEngine('webhook delivery queue', ({ deps }) => {
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    for (const [name, events, active] of [
      ['all', ['*'], true],
      ['automation', ['automation.*'], true],
      ['tiers', ['tier.changed'], true],
      ['off', ['*'], false],
    ] as const)
      ids[name] = (
        await createEndpoint(deps(), systemCtx(), {
          name,
          url: `https://${name}.example.com/in`,
          events: [...events],
          active,
        })
      ).id;
  });

  const event = (kind: string, eventId = randomUUID()) => ({
    eventId,
    kind,
    entity: 'customer',
    entityId: '1',
    occurredAt: NOW,
    payload: { n: 1 },
  });

  it('queues one delivery and one job per active subscribed endpoint', async () => {
    const db = deps().store.db;
    const queued = await db
      .transaction()
      .execute((trx) => queueWebhookDeliveries(trx, event('automation.satisfaction'), NOW));
    const rows = await db
      .selectFrom('webhook_deliveries')
      .select(['id', 'endpoint_id', 'status'])
      .where('id', 'in', queued)
      .execute();
    expect(rows.map((r) => Number(r.endpoint_id)).sort()).toEqual([ids.all, ids.automation].sort());
    const jobs = await db
      .selectFrom('jobs')
      .select(['dedupe_key', 'kind'])
      .where('kind', '=', 'webhook.deliver')
      .execute();
    expect(jobs.map((j) => j.dedupe_key).sort()).toEqual(
      queued.map((id) => `webhook:${id}`).sort(),
    );
  });

  it('never queues one event twice for an endpoint', async () => {
    const db = deps().store.db;
    const e = event('tier.changed');
    const first = await db.transaction().execute((trx) => queueWebhookDeliveries(trx, e, NOW));
    const again = await db.transaction().execute((trx) => queueWebhookDeliveries(trx, e, NOW));
    expect(first).toHaveLength(2);
    expect(again).toEqual([]);
    const n = await db
      .selectFrom('webhook_deliveries')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('event_id', '=', e.eventId)
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(2);
  });

  it('sends a test event only to the endpoint tested, whatever it subscribes to', async () => {
    const db = deps().store.db;
    const queued = await db
      .transaction()
      .execute((trx) => queueWebhookDeliveries(trx, event('webhook.test'), NOW, ids.tiers));
    const rows = await db
      .selectFrom('webhook_deliveries')
      .select('endpoint_id')
      .where('id', 'in', queued)
      .execute();
    expect(rows.map((r) => Number(r.endpoint_id))).toEqual([ids.tiers]);
  });
});
