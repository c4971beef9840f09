import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { DomainError, notFound } from '../../domain/errors';
import {
  type DeliveryStatus,
  lastStatusByEndpoint,
} from '../../store/webhooks/deliveries.repository';
import * as endpoints from '../../store/webhooks/endpoints.repository';
import { writeAudit } from '../audit';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { requirePermission } from '../guard';
import { emailEnabled } from '../notifications/email-channel';
import { parseInput } from '../parse';
import { EVENT_PATTERN } from './event-patterns';
import { queueWebhookDeliveries } from './webhook-queue';
import { newWebhookSecret, SECRET_CONTEXT } from './webhook-secret';

const url = z
  .string({ error: 'url is required' })
  .trim()
  .max(2000, 'url must be at most 2000 characters')
  .refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
    } catch {
      return false;
    }
  }, 'url must be an http:// or https:// address such as https://example.com/hooks/tierdesk');

const events = z
  .array(
    z
      .string()
      .trim()
      .regex(
        EVENT_PATTERN,
        'each event must be a kind such as tier.changed, a prefix such as automation.*, or *',
      ),
    { error: 'events must be a list of event kinds' },
  )
  .min(1, 'events must name at least one event kind (or * for all)')
  .max(50)
  .transform((v) => [...new Set(v)]);

const secret = z
  .string()
  .min(16, 'secret must be at least 16 characters')
  .max(200, 'secret must be at most 200 characters');

export const createEndpointInput = z.strictObject({
  name: z.string({ error: 'name is required' }).trim().min(1, 'name is required').max(100),
  url,
  events,
  active: z.boolean().default(true),
  /** Given by the receiver; generated when left out. */
  secret: secret.optional(),
});

export const updateEndpointInput = z.strictObject({
  name: z.string().trim().min(1, 'name is required').max(100).optional(),
  url: url.optional(),
  events: events.optional(),
  active: z.boolean().optional(),
  version: z.number({ error: 'version is required' }).int().positive(),
});

export const rotateSecretInput = z.strictObject({ secret: secret.optional() });

type Endpoint = endpoints.EndpointRow;

/** What the API shows of an endpoint: never the secret. */
function present(e: Endpoint, last?: { status: DeliveryStatus; at: string }) {
  return {
    id: e.id,
    name: e.name,
    url: e.url,
    events: e.events,
    active: e.active,
    createdBy: e.createdBy,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
    version: e.version,
    lastDelivery: last ?? null,
  };
}

/** What audit keeps of an endpoint (the secret never goes there). */
const audited = (e: Endpoint) => ({ name: e.name, url: e.url, events: e.events, active: e.active });

async function load(deps: Deps, id: number): Promise<Endpoint> {
  const e = await endpoints.findEndpoint(deps.store.db, id);
  if (!e) throw notFound('Webhook endpoint', id);
  return e;
}

/** Every endpoint with the status of its latest delivery (needs policies.manage). */
export async function listEndpoints(deps: Deps, ctx: Ctx) {
  requirePermission(ctx, 'policies.manage');
  const db = deps.store.db;
  const [rows, last] = await Promise.all([endpoints.listEndpoints(db), lastStatusByEndpoint(db)]);
  return rows.map((e) => present(e, last.get(e.id)));
}

/** One endpoint. */
export async function getEndpoint(deps: Deps, ctx: Ctx, id: number) {
  requirePermission(ctx, 'policies.manage');
  const e = await load(deps, id);
  const last = await lastStatusByEndpoint(deps.store.db);
  return present(e, last.get(id));
}

/**
 * Creates an endpoint. The signing secret (given, or generated) is stored encrypted and returned
 * this once only: receivers keep it; the API never shows it again.
 */
export async function createEndpoint(deps: Deps, ctx: Ctx, raw: unknown) {
  requirePermission(ctx, 'policies.manage');
  const input = parseInput(createEndpointInput, raw, 'Invalid webhook endpoint');
  const plain = input.secret ?? newWebhookSecret();
  const now = ctx.now().toISOString();
  const id = await deps.store.db.transaction().execute(async (trx) => {
    const id = await endpoints.insertEndpoint(
      trx,
      {
        name: input.name,
        url: input.url,
        events: input.events,
        active: input.active,
        secretEnc: deps.keyring.encrypt(plain, SECRET_CONTEXT),
        createdBy: ctx.actor.id,
      },
      now,
    );
    await writeAudit(trx, ctx, {
      action: 'webhook.create',
      entity: 'webhook_endpoint',
      entityId: id,
      after: { name: input.name, url: input.url, events: input.events, active: input.active },
    });
    return id;
  });
  return { ...(await getEndpoint(deps, ctx, id)), secret: plain };
}

