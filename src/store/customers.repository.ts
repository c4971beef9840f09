import { type Kysely, type Selectable, sql } from 'kysely';
import type { Customer, ListCustomersQuery } from '../domain/customers/customer.schema';
import type { Engine } from './database';
import { likeContains } from './errors';
import type { CustomersTable, DB } from './schema';

type Row = Selectable<CustomersTable> & { owner_name: string | null };

function toCustomer(r: Row): Customer {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    type: r.type as Customer['type'],
    industry: r.industry,
    region: r.region,
    province: r.province,
    city: r.city,
    size: r.size as Customer['size'],
    ownerId: r.owner_id,
    ownerName: r.owner_name,
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

/** One page of customers plus the total count, filtered and sorted in SQL. */
export async function listCustomers(
  db: Kysely<DB>,
  engine: Engine,
  q: ListCustomersQuery,
): Promise<{ items: Customer[]; total: number }> {
  let query = db.selectFrom('customers as c');
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
  return { items: rows.map(toCustomer), total: Number(countRow.n) };
}

/** A customer by id, or undefined. */
export async function findCustomerById(db: Kysely<DB>, id: number): Promise<Customer | undefined> {
  const row = await baseSelect(db).where('c.id', '=', id).executeTakeFirst();
  return row ? toCustomer(row) : undefined;
}

/** A customer by code, or undefined. */
export async function findCustomerByCode(
  db: Kysely<DB>,
  code: string,
): Promise<Customer | undefined> {
  const row = await baseSelect(db).where('c.code', '=', code).executeTakeFirst();
  return row ? toCustomer(row) : undefined;
}

export type CustomerWrite = Omit<CustomersTable, 'id' | 'created_at' | 'updated_at' | 'version'>;

/** Inserts a customer and returns its id. */
export async function insertCustomer(
  db: Kysely<DB>,
  values: CustomerWrite,
  now: string,
): Promise<number> {
  const row = await db
    .insertInto('customers')
    .values({ ...values, created_at: now, updated_at: now, version: 1 })
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
  values: Partial<CustomerWrite>,
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
