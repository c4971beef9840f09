import { api } from './client';

export type DeliveryStatus = 'queued' | 'delivering' | 'delivered' | 'failed';

/** A webhook endpoint; its secret is never part of it (shown once on create and rotate). */
export interface WebhookEndpoint {
  id: number;
  name: string;
  url: string;
  events: string[];
  active: boolean;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
  version: number;
  lastDelivery: { status: DeliveryStatus; at: string } | null;
}

export interface WebhookEndpointWithSecret extends WebhookEndpoint {
  secret: string;
}

/** One event for one endpoint with the outcome of its last attempt. */
export interface WebhookDelivery {
  id: number;
  endpointId: number;
  eventId: string;
  kind: string;
  entity: string;
  entityId: string | null;
  occurredAt: string;
  payload: Record<string, unknown>;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  lastDurationMs: number | null;
  createdAt: string;
  deliveredAt: string | null;
}

export interface DeliveryAttempt {
  attempt: number;
  at: string;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

export interface EndpointInput {
  name: string;
  url: string;
  events: string[];
  active?: boolean;
}

/** Event kinds offered when subscribing (any other kind or `prefix.*` may be typed in). */
export const KNOWN_EVENT_KINDS = [
  '*',
  'automation.*',
  'automation.late_payments',
  'automation.silent_customer',
  'automation.satisfaction',
  'automation.complaint_tag',
  'tier.changed',
  'tiers.published',
  'webhook.test',
];

/** Every endpoint with its latest delivery status. */
export const listWebhooks = () =>
  api.get<{ items: WebhookEndpoint[] }>('/api/webhooks').then((r) => r.items);

/** Adds an endpoint; the answer carries the secret, this once. */
export const createWebhook = (input: EndpointInput) =>
  api.post<WebhookEndpointWithSecret>('/api/webhooks', input);

/** Changes an endpoint (version from the last read). */
export const updateWebhook = (id: number, input: Partial<EndpointInput> & { version: number }) =>
  api.patch<WebhookEndpoint>(`/api/webhooks/${id}`, input);

export const deleteWebhook = (id: number) => api.delete(`/api/webhooks/${id}`);

/** A new generated secret, returned this once. */
export const rotateWebhookSecret = (id: number) =>
  api.post<WebhookEndpointWithSecret>(`/api/webhooks/${id}/rotate-secret`, {});

/** Queues a webhook.test event for the endpoint. */
export const sendWebhookTest = (id: number) =>
  api.post<{ eventId: string; deliveryId: number | null }>(`/api/webhooks/${id}/test`);

/** The delivery log of an endpoint, newest first. */
export const listDeliveries = (id: number, q: { status?: DeliveryStatus; page?: number }) =>
  api.get<{ items: WebhookDelivery[]; total: number; page: number; pageSize: number }>(
    `/api/webhooks/${id}/deliveries`,
    { ...q, pageSize: 20 },
  );

/** One delivery with every attempt. */
export const getDelivery = (id: number) =>
  api.get<WebhookDelivery & { attemptLog: DeliveryAttempt[] }>(`/api/webhook-deliveries/${id}`);

/** Sends a delivered or failed delivery once more. */
export const redeliver = (id: number) =>
  api.post<WebhookDelivery>(`/api/webhook-deliveries/${id}/redeliver`);

/** Whether e-mail is configured and how many endpoints are active. */
export const notificationChannels = () =>
  api.get<{ email: boolean; webhooks: number }>('/api/notifications/channels');
