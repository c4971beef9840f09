import type { Kysely } from 'kysely';
import { filterAllows } from '../../domain/auth/customer-scope';
import { approvedTagIssue } from '../../domain/customers/approved-tags';
import { validateCreditCode } from '../../domain/customers/credit-code';
import { validateCustomFields } from '../../domain/customers/custom-fields';
import {
  type CreateCustomerInput,
  type Customer,
  type CustomerEdit,
  type CustomerFields,
  createCustomerInput,
  type ListCustomersQuery,
  listCustomersQuery,
  type UpdateCustomerInput,
  updateCustomerInput,
} from '../../domain/customers/customer.schema';
import { normalizeName } from '../../domain/customers/normalize';
import { DomainError, type FieldIssue, notFound, validationError } from '../../domain/errors';
import { regionByCode, resolveRegionParts } from '../../domain/regions';
import { listCustomFieldDefs } from '../../store/custom-fields.repository';
import { customerInScope } from '../../store/customer-scope';
import * as repo from '../../store/customers.repository';
import { isUniqueViolation } from '../../store/errors';
import type { DB } from '../../store/schema';
import { writeAudit } from '../audit';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { requirePermission } from '../guard';
import { parseInput } from '../parse';
import { assertCustomerInScope, customerFilter } from './customer-scope';

/** Lists customers (paginated, searchable, sortable). */
export async function listCustomers(
  deps: Deps,
  ctx: Ctx,
  query: Partial<ListCustomersQuery>,
): Promise<{ items: Customer[]; total: number; page: number; pageSize: number }> {
  requirePermission(ctx, 'customers.read');
  const q = parseInput(listCustomersQuery, query, 'Invalid customer list query');
  const { items, total } = await repo.listCustomers(
    deps.store.db,
    deps.store.engine,
    q,
    customerFilter(ctx),
  );
  return { items, total, page: q.page, pageSize: q.pageSize };
}

/** Tags in use with their counts. */
export async function listTags(deps: Deps, ctx: Ctx) {
  requirePermission(ctx, 'customers.read');
  return repo.tagCounts(deps.store.db, customerFilter(ctx));
}

/** One customer by id; NOT_FOUND when absent or outside the actor's row scope. */
export async function getCustomer(deps: Deps, ctx: Ctx, id: number): Promise<Customer> {
  requirePermission(ctx, 'customers.read');
  await assertCustomerInScope(deps.store.db, ctx, id);
  const c = await repo.findCustomerById(deps.store.db, id);
  if (!c) throw notFound('Customer', id);
  return c;
}

/** One customer by code; NOT_FOUND when absent or outside the actor's row scope. */
export async function getCustomerByCode(deps: Deps, ctx: Ctx, code: string): Promise<Customer> {
  requirePermission(ctx, 'customers.read');
  const c = await repo.findCustomerByCode(deps.store.db, code);
  if (!c) throw notFound('Customer', code);
  if (!(await customerInScope(deps.store.db, customerFilter(ctx), c.id)))
    throw notFound('Customer', code);
  return c;
}

/**
 * Refuses a customer a scoped user would create or leave outside their own row scope (an
 * account manager creating one for another owner, a sales manager moving one out of the
 * region): what they write must stay theirs to see.
 */
