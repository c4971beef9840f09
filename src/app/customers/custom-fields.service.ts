import {
  type CustomFieldDef,
  type CustomFieldDefInput,
  customFieldDefInput,
} from '../../domain/customers/custom-fields';
import { DomainError, notFound } from '../../domain/errors';
import * as repo from '../../store/custom-fields.repository';
import { isUniqueViolation } from '../../store/errors';
import { writeAudit } from '../audit';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { requirePermission } from '../guard';
import { parseInput } from '../parse';

/** Lists the custom field definitions of the customer file. */
export async function listCustomFields(deps: Deps, ctx: Ctx): Promise<CustomFieldDef[]> {
  requirePermission(ctx, 'customers.read');
  return repo.listCustomFieldDefs(deps.store.db);
}

function duplicateKey(key: string) {
  return new DomainError('DUPLICATE', `A custom field called ${key} already exists`, {
    issues: [{ field: 'key', message: `${key} is already used`, value: key }],
  });
}

/** Defines a new custom field (admin). */
export async function createCustomField(
  deps: Deps,
  ctx: Ctx,
  input: CustomFieldDefInput,
): Promise<CustomFieldDef> {
  requirePermission(ctx, 'settings.manage');
  const d = parseInput(customFieldDefInput, input, 'Invalid custom field');
  const now = ctx.now().toISOString();
  try {
    return await deps.store.db.transaction().execute(async (trx) => {
      const id = await repo.insertCustomFieldDef(trx, d, now);
      const created = await repo.findCustomFieldDef(trx, id);
      await writeAudit(trx, ctx, {
        action: 'custom_field.create',
        entity: 'custom_field',
        entityId: id,
        after: created,
      });
      return created as CustomFieldDef;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw duplicateKey(d.key);
    throw e;
  }
}

/** Changes a custom field definition (optimistic locking by version). */
export async function updateCustomField(
  deps: Deps,
  ctx: Ctx,
  id: number,
  input: CustomFieldDefInput & { version: number },
): Promise<CustomFieldDef> {
  requirePermission(ctx, 'settings.manage');
  const d = parseInput(customFieldDefInput, input, 'Invalid custom field');
  const now = ctx.now().toISOString();
  try {
    return await deps.store.db.transaction().execute(async (trx) => {
      const before = await repo.findCustomFieldDef(trx, id);
      if (!before) throw notFound('Custom field', id);
      if (!(await repo.updateCustomFieldDef(trx, id, input.version, d, now))) {
        throw new DomainError(
          'STALE_VERSION',
          `Custom field ${id} was changed by someone else; reload it`,
          {
            id,
            givenVersion: input.version,
            currentVersion: before.version,
          },
        );
      }
      const after = await repo.findCustomFieldDef(trx, id);
      await writeAudit(trx, ctx, {
        action: 'custom_field.update',
        entity: 'custom_field',
        entityId: id,
        before,
        after,
      });
      return after as CustomFieldDef;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw duplicateKey(d.key);
    throw e;
  }
}

/** Removes a custom field definition; stored values stay in the customers' JSON but are hidden. */
export async function deleteCustomField(deps: Deps, ctx: Ctx, id: number): Promise<void> {
  requirePermission(ctx, 'settings.manage');
  await deps.store.db.transaction().execute(async (trx) => {
    const before = await repo.findCustomFieldDef(trx, id);
    if (!before) throw notFound('Custom field', id);
    await repo.deleteCustomFieldDef(trx, id);
    await writeAudit(trx, ctx, {
      action: 'custom_field.delete',
      entity: 'custom_field',
      entityId: id,
      before,
    });
  });
}
