import { z } from 'zod';

/** A password policy that is easy to state in an error: length, and not only one kind of char. */
export const passwordSchema = z
  .string({ error: 'password must be text' })
  .min(10, 'password must be at least 10 characters')
  .max(200, 'password must be at most 200 characters')
  .refine(
    (p) => /[A-Za-z]/.test(p) && /[0-9]/.test(p),
    'password must contain at least one letter and one digit',
  );

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
  active: boolean;
  locale: string;
  createdAt: string;
}