/** Changes an endpoint's name, URL, events or switch (optimistic: `version` must match). */
export async function updateEndpoint(deps: Deps, ctx: Ctx, id: number, raw: unknown) {
  requirePermission(ctx, 'policies.manage');
  const input = parseInput(updateEndpointInput, raw, 'Invalid webhook endpoint');
  const before = await load(deps, id);
  await deps.store.db.transaction().execute(async (trx) => {
    const { version, ...changes } = input;
    const ok = await endpoints.updateEndpoint(trx, id, version, changes, ctx.now().toISOString());
    if (!ok)
      throw new DomainError('STALE_VERSION', 'The endpoint was changed meanwhile: reload it', {
        version: before.version,
      });
    await writeAudit(trx, ctx, {
      action: 'webhook.update',
      entity: 'webhook_endpoint',
      entityId: id,
      before: audited(before),
      after: audited({ ...before, ...changes }),
    });
  });
  return getEndpoint(deps, ctx, id);
}

/** Deletes an endpoint with its delivery log. */
export async function deleteEndpoint(deps: Deps, ctx: Ctx, id: number): Promise<void> {
  requirePermission(ctx, 'policies.manage');
  const before = await load(deps, id);
  await deps.store.db.transaction().execute(async (trx) => {
    await endpoints.deleteEndpoint(trx, id);
    await writeAudit(trx, ctx, {
      action: 'webhook.delete',
      entity: 'webhook_endpoint',
      entityId: id,
      before: audited(before),
    });
  });
}

/** Replaces the signing secret (given or generated) and returns the new one, this once. */
export async function rotateSecret(deps: Deps, ctx: Ctx, id: number, raw: unknown) {
  requirePermission(ctx, 'policies.manage');
  const input = parseInput(rotateSecretInput, raw ?? {}, 'Invalid secret');
  const before = await load(deps, id);
  const plain = input.secret ?? newWebhookSecret();
  await deps.store.db.transaction().execute(async (trx) => {
    const ok = await endpoints.updateEndpoint(
      trx,
      id,
      before.version,
      { secretEnc: deps.keyring.encrypt(plain, SECRET_CONTEXT) },
      ctx.now().toISOString(),
    );
    if (!ok) throw new DomainError('STALE_VERSION', 'The endpoint was changed meanwhile: retry');
    await writeAudit(trx, ctx, {
      action: 'webhook.rotate_secret',
      entity: 'webhook_endpoint',
      entityId: id,
      after: { rotated: true, generated: input.secret === undefined },
    });
  });
  return { ...(await getEndpoint(deps, ctx, id)), secret: plain };
}

/**
 * Sends a `webhook.test` event to one endpoint, whatever it subscribes to, through the same
 * queue as real events. Returns the delivery queued.
 */
export async function sendTestEvent(deps: Deps, ctx: Ctx, id: number) {
  requirePermission(ctx, 'policies.manage');
  const e = await load(deps, id);
  if (!e.active)
    throw new DomainError('INVALID_STATE', 'The endpoint is switched off: switch it on to test it');
  const now = ctx.now().toISOString();
  const eventId = randomUUID();
  const [deliveryId] = await deps.store.db.transaction().execute(async (trx) => {
    const ids = await queueWebhookDeliveries(
      trx,
      {
        eventId,
        kind: 'webhook.test',
        entity: 'webhook_endpoint',
        entityId: String(id),
        occurredAt: now,
        payload: { message: 'Test event from Tierdesk', endpointId: id, sentBy: ctx.actor.name },
      },
      now,
      id,
    );
    await writeAudit(trx, ctx, {
      action: 'webhook.test',
      entity: 'webhook_endpoint',
      entityId: id,
      after: { eventId },
    });
    return ids;
  });
  return { eventId, deliveryId: deliveryId ?? null };
}

/** Which outbound channels are on: e-mail (SMTP configured) and how many active endpoints. */
export async function notificationChannels(deps: Deps, ctx: Ctx) {
  requirePermission(ctx, 'policies.manage');
  return {
    email: deps.config.smtp !== null && emailEnabled(),
    webhooks: await endpoints.countActiveEndpoints(deps.store.db),
  };
}
