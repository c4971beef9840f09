import { z } from 'zod';

/**
 * An edit of a user by an administrator: only the fields given change. `region` and `team`
 * decide which customers the user sees under the row scopes `region` and `team`; null clears.
 */
export const updateUserInput = z
  .strictObject({
    displayName: z.string().trim().min(1, 'displayName must not be empty').max(100).optional(),
    email: z.email('email must be an e-mail address').nullable().optional(),
    roleId: z.string().min(1, 'roleId must name a role').optional(),
    region: z
      .string()
      .trim()
      .max(100, 'region must be at most 100 characters')
      .nullable()
      .optional(),
    team: z.string().trim().max(100, 'team must be at most 100 characters').nullable().optional(),
    locale: z.enum(['zh-CN', 'en']).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'give at least one field to change');
export type UpdateUserInput = z.input<typeof updateUserInput>;
