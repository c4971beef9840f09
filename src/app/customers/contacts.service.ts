import {
  type Address,
  type AddressInput,
  addressInput,
  type Contact,
  type ContactInput,
  contactEdit,
  contactInput,
} from '../../domain/customers/contact.schema';
import { DomainError, notFound, validationError } from '../../domain/errors';
import { regionByCode, resolveRegionParts } from '../../domain/regions';
import * as repo from '../../store/contacts.repository';
import { customerInScope, idsInScope } from '../../store/customer-scope';
import { findCustomerById } from '../../store/customers.repository';
import { writeAudit } from '../audit';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { requirePermission } from '../guard';
import { parseInput } from '../parse';
import {
  maskPersonal,
  type PersonalDataKind,
  personalHash,
  protectPersonal,
} from '../security/personal-data';
import { assertCustomerInScope, customerFilter } from './customer-scope';

const PERSONAL: {
  kind: PersonalDataKind;
  field: 'phone' | 'email' | 'idNumber';
  col: 'phone' | 'email' | 'id_number';
}[] = [
  { kind: 'phone', field: 'phone', col: 'phone' },
  { kind: 'email', field: 'email', col: 'email' },
  { kind: 'idNumber', field: 'idNumber', col: 'id_number' },
];

function canSeePersonal(ctx: Ctx): boolean {
  return ctx.actor.id === null || ctx.actor.permissions.includes('customers.pii');
}

/** Decrypts a contact for a reader; masks personal data unless they may see it in full. */
function present(deps: Deps, r: repo.ContactRow, full: boolean): Contact {
  const value = (kind: PersonalDataKind, col: string, enc: string | null) => {
    if (!enc) return null;
    const plain = deps.keyring.decrypt(enc, `contact.${col}`);
    return full ? plain : maskPersonal(kind, plain);
  };
  return {
    id: r.id,
    customerId: r.customer_id,
    name: r.name,
    title: r.title,
    role: r.role as Contact['role'],
    isPrimary: r.is_primary === 1,
    phone: value('phone', 'phone', r.phone_enc),
    email: value('email', 'email', r.email_enc),
    idNumber: value('idNumber', 'id_number', r.id_number_enc),
    masked: !full,
    version: r.version,
  };
}

/** Encrypted columns and lookup hashes for the personal fields present in `data`. */
function personalColumns(
  deps: Deps,
  data: Partial<Record<'phone' | 'email' | 'idNumber', string | null>>,
) {
  const out: Record<string, string | null> = {};
  for (const p of PERSONAL) {
    const v = data[p.field];
    if (v === undefined) continue;
    if (v === null || v === '') {
      out[`${p.col}_enc`] = null;
      out[`${p.col}_hash`] = null;
    } else {
      const prot = protectPersonal(deps.keyring, p.kind, v, `contact.${p.col}`);
      out[`${p.col}_enc`] = prot.ciphertext;
      out[`${p.col}_hash`] = prot.hash;
    }
  }
  return out;
}

/** A customer's contacts (personal data masked for readers without customers.pii). */
export async function listContacts(deps: Deps, ctx: Ctx, customerId: number): Promise<Contact[]> {
  requirePermission(ctx, 'customers.read');
  await assertCustomerInScope(deps.store.db, ctx, customerId);
  if (!(await findCustomerById(deps.store.db, customerId))) throw notFound('Customer', customerId);
  const rows = await repo.listContactRows(deps.store.db, customerId);
  const visible = await idsInScope(
    deps.store.db,
    customerFilter(ctx),
    rows.map((r) => r.customer_id),
  );
  return rows
    .filter((r) => visible.has(r.customer_id))
    .map((r) => present(deps, r, canSeePersonal(ctx)));
}

/** Adds a contact; personal data is encrypted before it reaches the database. */
export async function addContact(
  deps: Deps,
  ctx: Ctx,
  customerId: number,
  input: ContactInput,
): Promise<Contact> {
  requirePermission(ctx, 'customers.write');
  const d = parseInput(contactInput, input, 'Invalid contact');
  const now = ctx.now().toISOString();
  return deps.store.db.transaction().execute(async (trx) => {
    await assertCustomerInScope(trx, ctx, customerId);
    if (!(await findCustomerById(trx, customerId))) throw notFound('Customer', customerId);
    const existing = await repo.listContactRows(trx, customerId);
    const id = await repo.insertContact(
      trx,
      {
        customer_id: customerId,
        name: d.name,
        title: d.title ?? null,
        role: d.role ?? null,
        // The first contact of a customer is its primary one unless said otherwise.
        is_primary: d.isPrimary || existing.length === 0 ? 1 : 0,
        phone_enc: null,
        phone_hash: null,
        email_enc: null,
        email_hash: null,
        id_number_enc: null,
        id_number_hash: null,
        ...personalColumns(deps, d),
      },
      now,
    );
    if (d.isPrimary) await repo.clearPrimary(trx, customerId, id);
    const row = await repo.findContactRow(trx, id);
    const shown = present(deps, row!, false);
    // The audit keeps masked personal data only: the log is readable by auditors.
    await writeAudit(trx, ctx, {
      action: 'contact.create',
      entity: 'contact',
      entityId: id,
      after: shown,
    });
    return present(deps, row!, canSeePersonal(ctx));
  });
}

