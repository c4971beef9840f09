import type { Kysely } from 'kysely';
import {
  type CreateCustomerInput,
  type Customer,
  createCustomerInput,
  type ListCustomersQuery,
  listCustomersQuery,
  type UpdateCustomerInput,
  updateCustomerInput,
} from '../../domain/customers/customer.schema';
import { DomainError, notFound, validationError } from '../../domain/errors';
import * as repo from '../../store/customers.repository';
import { isUniqueViolation } from '../../store/errors';
import type { DB } from '../../store/schema';
import { writeAudit } from '../audit';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { requirePermission } from '../guard';
import { parseInput } from '../parse';

/** Lists customers (paginated, searchable, sortable). */
export async function listCustomers(
  deps: Deps,
  ctx: Ctx,
  query: Partial<ListCustomersQuery>,
): Promise<{ items: Customer[]; total: number; page: number; pageSize: number }> {
  requirePermission(ctx, 'customers.read');
  const q = parseInput(listCustomersQuery, query, 'Invalid customer list query');
  const { items, total } = await repo.listCustomers(deps.store.db, deps.store.engine, q);
  return { items, total, page: q.page, pageSize: q.pageSize };
}

/** One customer by id; NOT_FOUND when absent. */
export async function getCustomer(deps: Deps, ctx: Ctx, id: number): Promise<Customer> {
  requirePermission(ctx, 'customers.read');
  const c = await repo.findCustomerById(deps.store.db, id);
  if (!c) throw notFound('Customer', id);
  return c;
}

/** One customer by code; NOT_FOUND when absent. */
export async function getCustomerByCode(deps: Deps, ctx: Ctx, code: string): Promise<Customer> {
  requirePermission(ctx, 'customers.read');
  const c = await repo.findCustomerByCode(deps.store.db, code);
  if (!c) throw notFound('Customer', code);
  return c;
}

async function assertOwnerExists(db: Kysely<DB>, ownerId: number | null | undefined) {
  if (ownerId == null) return;
  const u = await db.selectFrom('users').select('id').where('id', '=', ownerId).executeTakeFirst();
  if (!u) {
    throw validationError('Unknown owner', [
      { field: 'ownerId', message: `no user has id ${ownerId}`, value: ownerId },
    ]);
  }
}

function duplicateCode(code: string): DomainError {
  return new DomainError('DUPLICATE', `A customer with code ${code} already exists`, {
    issues: [{ field: 'code', message: `code ${code} is already used`, value: code }],
  });
}

/** Creates a customer; a used code is refused with DUPLICATE naming the field. */
export async function createCustomer(
  deps: Deps,
  ctx: Ctx,
  input: CreateCustomerInput,
): Promise<Customer> {
  requirePermission(ctx, 'customers.write');
  const data = parseInput(createCustomerInput, input, 'Invalid customer');
  const now = ctx.now().toISOString();
  try {
    const id = await deps.store.db.transaction().execute(async (trx) => {
      await assertOwnerExists(trx, data.ownerId);
      if (await repo.findCustomerByCode(trx, data.code)) throw duplicateCode(data.code);
      const newId = await repo.insertCustomer(
        trx,
        {
          code: data.code,
          name: data.name,
          type: data.type,
          industry: data.industry ?? null,
          region: data.region ?? null,
          province: data.province ?? null,
          city: data.city ?? null,
          size: data.size ?? null,
          owner_id: data.ownerId ?? null,
        },
        now,
      );
      const created = await repo.findCustomerById(trx, newId);
      await writeAudit(trx, ctx, {
        action: 'customer.create',
        entity: 'customer',
        entityId: newId,
        after: created,
      });
      return newId;
    });
    return getCustomer(deps, ctx, id);
  } catch (e) {
    // Two concurrent creates can both pass the check above; the unique index decides.
    if (isUniqueViolation(e)) throw duplicateCode(data.code);
    throw e;
  }
}

/**
 * Edits a customer. The input carries the version the editor saw; if someone saved in between,
 * the edit is refused with STALE_VERSION and the current version, and nothing is written.
 */
export async function updateCustomer(
  deps: Deps,
  ctx: Ctx,
  id: number,
  input: UpdateCustomerInput,
): Promise<Customer> {
  requirePermission(ctx, 'customers.write');
  const data = parseInput(updateCustomerInput, input, 'Invalid customer edit');
  const now = ctx.now().toISOString();
  try {
    await deps.store.db.transaction().execute(async (trx) => {
      const before = await repo.findCustomerById(trx, id);
      if (!before) throw notFound('Customer', id);
      if (before.version !== data.version) {
        throw staleVersion(id, data.version, before.version);
      }
      await assertOwnerExists(trx, data.ownerId);
      if (
        data.code &&
        data.code !== before.code &&
        (await repo.findCustomerByCode(trx, data.code))
      ) {
        throw duplicateCode(data.code);
      }
      const { version, ownerId, ...rest } = data;
      const values: Partial<repo.CustomerWrite> = { ...rest };
      if (ownerId !== undefined) values.owner_id = ownerId;
      const ok = await repo.updateCustomer(trx, id, version, values, now);
      if (!ok) {
        const current = await repo.findCustomerById(trx, id);
        throw staleVersion(id, data.version, current?.version ?? data.version);
      }
      const after = await repo.findCustomerById(trx, id);
      await writeAudit(trx, ctx, {
        action: 'customer.update',
        entity: 'customer',
        entityId: id,
        before,
        after,
      });
    });
  } catch (e) {
    if (isUniqueViolation(e) && data.code) throw duplicateCode(data.code);
    throw e;
  }
  return getCustomer(deps, ctx, id);
}

function staleVersion(id: number, given: number, current: number): DomainError {
  return new DomainError(
    'STALE_VERSION',
    `Customer ${id} was changed by someone else (you edited version ${given}, it is now at version ${current}); reload and apply your change again`,
    { id, givenVersion: given, currentVersion: current },
  );
}

export type { Customer as CustomerView } from '../../domain/customers/customer.schema';
