import { randomBytes } from 'node:crypto';
import { BUILTIN_ROLES } from '../../domain/auth/permissions';
import { DomainError, validationError } from '../../domain/errors';
import { type CreateUserInput, createUserInput, type User } from '../../domain/users/user.schema';
import { isUniqueViolation } from '../../store/errors';
import * as repo from '../../store/users.repository';
import { writeAudit } from '../audit';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { requirePermission } from '../guard';
import { parseInput } from '../parse';
import { hashPassword } from './password';
import { forgetSessions } from './sessions.service';

/** Creates a user with an argon2id-hashed password. */
export async function createUser(deps: Deps, ctx: Ctx, input: CreateUserInput): Promise<User> {
  requirePermission(ctx, 'users.manage');
  const data = parseInput(createUserInput, input, 'Invalid user');
  const passwordHash = await hashPassword(data.password);
  const now = ctx.now().toISOString();
  try {
    return await deps.store.db.transaction().execute(async (trx) => {
      if (!(await repo.findRolePermissions(trx, data.roleId))) {
        throw validationError('Unknown role', [
          { field: 'roleId', message: `no role is called ${data.roleId}`, value: data.roleId },
        ]);
      }
      if (await repo.findUserRowByUsername(trx, data.username)) {
        throw duplicateUsername(data.username);
      }
      const row = await trx
        .insertInto('users')
        .values({
          username: data.username,
          display_name: data.displayName,
          email: data.email ?? null,
          password_hash: passwordHash,
          role_id: data.roleId,
          region: data.region ?? null,
          active: 1,
          locale: data.locale,
          created_at: now,
          updated_at: now,
          version: 1,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      const user = repo.toUser(row);
      await writeAudit(trx, ctx, {
        action: 'user.create',
        entity: 'user',
        entityId: user.id,
        after: user,
      });
      return user;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw duplicateUsername(data.username);
    throw e;
  }
}

function duplicateUsername(username: string): DomainError {
  return new DomainError('DUPLICATE', `A user called ${username} already exists`, {
    issues: [
      { field: 'username', message: `username ${username} is already used`, value: username },
    ],
  });
}

/** Lists users. */
export async function listUsers(deps: Deps, ctx: Ctx): Promise<User[]> {
  requirePermission(ctx, 'users.read');
  return repo.listUsers(deps.store.db);
}

/** Active users who can own customers (id and display name only). */
export async function listOwners(deps: Deps, ctx: Ctx) {
  requirePermission(ctx, 'customers.read');
  return repo.listActiveUserNames(deps.store.db);
}

/** Lists roles with their permissions. */
export async function listRoles(deps: Deps, ctx: Ctx) {
  requirePermission(ctx, 'users.read');
  return repo.listRoles(deps.store.db);
}

/** Seeds or refreshes the built-in roles. Idempotent. */
export async function ensureRoles(deps: Deps, ctx: Ctx): Promise<void> {
  await repo.upsertBuiltinRoles(deps.store.db, BUILTIN_ROLES, ctx.now().toISOString());
  forgetSessions();
}

/**
 * Creates the `admin` user on first start. Returns the password when one was generated, so the
 * caller can print it once; returns undefined when an admin exists or the password was given.
 */
export async function ensureAdmin(
  deps: Deps,
  ctx: Ctx,
): Promise<{ created: boolean; generatedPassword?: string }> {
  const existing = await repo.findUserRowByUsername(deps.store.db, 'admin');
  if (existing) return { created: false };
  const given = deps.config.adminPassword;
  const password = given ?? `Td-${randomBytes(9).toString('base64url')}7`;
  await createUser(deps, ctx, {
    username: 'admin',
    displayName: 'Administrator',
    password,
    roleId: 'admin',
  });
  return given ? { created: true } : { created: true, generatedPassword: password };
}
