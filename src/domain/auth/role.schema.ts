import { z } from 'zod';
import { PERMISSIONS, type Permission } from './permissions';
import { ROW_SCOPES } from './row-scope';

const permissionList = z
  .array(
    z.enum(PERMISSIONS as unknown as [Permission, ...Permission[]], {
      error: (i) => `unknown permission ${String(i.input)}`,
    }),
  )
  .max(PERMISSIONS.length * 2)
  .transform((ps) => [...new Set(ps)].sort());

const roleName = (field: string) =>
  z
    .string()
    .trim()
    .min(1, `${field} must not be empty`)
    .max(60, `${field} is at most 60 characters`);

const rowScope = z.enum(ROW_SCOPES, {
  error: `rowScope must be one of ${ROW_SCOPES.join(', ')}`,
});

/** A new custom role. */
export const createRoleInput = z.object({
  id: z
    .string()
    .trim()
    .regex(
      /^[a-z][a-z0-9_]{1,39}$/,
      'id must be 2-40 characters: lower-case letters, digits and _, starting with a letter',
    ),
  nameZh: roleName('nameZh'),
  nameEn: roleName('nameEn'),
  permissions: permissionList,
  rowScope: rowScope.default('all'),
});
export type CreateRoleInput = z.input<typeof createRoleInput>;

/** Changes to a custom role; anything left out stays. */
export const updateRoleInput = z.object({
  nameZh: roleName('nameZh').optional(),
  nameEn: roleName('nameEn').optional(),
  permissions: permissionList.optional(),
  rowScope: rowScope.optional(),
});
export type UpdateRoleInput = z.input<typeof updateRoleInput>;

/** Permissions grouped by their area (the part before the dot), in catalog order. */
export function permissionAreas(): { area: string; permissions: Permission[] }[] {
  const areas = new Map<string, Permission[]>();
  for (const p of PERMISSIONS) {
    const area = p.split('.')[0]!;
    areas.set(area, [...(areas.get(area) ?? []), p]);
  }
  return [...areas].map(([area, permissions]) => ({ area, permissions }));
}
