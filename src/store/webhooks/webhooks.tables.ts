import type { Generated } from 'kysely';

/** A receiver of events; the secret that signs its calls is encrypted at rest. */
export interface WebhookEndpointsTable {
  id: Generated<number>;
  name: string;
  url: string;
  secret_enc: string;
  /** JSON array of kinds or patterns (`automation.*`, `*`). */
  events: string;
  active: number;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  version: number;
}

/** One event for one endpoint; unique (endpoint_id, event_id). */
export interface WebhookDeliveriesTable {
  id: Generated<number>;
  endpoint_id: number;
  event_id: string;
  kind: string;
  entity: string;
  entity_id: string | null;
  occurred_at: string;
  payload: string;
  /** queued | delivering | delivered | failed */
  status: string;
  attempts: number;
  next_attempt_at: string | null;
  last_status_code: number | null;
  last_error: string | null;
  last_duration_ms: number | null;
  created_at: string;
  delivered_at: string | null;
}

/** One HTTP attempt of a delivery, kept for the delivery log. */
export interface WebhookAttemptsTable {
  id: Generated<number>;
  delivery_id: number;
  attempt: number;
  at: string;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
}

/** An e-mail to send; unique (event_id, to_address). */
export interface EmailOutboxTable {
  id: Generated<number>;
  event_id: string;
  user_id: number | null;
  to_address: string;
  subject: string;
  body: string;
  /** queued | sent | failed */
  status: string;
  attempts: number;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

/** Kysely table types of this capability, merged into `DB` in ../schema.ts. */
export interface WebhookTables {
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
  email_outbox: EmailOutboxTable;
}
