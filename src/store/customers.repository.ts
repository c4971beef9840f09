import { type Kysely, type Selectable, sql } from 'kysely';
import type { CustomerFilter } from '../domain/auth/customer-scope';
import type { Customer, ListCustomersQuery } from '../domain/customers/customer.schema';
import { customerIdInScope, scopeCondition } from './customer-scope';
import type { Engine } from './database';
import { likeContains } from './errors';
import type { CustomersTable, DB } from './schema';

type Row = Selectable<CustomersTable> & { owner_name: string | null };

function toCustomer(r: Row, tags: string[]): Customer {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    type: r.type as Customer['type'],
    industry: r.industry,
    region: r.region,
    province: r.province,
    city: r.city,
    district: r.district,
    regionCode: r.region_code,
    creditCode: r.credit_code,
    source: r.source,
    size: r.size as Customer['size'],
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    tags,
    customFields: JSON.parse(r.custom_fields || '{}') as Record<string, unknown>,
    status: r.status as Customer['status'],
    lifecycleStage: (r.lifecycle_stage ?? 'active') as Customer['lifecycleStage'],
    mergedIntoId: r.merged_into_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  };
}

function baseSelect(db: Kysely<DB>) {
  return db
    .selectFrom('customers as c')
    .leftJoin('users as u', 'u.id', 'c.owner_id')
    .selectAll('c')
    .select('u.display_name as owner_name');
}

/** Tags of several customers at once, keyed by customer id. */
export async function tagsOf(db: Kysely<DB>, ids: number[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('customer_tags')
    .select(['customer_id', 'tag'])
    .where('customer_id', 'in', ids)
    .orderBy('tag')
    .execute();
  for (const r of rows) {
    const list = out.get(r.customer_id) ?? [];
    list.push(r.tag);
    out.set(r.customer_id, list);
  }
  return out;
}

async function withTags(db: Kysely<DB>, rows: Row[]): Promise<Customer[]> {
  const tags = await tagsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toCustomer(r, tags.get(r.id) ?? []));
}

type CustomerFilters = Omit<ListCustomersQuery, 'page' | 'pageSize' | 'sort' | 'order'>;

const EVERYONE: CustomerFilter = { kind: 'all' };

/**
 * Applies the actor's row scope and the list filters (search, type, owner, industry, region,
 * size, tag, merged).
 */
function filtered(db: Kysely<DB>, engine: Engine, q: CustomerFilters, scope: CustomerFilter) {
  let query = db.selectFrom('customers as c');
  const inScope = scopeCondition(scope, 'c');
  if (inScope) query = query.where(inScope);
  if (!q.includeMerged) query = query.where('c.status', '=', 'active');
  if (q.q) {
    const pattern = likeContains(q.q);
    const op = engine === 'postgres' ? 'ilike' : 'like';
    query = query.where((eb) =>
      eb.or([
        eb(sql`c.name`, op, sql`${pattern} escape '\\'`),
        eb(sql`c.code`, op, sql`${pattern} escape '\\'`),
      ]),
    );
  }
  if (q.type) query = query.where('c.type', '=', q.type);
  if (q.ownerId) query = query.where('c.owner_id', '=', q.ownerId);
  if (q.industry) query = query.where('c.industry', '=', q.industry);
  if (q.region) query = query.where('c.region', '=', q.region);
  if (q.province) query = query.where('c.province', '=', q.province);
  if (q.size) query = query.where('c.size', '=', q.size);
  if (q.lifecycleStage) query = query.where('c.lifecycle_stage', '=', q.lifecycleStage);
  if (q.purpose === 'marketing')
    query = query.where('c.lifecycle_stage', 'not in', ['terminating', 'terminated']);
  if (q.tag) {
    const tag = q.tag;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('customer_tags as t')
          .select('t.customer_id')
          .whereRef('t.customer_id', '=', 'c.id')
          .where('t.tag', '=', tag),
      ),
    );
  }
  return query;
}

