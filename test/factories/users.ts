import type { Ctx } from '../../src/app/context';
import { BUILTIN_ROLES } from '../../src/domain/auth/permissions';

/** A context acting as a user of a built-in role (no database row needed for use-case tests). */
export function roleCtx(roleId: string, id = 99): Ctx {
  const role = BUILTIN_ROLES.find((r) => r.id === roleId);
  if (!role) throw new Error(`no role ${roleId}`);
  return {
    actor: { id, name: roleId, roleId, permissions: role.permissions, region: null },
    now: () => new Date(),
  };
}
