import { z } from 'zod';
import { passwordProblems } from '../auth/password-policy';

/**
 * The rules a password can be checked against on its own (length, kinds of character, not a
 * well-known password; see domain/auth/password-policy.ts). The rule against containing the
 * username needs the username and is checked where a person sets a password.
 */
export const passwordSchema = z.string({ error: 'password must be text' }).superRefine((p, c) => {
  for (const message of passwordProblems(p)) c.addIssue({ code: 'custom', message });
});

export const createUserInput = z.object({
  username: z
    .string()
    .trim()
    .min(2, 'username must be at least 2 characters')
    .max(64, 'username must be at most 64 characters')
    .regex(/^[A-Za-z0-9_.-]+$/, 'username may hold letters, digits and _ . -'),
  displayName: z.string().trim().min(1, 'displayName must not be empty').max(100),
  email: z.email('email must be an e-mail address').nullable().optional(),
  password: passwordSchema,
  roleId: z.string().min(1, 'roleId must name a role'),
  region: z.string().trim().max(100).nullable().optional(),
  /** The user's team, for roles with row scope `team`. */
  team: z.string().trim().max(100).nullable().optional(),
  locale: z.enum(['zh-CN', 'en']).default('zh-CN'),
});
export type CreateUserInput = z.input<typeof createUserInput>;

export const loginInput = z.object({
  username: z.string().trim().min(1, 'username is required').max(64),
  password: z.string().min(1, 'password is required').max(200),
});
export type LoginInput = z.infer<typeof loginInput>;

/** A user as shown by the API (never the hash). */
export interface User {
  id: number;
  username: string;
  displayName: string;
  email: string | null;
  roleId: string;
  region: string | null;
  team: string | null;
  active: boolean;
  locale: string;
  createdAt: string;
}