/** One page of customers in `scope` plus the total count, filtered and sorted in SQL. */
export async function listCustomers(
  db: Kysely<DB>,
  engine: Engine,
  q: ListCustomersQuery,
  scope: CustomerFilter = EVERYONE,
): Promise<{ items: Customer[]; total: number }> {
  const query = filtered(db, engine, q, scope);
  const countRow = await query
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await query
    .leftJoin('users as u', 'u.id', 'c.owner_id')
    .selectAll('c')
    .select('u.display_name as owner_name')
    .orderBy(`c.${q.sort}`, q.order)
    .orderBy('c.id', q.order)
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return { items: await withTags(db, rows), total: Number(countRow.n) };
}

/** A customer by id, or undefined. */
export async function findCustomerById(db: Kysely<DB>, id: number): Promise<Customer | undefined> {
  const row = await baseSelect(db).where('c.id', '=', id).executeTakeFirst();
  return row ? (await withTags(db, [row]))[0] : undefined;
}

/** A customer by code, or undefined. */
export async function findCustomerByCode(
  db: Kysely<DB>,
  code: string,
): Promise<Customer | undefined> {
  const row = await baseSelect(db).where('c.code', '=', code).executeTakeFirst();
  return row ? (await withTags(db, [row]))[0] : undefined;
}

/** A customer by unified social credit code, or undefined. */
export async function findCustomerByCreditCode(db: Kysely<DB>, creditCode: string) {
  const row = await baseSelect(db).where('c.credit_code', '=', creditCode).executeTakeFirst();
  return row ? (await withTags(db, [row]))[0] : undefined;
}

export type CustomerWrite = Omit<
  CustomersTable,
  | 'id'
  | 'created_at'
  | 'updated_at'
  | 'version'
  | 'custom_fields'
  | 'status'
  | 'merged_into_id'
  | 'lifecycle_stage'
> & { custom_fields: string; lifecycle_stage?: string };

/** Inserts a customer and returns its id. */
export async function insertCustomer(
  db: Kysely<DB>,
  values: CustomerWrite,
  now: string,
): Promise<number> {
  const row = await db
    .insertInto('customers')
    .values({ ...values, status: 'active', created_at: now, updated_at: now, version: 1 })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Updates a customer only if it is still at `version`; returns false when another edit won
 * (optimistic locking: the caller turns that into a conflict).
 */
export async function updateCustomer(
  db: Kysely<DB>,
  id: number,
  version: number,
  values: Partial<CustomerWrite> & { status?: string; merged_into_id?: number | null },
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('customers')
    .set({ ...values, updated_at: now, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Replaces a customer's tags. */
export async function setTags(db: Kysely<DB>, id: number, tags: string[], now: string) {
  await db.deleteFrom('customer_tags').where('customer_id', '=', id).execute();
  if (tags.length) {
    await db
      .insertInto('customer_tags')
      .values(tags.map((tag) => ({ customer_id: id, tag, created_at: now })))
      .execute();
  }
}

/** Tags in use on the customers in `scope` with their counts, most used first. */
export async function tagCounts(db: Kysely<DB>, scope: CustomerFilter = EVERYONE) {
  const inScope = customerIdInScope(scope, 'customer_tags.customer_id');
  const rows = await db
    .selectFrom('customer_tags')
    .$if(inScope !== undefined, (q) => q.where(inScope!))
    .select(['tag', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('tag')
    .orderBy('n', 'desc')
    .orderBy('tag')
    .execute();
  return rows.map((r) => ({ tag: r.tag, count: Number(r.n) }));
}

/**
 * Every customer in `scope` matching the filters, in id order, fetched in batches by keyset (no OFFSET), so
 * exporting a million customers reads each row once and holds one batch in memory.
 */
export async function* iterateCustomers(
  db: Kysely<DB>,
  engine: Engine,
  q: CustomerFilters,
  batch = 1000,
  scope: CustomerFilter = EVERYONE,
): AsyncGenerator<Customer> {
  let after = 0;
  for (;;) {
    const rows = await filtered(db, engine, q, scope)
      .leftJoin('users as u', 'u.id', 'c.owner_id')
      .selectAll('c')
      .select('u.display_name as owner_name')
      .where('c.id', '>', after)
      .orderBy('c.id')
      .limit(batch)
      .execute();
    if (rows.length === 0) return;
    yield* await withTags(db, rows);
    after = rows[rows.length - 1]!.id;
  }
}