async function assertStaysInScope(
  db: Kysely<DB>,
  ctx: Ctx,
  c: { ownerId: number | null; region: string | null },
) {
  const filter = customerFilter(ctx);
  if (filter.kind === 'all') return;
  const ownerTeam =
    filter.kind === 'team' && c.ownerId !== null
      ? ((
          await db.selectFrom('users').select('team').where('id', '=', c.ownerId).executeTakeFirst()
        )?.team ?? null)
      : null;
  if (filterAllows(filter, { ...c, ownerTeam })) return;
  const field = filter.kind === 'region' ? 'region' : 'ownerId';
  throw validationError('Outside your row scope', [
    {
      field,
      message:
        filter.kind === 'region'
          ? `the customer must stay in your region ${filter.region} or be owned by you`
          : filter.kind === 'team'
            ? `the owner must be you or a member of your team ${filter.team}`
            : 'the owner must be you',
      value: field === 'region' ? c.region : c.ownerId,
    },
  ]);
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
  // A scoped user's new customer is theirs unless they name an owner inside their scope.
  if (data.ownerId == null && customerFilter(ctx).kind !== 'all') data.ownerId = ctx.actor.id;
  const now = ctx.now().toISOString();
  try {
    const id = await deps.store.db.transaction().execute(async (trx) => {
      await assertOwnerExists(trx, data.ownerId);
      await assertStaysInScope(trx, ctx, {
        ownerId: data.ownerId ?? null,
        region: data.region ?? null,
      });
      if (await repo.findCustomerByCode(trx, data.code)) throw duplicateCode(data.code);
      const checked = await checkFileFields(trx, data, false);
      const newId = await repo.insertCustomer(
        trx,
        {
          code: data.code,
          name: data.name,
          name_key: normalizeName(data.name),
          type: data.type,
          industry: data.industry ?? null,
          region: data.region ?? null,
          province: data.province ?? null,
          city: data.city ?? null,
          district: data.district ?? null,
          region_code: checked.regionCode ?? null,
          credit_code: checked.creditCode ?? null,
          source: data.source ?? null,
          size: data.size ?? null,
          owner_id: data.ownerId ?? null,
          custom_fields: JSON.stringify(checked.customFields ?? {}),
          ...(data.lifecycleStage ? { lifecycle_stage: data.lifecycleStage } : {}),
        },
        now,
      );
      const tagIssue = approvedTagIssue(data.tags ?? [], []);
      if (tagIssue) throw validationError('Invalid customer', [tagIssue]);
      if (data.tags?.length) await repo.setTags(trx, newId, data.tags, now);
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
    // Two concurrent creates can both pass the checks above; the unique indexes decide.
    if (isUniqueViolation(e)) throw await whichDuplicate(deps, null, data);
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
      await assertCustomerInScope(trx, ctx, id);
      const before = await repo.findCustomerById(trx, id);
      if (!before) throw notFound('Customer', id);
      if (before.status === 'merged') throw mergedAway(before);
      if (before.version !== data.version) {
        throw staleVersion(id, data.version, before.version);
      }
      if (
        data.lifecycleStage &&
        data.lifecycleStage !== before.lifecycleStage &&
        (before.lifecycleStage === 'terminating' || before.lifecycleStage === 'terminated')
      )
        throw new DomainError(
          'INVALID_STATE',
          `Customer ${before.code} is ${before.lifecycleStage}: its stage follows the termination workflow`,
          { lifecycleStage: before.lifecycleStage },
        );
      await assertOwnerExists(trx, data.ownerId);
      await assertStaysInScope(trx, ctx, {
        ownerId: data.ownerId !== undefined ? (data.ownerId ?? null) : before.ownerId,
        region: data.region !== undefined ? (data.region ?? null) : before.region,
      });
      if (
        data.code &&
        data.code !== before.code &&
        (await repo.findCustomerByCode(trx, data.code))
      ) {
        throw duplicateCode(data.code);
      }
      const checked = await checkFileFields(trx, data, true, before);
      const values = updateColumns(data, checked);
      const ok = await repo.updateCustomer(trx, id, data.version, values, now);
      if (!ok) {
        const current = await repo.findCustomerById(trx, id);
        throw staleVersion(id, data.version, current?.version ?? data.version);
      }
      if (data.tags) {
        const tagIssue = approvedTagIssue(data.tags, before.tags);
        if (tagIssue) throw validationError('Invalid customer', [tagIssue]);
        await repo.setTags(trx, id, data.tags, now);
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
    if (isUniqueViolation(e)) throw await whichDuplicate(deps, id, data);
    throw e;
  }
  return getCustomer(deps, ctx, id);
}

interface CheckedFields {
  creditCode?: string | null;
  regionCode?: string | null;
  customFields?: Record<string, unknown>;
}

/**
 * Validates the fields that need more than a schema: the credit code's check digit and
 * uniqueness, the region code against GB/T 2260, custom fields against their definitions.
 * All problems are reported together.
 */
async function checkFileFields(
  db: Kysely<DB>,
  data: Partial<CustomerFields>,
  partial: boolean,
  current?: Customer,
): Promise<CheckedFields> {
  const currentCustom = current?.customFields ?? {};
  const issues: FieldIssue[] = [];
  const out: CheckedFields = {};
  if (data.creditCode !== undefined) {
    if (data.creditCode) {
      const v = validateCreditCode(data.creditCode);
      if (!v.ok) {
        issues.push({
          field: 'creditCode',
          message: v.message,
          value: data.creditCode,
          expected: 'an 18-character unified social credit code (GB 32100-2015)',
        });
      }
    }
    out.creditCode = data.creditCode ?? null;
  }
  if (data.regionCode !== undefined) {
    if (data.regionCode && !regionByCode(data.regionCode)) {
      issues.push({
        field: 'regionCode',
        message: `${data.regionCode} is not a GB/T 2260 administrative division code`,
        value: data.regionCode,
      });
    }
    out.regionCode = data.regionCode ?? null;
  } else if (
    data.province !== undefined ||
    data.city !== undefined ||
    data.district !== undefined
  ) {
    // Best effort: a region named in words gets its code when the names resolve unambiguously.
    // An edit resolves the names it changes together with the ones it keeps.
    const r = resolveRegionParts({
      province: data.province !== undefined ? data.province : (current?.province ?? null),
      city: data.city !== undefined ? data.city : (current?.city ?? null),
      district: data.district !== undefined ? data.district : (current?.district ?? null),
    });
    out.regionCode = r.ok ? r.match.code : null;
  }
  if (data.customFields !== undefined || !partial) {
    const defs = await listCustomFieldDefs(db);
    const merged = partial
      ? { ...currentCustom, ...(data.customFields ?? {}) }
      : (data.customFields ?? {});
    const r = validateCustomFields(defs, merged);
    issues.push(...r.issues);
    out.customFields = r.values;
  }
  if (issues.length) throw validationError('Invalid customer', issues);
  return out;
}

/** The column values an edit changes (undefined fields stay as they are). */
function updateColumns(data: CustomerEdit, checked: CheckedFields) {
  const v: Partial<repo.CustomerWrite> = {};
  const copy = <K extends keyof repo.CustomerWrite>(
    col: K,
    value: repo.CustomerWrite[K] | undefined,
  ) => {
    if (value !== undefined) v[col] = value;
  };
  copy('code', data.code);
  if (data.name !== undefined) {
    v.name = data.name;
    v.name_key = normalizeName(data.name);
  }
  copy('type', data.type);
  copy('industry', data.industry);
  copy('region', data.region);
  copy('province', data.province);
  copy('city', data.city);
  copy('district', data.district);
  copy('size', data.size);
  copy('source', data.source);
  copy('owner_id', data.ownerId);
  copy('credit_code', checked.creditCode);
  copy('region_code', checked.regionCode);
  if (checked.customFields) v.custom_fields = JSON.stringify(checked.customFields);
  if (data.lifecycleStage) v.lifecycle_stage = data.lifecycleStage;
  return v;
}

/** Works out which unique field a write collided on, for a precise DUPLICATE error. */
async function whichDuplicate(
  deps: Deps,
  selfId: number | null,
  data: Partial<CustomerFields>,
): Promise<DomainError> {
  const db = deps.store.db;
  if (data.code) {
    const other = await repo.findCustomerByCode(db, data.code);
    if (other && other.id !== selfId) return duplicateCode(data.code);
  }
  if (data.creditCode) {
    const other = await repo.findCustomerByCreditCode(db, data.creditCode);
    if (other && other.id !== selfId) {
      return new DomainError(
        'DUPLICATE',
        `Customer ${other.code} already has credit code ${data.creditCode}`,
        {
          issues: [
            {
              field: 'creditCode',
              message: `already used by ${other.code}`,
              value: data.creditCode,
            },
          ],
          existingId: other.id,
        },
      );
    }
  }
  return new DomainError('DUPLICATE', 'The customer collides with an existing one');
}

function mergedAway(c: Customer): DomainError {
  return new DomainError(
    'INVALID_STATE',
    `Customer ${c.code} was merged into customer ${c.mergedIntoId}; edit that one instead`,
    { id: c.id, mergedIntoId: c.mergedIntoId },
  );
}

function staleVersion(id: number, given: number, current: number): DomainError {
  return new DomainError(
    'STALE_VERSION',
    `Customer ${id} was changed by someone else (you edited version ${given}, it is now at version ${current}); reload and apply your change again`,
    { id, givenVersion: given, currentVersion: current },
  );
}

export type { Customer as CustomerView } from '../../domain/customers/customer.schema';
