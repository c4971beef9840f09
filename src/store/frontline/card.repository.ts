import { type Kysely, sql } from 'kysely';
import type { CustomerFilter } from '../../domain/auth/customer-scope';
import { scopeCondition } from '../customer-scope';
import { instantText } from '../row-values';
import type { DB } from '../schema';

/** The customer head of the card. */
export interface CardCustomer {
  id: number;
  code: string;
  name: string;
  type: string;
  region: string | null;
  lifecycleStage: string;
  owner: { id: number; name: string } | null;
}

const EVERYONE: CustomerFilter = { kind: 'all' };

/** The card head query over the customers in `scope`. */
function head(db: Kysely<DB>, scope: CustomerFilter) {
  const inScope = scopeCondition(scope, 'c');
  return db
    .selectFrom('customers as c')
    .$if(inScope !== undefined, (q) => q.where(inScope!))
    .leftJoin('users as u', 'u.id', 'c.owner_id')
    .select([
      'c.id',
      'c.code',
      'c.name',
      'c.type',
      'c.region',
      'c.lifecycle_stage',
      'c.owner_id',
      'u.display_name as owner_name',
    ]);
}

type HeadRow = {
  id: number;
  code: string;
  name: string;
  type: string;
  region: string | null;
  lifecycle_stage: string;
  owner_id: number | null;
  owner_name: string | null;
};

function toHead(r: HeadRow): CardCustomer {
  return {
    id: Number(r.id),
    code: r.code,
    name: r.name,
    type: r.type,
    region: r.region,
    lifecycleStage: r.lifecycle_stage,
    owner:
      r.owner_id == null
        ? null
        : { id: Number(r.owner_id), name: r.owner_name ?? String(r.owner_id) },
  };
}

/** The customer in `scope` with this code (unique index), or undefined. */
export async function customerByCode(
  db: Kysely<DB>,
  code: string,
  scope: CustomerFilter = EVERYONE,
): Promise<CardCustomer | undefined> {
  const r = await head(db, scope).where('c.code', '=', code).executeTakeFirst();
  return r ? toHead(r) : undefined;
}

/**
 * Customers in `scope` with a contact whose phone has this keyed hash (index on contacts.phone_hash),
 * customers with the number as a primary contact first; at most 20.
 */
export async function customersByPhoneHash(
  db: Kysely<DB>,
  hash: string,
  scope: CustomerFilter = EVERYONE,
): Promise<CardCustomer[]> {
  const rows = await head(db, scope)
    .innerJoin('contacts as k', 'k.customer_id', 'c.id')
    .select(sql<number>`max(k.is_primary)`.as('primary'))
    .where('k.phone_hash', '=', hash)
    .groupBy([
      'c.id',
      'c.code',
      'c.name',
      'c.type',
      'c.region',
      'c.lifecycle_stage',
      'c.owner_id',
      'u.display_name',
    ])
    .orderBy('primary', 'desc')
    .orderBy('c.id')
    .limit(20)
    .execute();
  return rows.map(toHead);
}

/** One open ticket on the card. */
export interface OpenTicket {
  id: number;
  subject: string;
  category: string;
  level: number;
  status: string;
  openedAt: string;
}

/** Tickets not closed or resolved, oldest first (index on tickets(customer_id, status)); at most 20. */
export async function openTickets(db: Kysely<DB>, customerId: number): Promise<OpenTicket[]> {
  const rows = await db
    .selectFrom('tickets')
    .select(['id', 'subject', 'category', 'level', 'status', 'opened_at'])
    .where('customer_id', '=', customerId)
    .where('status', 'not in', ['closed', 'resolved', 'confirmed'])
    .orderBy('opened_at')
    .limit(20)
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    subject: r.subject,
    category: r.category,
    level: Number(r.level),
    status: r.status,
    openedAt: instantText(r.opened_at),
  }));
}

/** The customer's contacts for the card, primary first, then key persons; at most 5. */
export function cardContacts(db: Kysely<DB>, customerId: number) {
  return db
    .selectFrom('contacts')
    .select(['id', 'name', 'title', 'role', 'is_primary', 'phone_enc'])
    .where('customer_id', '=', customerId)
    .orderBy('is_primary', 'desc')
    .orderBy(sql`case when role = 'key_person' then 0 else 1 end`)
    .orderBy('id')
    .limit(5)
    .execute();
}
