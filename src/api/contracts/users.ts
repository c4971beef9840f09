import { z } from 'zod';
import { ROW_SCOPES } from '../../domain/auth/row-scope';

export const userResponse = z
  .object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string(),
    email: z.string().nullable(),
    roleId: z.string(),
    region: z.string().nullable(),
    team: z.string().nullable(),
    active: z.boolean(),
    locale: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'User' });

export const roleResponse = z
  .object({
    id: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    permissions: z.array(z.string()),
    builtin: z.boolean(),
    rowScope: z.enum(ROW_SCOPES),
  })
  .meta({ id: 'Role' });

export const meResponse = z.object({
  user: userResponse,
  permissions: z.array(z.string()),
  /** Which customers the user's role lets them see (all, region, team or own). */
  rowScope: z.enum(ROW_SCOPES),
  csrfToken: z.string(),
  expiresAt: z.string(),
});
