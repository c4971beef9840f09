import { randomBytes } from 'node:crypto';
import { BUILTIN_ROLES, type Permission } from '../../domain/auth/permissions';
import { isRowScope } from '../../domain/auth/row-scope';
import { DomainError, notFound, validationError } from '../../domain/errors';
import { type CreateUserInput, createUserInput, type User } from '../../domain/users/user.schema';
import { type UpdateUserInput, updateUserInput } from '../../domain/users/user-edit.schema';
import { isUniqueViolation } from '../../store/errors';
import * as repo from '../../store/users.repository';
import { writeAudit } from '../audit';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { requirePermission } from '../guard';
import { parseInput } from '../parse';
import { assertPasswordPolicy, hashPassword } from './password';
import { forgetSessions } from './sessions.service';

/** Creates a user with an argon2id-hashed password. */
export async function createUser(deps: Deps, ctx: Ctx, input: CreateUserInput): Promise<User> {
  requirePermission(ctx, 'users.manage');
  const data = parseInput(createUserInput, input, 'Invalid user');
  // A person choosing a password also may not reuse the username (seeding by the system is not).
  if (ctx.actor.id !== null) assertPasswordPolicy(data.password, data.username);
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
          team: data.team ?? null,
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

/**
 * Edits a user (display name, e-mail, role, region, team, locale), audited with before and
 * after. Region and team take effect on the user's next request: cached sessions are dropped.
 */
export async function updateUser(
  deps: Deps,
  ctx: Ctx,
  id: number,
  input: UpdateUserInput,
): Promise<User> {
  requirePermission(ctx, 'users.manage');
  const data = parseInput(updateUserInput, input, 'Invalid user edit');
  const now = ctx.now().toISOString();
  const user = await deps.store.db.transaction().execute(async (trx) => {
    const before = await repo.findUserRowById(trx, id);
    if (!before) throw notFound('User', id);
    if (data.roleId !== undefined && !(await repo.findRolePermissions(trx, data.roleId))) {
      throw validationError('Unknown role', [
        { field: 'roleId', message: `no role is called ${data.roleId}`, value: data.roleId },
      ]);
    }
    const blank = (v: string | null | undefined) => (v === undefined ? undefined : v || null);
    const values = {
      ...(data.displayName !== undefined ? { display_name: data.displayName } : {}),
      ...(data.email !== undefined ? { email: data.email } : {}),
      ...(data.roleId !== undefined ? { role_id: data.roleId } : {}),
      ...(data.region !== undefined ? { region: blank(data.region) } : {}),
      ...(data.team !== undefined ? { team: blank(data.team) } : {}),
      ...(data.locale !== undefined ? { locale: data.locale } : {}),
    };
    const after = await trx
      .updateTable('users')
      .set({ ...values, updated_at: now, version: before.version + 1 })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const out = repo.toUser(after);
    await writeAudit(trx, ctx, {
      action: 'user.update',
      entity: 'user',
      entityId: id,
      before: repo.toUser(before),
      after: out,
    });
    return out;
  });
  // Sessions carry the role, region and team: the next request must read the new ones.
  forgetSessions();
  return user;
}

function duplicateUsername(username: string): DomainError {
  return new DomainError('DUPLICATE', `A user called ${username} already exists`, {
    issues: [
      { field: 'username', message: `username ${username} is already used`, value: username },
    ],
  });
}

/**
 * A context acting as an existing, active user, with their role's permissions and row scope:
 * lets the CLI run a command as someone (`--as <username>`) so their scope applies.
 */
export async function userCtx(deps: Deps, username: string): Promise<Ctx> {
  const row = await repo.findUserRowByUsername(deps.store.db, username);
  if (row?.active !== 1)
    throw new DomainError('NOT_FOUND', `No active user is called ${username}`, {
      entity: 'User',
      id: username,
    });
  const role = await deps.store.db
    .selectFrom('roles')
    .select(['permissions', 'row_scope'])
    .where('id', '=', row.role_id)
    .executeTakeFirst();
  return {
    actor: {
      id: row.id,
      name: row.username,
      roleId: row.role_id,
      permissions: role ? (JSON.parse(role.permissions) as Permission[]) : [],
      region: row.region,
      // A role that cannot be read grants nothing and sees only the user's own customers.
      rowScope: role && isRowScope(role.row_scope) ? role.row_scope : 'own',
      team: row.team ?? null,
    },
    now: () => new Date(),
  };
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
