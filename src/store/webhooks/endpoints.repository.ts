import type { Kysely, Selectable } from 'kysely';
import { instantText } from '../row-values';
import type { DB } from '../schema';
import type { WebhookEndpointsTable } from './webhooks.tables';

/** An endpoint as stored; the secret stays encrypted here (the service decrypts it to sign). */
export interface EndpointRow {
  id: number;
  name: string;
  url: string;
  secretEnc: string;
  events: string[];
  active: boolean;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

function toEndpoint(r: Selectable<WebhookEndpointsTable>): EndpointRow {
  return {
    id: Number(r.id),
    name: r.name,
    url: r.url,
    secretEnc: r.secret_enc,
    events: JSON.parse(r.events) as string[],
    active: Number(r.active) === 1,
    createdBy: r.created_by === null ? null : Number(r.created_by),
    createdAt: instantText(r.created_at),
    updatedAt: instantText(r.updated_at),
    version: Number(r.version),
  };
}

export interface NewEndpoint {
  name: string;
  url: string;
  secretEnc: string;
  events: string[];
  active: boolean;
  createdBy: number | null;
}

/** Inserts an endpoint and returns its id. */
export async function insertEndpoint(db: Kysely<DB>, e: NewEndpoint, now: string): Promise<number> {
  const r = await db
    .insertInto('webhook_endpoints')
    .values({
      name: e.name,
      url: e.url,
      secret_enc: e.secretEnc,
      events: JSON.stringify(e.events),
      active: e.active ? 1 : 0,
      created_by: e.createdBy,
      created_at: now,
      updated_at: now,
      version: 1,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(r.id);
}

/** One endpoint by id. */
export async function findEndpoint(db: Kysely<DB>, id: number): Promise<EndpointRow | undefined> {
  const r = await db
    .selectFrom('webhook_endpoints')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return r ? toEndpoint(r) : undefined;
}

/** Every endpoint, by name. */
export async function listEndpoints(db: Kysely<DB>): Promise<EndpointRow[]> {
  const rows = await db.selectFrom('webhook_endpoints').selectAll().orderBy('name').execute();
  return rows.map(toEndpoint);
}

/** Active endpoints (dispatch filters them by their event patterns). */
export async function activeEndpoints(db: Kysely<DB>): Promise<EndpointRow[]> {
  const rows = await db
    .selectFrom('webhook_endpoints')
    .selectAll()
    .where('active', '=', 1)
    .orderBy('id')
    .execute();
  return rows.map(toEndpoint);
}

/** Number of active endpoints. */
export async function countActiveEndpoints(db: Kysely<DB>): Promise<number> {
  const r = await db
    .selectFrom('webhook_endpoints')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('active', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export interface EndpointChanges {
  name?: string;
  url?: string;
  secretEnc?: string;
  events?: string[];
  active?: boolean;
}

/**
 * Updates an endpoint if it is still at `version` (optimistic concurrency); false when someone
 * changed it meanwhile or it is gone.
 */
export async function updateEndpoint(
  db: Kysely<DB>,
  id: number,
  version: number,
  c: EndpointChanges,
  now: string,
): Promise<boolean> {
  const r = await db
    .updateTable('webhook_endpoints')
    .set({
      ...(c.name !== undefined ? { name: c.name } : {}),
      ...(c.url !== undefined ? { url: c.url } : {}),
      ...(c.secretEnc !== undefined ? { secret_enc: c.secretEnc } : {}),
      ...(c.events !== undefined ? { events: JSON.stringify(c.events) } : {}),
      ...(c.active !== undefined ? { active: c.active ? 1 : 0 } : {}),
      updated_at: now,
      version: version + 1,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Deletes an endpoint (its deliveries go with it); false when it was not there. */
export async function deleteEndpoint(db: Kysely<DB>, id: number): Promise<boolean> {
  await db
    .deleteFrom('webhook_attempts')
    .where('delivery_id', 'in', (eb) =>
      eb.selectFrom('webhook_deliveries').select('id').where('endpoint_id', '=', id),
    )
    .execute();
  await db.deleteFrom('webhook_deliveries').where('endpoint_id', '=', id).execute();
  const r = await db.deleteFrom('webhook_endpoints').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}
