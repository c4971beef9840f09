import type { Ctx } from '../../src/app/context';
import { BUILTIN_ROLES } from '../../src/domain/auth/permissions';
import type { RowScope } from '../../src/domain/auth/row-scope';

/**
 * A context acting as a user of a built-in role (no database row needed for use-case tests).
 * Row scope is 'all' unless given: tests about scopes pass the scope they test.
 */
export function roleCtx(roleId: string, id = 99, rowScope: RowScope = 'all'): Ctx {
  const role = BUILTIN_ROLES.find((r) => r.id === roleId);
  if (!role) throw new Error(`no role ${roleId}`);
  return {
    actor: {
      id,
      name: roleId,
      roleId,
      permissions: role.permissions,
      region: null,
      rowScope,
      team: null,
    },
    now: () => new Date(),
  };
}
