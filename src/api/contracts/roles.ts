import { z } from 'zod';

export const roleViewResponse = z
  .object({
    id: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    permissions: z.array(z.string()),
    rowScope: z.string(),
    builtin: z.boolean(),
    users: z.number().int(),
  })
  .meta({ id: 'RoleWithHolders' });

export const permissionCatalogResponse = z
  .object({
    areas: z.array(z.object({ area: z.string(), permissions: z.array(z.string()) })),
    rowScopes: z.array(z.string()),
  })
  .meta({ id: 'PermissionCatalog' });