/** Edits a contact (optimistic locking by version). */
export async function updateContact(
  deps: Deps,
  ctx: Ctx,
  id: number,
  input: unknown,
): Promise<Contact> {
  requirePermission(ctx, 'customers.write');
  const d = parseInput(contactEdit, input, 'Invalid contact edit');
  const now = ctx.now().toISOString();
  return deps.store.db.transaction().execute(async (trx) => {
    const before = await repo.findContactRow(trx, id);
    if (!before || !(await customerInScope(trx, customerFilter(ctx), before.customer_id)))
      throw notFound('Contact', id);
    const values: Partial<repo.ContactWrite> = { ...personalColumns(deps, d) };
    if (d.name !== undefined) values.name = d.name;
    if (d.title !== undefined) values.title = d.title;
    if (d.role !== undefined) values.role = d.role;
    if (d.isPrimary !== undefined) values.is_primary = d.isPrimary ? 1 : 0;
    if (!(await repo.updateContact(trx, id, d.version, values, now))) {
      throw new DomainError(
        'STALE_VERSION',
        `Contact ${id} was changed by someone else; reload it`,
        {
          id,
          givenVersion: d.version,
          currentVersion: before.version,
        },
      );
    }
    if (d.isPrimary) await repo.clearPrimary(trx, before.customer_id, id);
    const after = await repo.findContactRow(trx, id);
    await writeAudit(trx, ctx, {
      action: 'contact.update',
      entity: 'contact',
      entityId: id,
      before: present(deps, before, false),
      after: present(deps, after!, false),
    });
    return present(deps, after!, canSeePersonal(ctx));
  });
}

/** Removes a contact. */
export async function removeContact(deps: Deps, ctx: Ctx, id: number): Promise<void> {
  requirePermission(ctx, 'customers.write');
  await deps.store.db.transaction().execute(async (trx) => {
    const before = await repo.findContactRow(trx, id);
    if (!before || !(await customerInScope(trx, customerFilter(ctx), before.customer_id)))
      throw notFound('Contact', id);
    await repo.deleteContact(trx, id);
    await writeAudit(trx, ctx, {
      action: 'contact.delete',
      entity: 'contact',
      entityId: id,
      before: present(deps, before, false),
    });
  });
}

/**
 * Finds contacts by phone or e-mail through the keyed hash: exact, whatever way the number was
 * written (+86, spaces, dashes), without decrypting the table.
 */
export async function lookupContacts(
  deps: Deps,
  ctx: Ctx,
  q: { phone?: string; email?: string },
): Promise<Contact[]> {
  requirePermission(ctx, 'customers.read');
  if (!q.phone && !q.email) {
    throw validationError('Give a phone or an e-mail', [
      { field: 'phone', message: 'phone or email is required' },
    ]);
  }
  const rows = q.phone
    ? await repo.findContactsByHash(
        deps.store.db,
        'phone_hash',
        personalHash(deps.keyring, 'phone', q.phone),
      )
    : await repo.findContactsByHash(
        deps.store.db,
        'email_hash',
        personalHash(deps.keyring, 'email', q.email!),
      );
  const visible = await idsInScope(
    deps.store.db,
    customerFilter(ctx),
    rows.map((r) => r.customer_id),
  );
  return rows
    .filter((r) => visible.has(r.customer_id))
    .map((r) => present(deps, r, canSeePersonal(ctx)));
}

/** A customer's addresses. */
export async function listAddresses(deps: Deps, ctx: Ctx, customerId: number): Promise<Address[]> {
  requirePermission(ctx, 'customers.read');
  await assertCustomerInScope(deps.store.db, ctx, customerId);
  if (!(await findCustomerById(deps.store.db, customerId))) throw notFound('Customer', customerId);
  return repo.listAddresses(deps.store.db, customerId);
}

/** Adds an address; region names are resolved to a GB/T 2260 code, or refused when unknown. */
export async function addAddress(
  deps: Deps,
  ctx: Ctx,
  customerId: number,
  input: AddressInput,
): Promise<Address> {
  requirePermission(ctx, 'customers.write');
  const d = parseInput(addressInput, input, 'Invalid address');
  let regionCode = d.regionCode ?? null;
  if (regionCode && !regionByCode(regionCode)) {
    throw validationError('Invalid address', [
      { field: 'regionCode', message: `${regionCode} is not a GB/T 2260 code`, value: regionCode },
    ]);
  }
  if (!regionCode && (d.province || d.city || d.district)) {
    const r = resolveRegionParts({
      province: d.province ?? null,
      city: d.city ?? null,
      district: d.district ?? null,
    });
    if (!r.ok) throw validationError('Invalid address', r.issues);
    regionCode = r.match.code;
  }
  const now = ctx.now().toISOString();
  return deps.store.db.transaction().execute(async (trx) => {
    await assertCustomerInScope(trx, ctx, customerId);
    if (!(await findCustomerById(trx, customerId))) throw notFound('Customer', customerId);
    const id = await repo.insertAddress(
      trx,
      {
        customer_id: customerId,
        kind: d.kind,
        label: d.label ?? null,
        province: d.province ?? null,
        city: d.city ?? null,
        district: d.district ?? null,
        region_code: regionCode,
        line: d.line,
        postal_code: d.postalCode ?? null,
      },
      now,
    );
    const created = await repo.findAddress(trx, id);
    await writeAudit(trx, ctx, {
      action: 'address.create',
      entity: 'address',
      entityId: id,
      after: created,
    });
    return created!;
  });
}

/** Removes an address. */
export async function removeAddress(deps: Deps, ctx: Ctx, id: number): Promise<void> {
  requirePermission(ctx, 'customers.write');
  await deps.store.db.transaction().execute(async (trx) => {
    const before = await repo.findAddress(trx, id);
    if (!before || !(await customerInScope(trx, customerFilter(ctx), before.customerId)))
      throw notFound('Address', id);
    await repo.deleteAddress(trx, id);
    await writeAudit(trx, ctx, {
      action: 'address.delete',
      entity: 'address',
      entityId: id,
      before,
    });
  });
}
