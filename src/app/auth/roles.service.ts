import {
  type CreateRoleInput,
  createRoleInput,
  permissionAreas,
  type UpdateRoleInput,
  updateRoleInput,
} from '../../domain/auth/role.schema';
import { ROW_SCOPES } from '../../domain/auth/row-scope';
import { DomainError, notFound } from '../../domain/errors';
import { isUniqueViolation } from '../../store/errors';
import {
  deleteRoleRow,
  findRole,
  insertRole,
  listRoleRecords,
  type RoleRecord,
  updateRoleRow,
  userCountsByRole,
} from '../../store/roles.repository';
import { writeAudit } from '../audit';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { requirePermission } from '../guard';
import { parseInput } from '../parse';
import { forgetSessions } from './sessions.service';

/** A role with the number of users holding it. */
export type RoleView = RoleRecord & { users: number };

function duplicate(id: string): DomainError {
  return new DomainError('DUPLICATE', `A role called ${id} already exists`, {
    issues: [{ field: 'id', message: `role id ${id} is already used`, value: id }],
  });
}

function readOnly(id: string): DomainError {
  return new DomainError(
    'FORBIDDEN',
    `${id} is a built-in role and cannot be changed or deleted; create a custom role with the permissions you need instead`,
    { role: id, builtin: true },
  );
}

/** Every role with its permissions, row scope and holder count (users.read). */
export async function listRoleViews(deps: Deps, ctx: Ctx): Promise<RoleView[]> {
  requirePermission(ctx, 'users.read');
  const [roles, counts] = await Promise.all([
    listRoleRecords(deps.store.db),
    userCountsByRole(deps.store.db),
  ]);
  return roles.map((r) => ({ ...r, users: counts.get(r.id) ?? 0 }));
}

/** The permission catalog grouped by area and the row scopes, for the role matrix. */
export function permissionCatalog(ctx: Ctx) {
  requirePermission(ctx, 'users.read');
  return { areas: permissionAreas(), rowScopes: [...ROW_SCOPES] };
}

/**
 * Creates a custom role (roles.manage), audited. Cached sessions are dropped afterwards so a
 * change of roles is seen by the next request of everyone signed in.
 */
export async function createRole(deps: Deps, ctx: Ctx, input: CreateRoleInput): Promise<RoleView> {
  requirePermission(ctx, 'roles.manage');
  const data = parseInput(createRoleInput, input, 'Invalid role');
  const role: RoleRecord = { ...data, builtin: false };
  try {
    await deps.store.db.transaction().execute(async (trx) => {
      if (await findRole(trx, data.id)) throw duplicate(data.id);
      await insertRole(trx, role, ctx.now().toISOString());
      await writeAudit(trx, ctx, {
        action: 'role.create',
        entity: 'role',
        entityId: role.id,
        after: role,
      });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw duplicate(data.id);
    throw e;
  }
  forgetSessions();
  return { ...role, users: 0 };
}

/** Changes a custom role's names, permissions or row scope; built-in roles are read-only. */
export async function updateRole(
  deps: Deps,
  ctx: Ctx,
  id: string,
  input: UpdateRoleInput,
): Promise<RoleView> {
  requirePermission(ctx, 'roles.manage');
  const changes = parseInput(updateRoleInput, input, 'Invalid role');
  const after = await deps.store.db.transaction().execute(async (trx) => {
    const before = await findRole(trx, id);
    if (!before) throw notFound('role', id);
    if (before.builtin) throw readOnly(id);
    const next: RoleRecord = {
      ...before,
      ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)),
    };
    await updateRoleRow(trx, next, ctx.now().toISOString());
    await writeAudit(trx, ctx, {
      action: 'role.update',
      entity: 'role',
      entityId: id,
      before,
      after: next,
    });
    return next;
  });
  forgetSessions();
  const counts = await userCountsByRole(deps.store.db);
  return { ...after, users: counts.get(id) ?? 0 };
}

/** Deletes a custom role nobody holds; refused for built-in roles and roles still held. */
export async function deleteRole(deps: Deps, ctx: Ctx, id: string): Promise<void> {
  requirePermission(ctx, 'roles.manage');
  await deps.store.db.transaction().execute(async (trx) => {
    const before = await findRole(trx, id);
    if (!before) throw notFound('role', id);
    if (before.builtin) throw readOnly(id);
    const holders = (await userCountsByRole(trx)).get(id) ?? 0;
    if (holders > 0) {
      throw new DomainError(
        'CONFLICT',
        `Role ${id} is held by ${holders} user${holders === 1 ? '' : 's'}; give them another role first`,
        { role: id, users: holders },
      );
    }
    await deleteRoleRow(trx, id);
    await writeAudit(trx, ctx, { action: 'role.delete', entity: 'role', entityId: id, before });
  });
  forgetSessions();
}
