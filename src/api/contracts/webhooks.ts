import { z } from 'zod';

const deliveryStatus = z.enum(['queued', 'delivering', 'delivered', 'failed']);

export const webhookEndpoint = z
  .object({
    id: z.number().int(),
    name: z.string(),
    url: z.string(),
    events: z.array(z.string()),
    active: z.boolean(),
    createdBy: z.number().int().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
    lastDelivery: z.object({ status: deliveryStatus, at: z.string() }).nullable(),
  })
  .meta({ id: 'WebhookEndpoint' });

/** An endpoint with its signing secret: only in the answer to create and rotate. */
export const webhookEndpointWithSecret = webhookEndpoint
  .extend({ secret: z.string().meta({ description: 'Shown this once; store it now' }) })
  .meta({ id: 'WebhookEndpointWithSecret' });

/** Validation happens in the service (one error listing every field); this documents the shape. */
export const createWebhookBody = z.object({
  name: z.string(),
  url: z.string().meta({ example: 'https://example.com/hooks/tierdesk' }),
  events: z.array(z.string()).meta({ example: ['automation.*', 'tier.changed'] }),
  active: z.boolean().optional(),
  secret: z.string().optional(),
});

export const updateWebhookBody = z.object({
  name: z.string().optional(),
  url: z.string().optional(),
  events: z.array(z.string()).optional(),
  active: z.boolean().optional(),
  version: z.number().int(),
});

export const rotateSecretBody = z.object({ secret: z.string().optional() }).nullish();

export const webhookDelivery = z
  .object({
    id: z.number().int(),
    endpointId: z.number().int(),
    eventId: z.string(),
    kind: z.string(),
    entity: z.string(),
    entityId: z.string().nullable(),
    occurredAt: z.string(),
    payload: z.record(z.string(), z.unknown()),
    status: deliveryStatus,
    attempts: z.number().int(),
    nextAttemptAt: z.string().nullable(),
    lastStatusCode: z.number().int().nullable(),
    lastError: z.string().nullable(),
    lastDurationMs: z.number().int().nullable(),
    createdAt: z.string(),
    deliveredAt: z.string().nullable(),
  })
  .meta({ id: 'WebhookDelivery' });

export const webhookDeliveryDetail = webhookDelivery
  .extend({
    attemptLog: z.array(
      z.object({
        attempt: z.number().int(),
        at: z.string(),
        statusCode: z.number().int().nullable(),
        error: z.string().nullable(),
        durationMs: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'WebhookDeliveryDetail' });

export const deliveriesQuerystring = z.object({
  status: deliveryStatus.optional(),
  page: z.coerce.number().int().min(1).optional(),
  pageSize: z.coerce.number().int().min(1).max(200).optional(),
});

export const notificationChannels = z
  .object({
    email: z.boolean().meta({ description: 'True when TIERDESK_SMTP_URL is configured' }),
    webhooks: z.number().int().meta({ description: 'Active webhook endpoints' }),
  })
  .meta({ id: 'NotificationChannels' });
