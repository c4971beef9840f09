import type { Kysely, Selectable } from 'kysely';
import type { Address } from '../domain/customers/contact.schema';
import type { ContactsTable, CustomerAddressesTable, DB } from './schema';

export type ContactRow = Selectable<ContactsTable>;

/** Contacts of a customer, primary first. */
export function listContactRows(db: Kysely<DB>, customerId: number): Promise<ContactRow[]> {
  return db
    .selectFrom('contacts')
    .selectAll()
    .where('customer_id', '=', customerId)
    .orderBy('is_primary', 'desc')
    .orderBy('id')
    .execute();
}

/** One contact row. */
export function findContactRow(db: Kysely<DB>, id: number): Promise<ContactRow | undefined> {
  return db.selectFrom('contacts').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Contacts whose phone or e-mail has this keyed hash. */
export function findContactsByHash(
  db: Kysely<DB>,
  column: 'phone_hash' | 'email_hash',
  hash: string,
) {
  return db.selectFrom('contacts').selectAll().where(column, '=', hash).limit(50).execute();
}

export type ContactWrite = Omit<ContactsTable, 'id' | 'created_at' | 'updated_at' | 'version'>;

/** Inserts a contact; returns its id. */
export async function insertContact(db: Kysely<DB>, v: ContactWrite, now: string) {
  const r = await db
    .insertInto('contacts')
    .values({ ...v, created_at: now, updated_at: now, version: 1 })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Updates a contact at a version; false when the version moved on. */
export async function updateContact(
  db: Kysely<DB>,
  id: number,
  version: number,
  v: Partial<ContactWrite>,
  now: string,
) {
  const r = await db
    .updateTable('contacts')
    .set({ ...v, updated_at: now, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Clears the primary flag of a customer's other contacts. */
export async function clearPrimary(db: Kysely<DB>, customerId: number, exceptId: number) {
  await db
    .updateTable('contacts')
    .set({ is_primary: 0 })
    .where('customer_id', '=', customerId)
    .where('id', '!=', exceptId)
    .where('is_primary', '=', 1)
    .execute();
}

/** Deletes a contact. */
export async function deleteContact(db: Kysely<DB>, id: number) {
  await db.deleteFrom('contacts').where('id', '=', id).execute();
}

function toAddress(r: Selectable<CustomerAddressesTable>): Address {
  return {
    id: r.id,
    customerId: r.customer_id,
    kind: r.kind as Address['kind'],
    label: r.label,
    province: r.province,
    city: r.city,
    district: r.district,
    regionCode: r.region_code,
    line: r.line,
    postalCode: r.postal_code,
  };
}

/** Addresses of a customer, head office first. */
export async function listAddresses(db: Kysely<DB>, customerId: number): Promise<Address[]> {
  const rows = await db
    .selectFrom('customer_addresses')
    .selectAll()
    .where('customer_id', '=', customerId)
    .orderBy('kind')
    .orderBy('id')
    .execute();
  return rows.map(toAddress);
}

/** One address. */
export async function findAddress(db: Kysely<DB>, id: number) {
  const r = await db
    .selectFrom('customer_addresses')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return r ? toAddress(r) : undefined;
}

/** Inserts an address; returns its id. */
export async function insertAddress(
  db: Kysely<DB>,
  v: Omit<CustomerAddressesTable, 'id' | 'created_at'>,
  now: string,
) {
  const r = await db
    .insertInto('customer_addresses')
    .values({ ...v, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Deletes an address. */
export async function deleteAddress(db: Kysely<DB>, id: number) {
  await db.deleteFrom('customer_addresses').where('id', '=', id).execute();
}
