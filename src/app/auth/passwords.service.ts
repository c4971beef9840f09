import { z } from 'zod';
import { DomainError, notFound, validationError } from '../../domain/errors';
import * as repo from '../../store/users.repository';
import { writeAudit } from '../audit';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { requirePermission } from '../guard';
import { parseInput } from '../parse';
import { clearFailures } from './login-throttle';
import { assertPasswordPolicy, hashPassword, verifyPassword } from './password';
import { endAllSessionsOf } from './session-admin.service';

export const changePasswordInput = z.object({
  currentPassword: z.string().min(1, 'currentPassword is required').max(200),
  newPassword: z.string().min(1, 'newPassword is required').max(200),
});
export type ChangePasswordInput = z.infer<typeof changePasswordInput>;

export const resetPasswordInput = z.object({
  newPassword: z.string().min(1, 'newPassword is required').max(200),
});
export type ResetPasswordInput = z.infer<typeof resetPasswordInput>;

/**
 * Changes the actor's own password after checking the current one, and ends every other
 * session of theirs (`keepSessionId` is the one making the request).
 */
export async function changeOwnPassword(
  deps: Deps,
  ctx: Ctx,
  input: ChangePasswordInput,
  keepSessionId?: string,
): Promise<void> {
  const data = parseInput(changePasswordInput, input, 'Invalid password change');
  if (ctx.actor.id === null) throw new DomainError('FORBIDDEN', 'The system has no password');
  const row = await repo.findUserRowById(deps.store.db, ctx.actor.id);
  if (!row) throw notFound('User', ctx.actor.id);
  if (!(await verifyPassword(row.password_hash, data.currentPassword))) {
    throw validationError('The current password is wrong', [
      { field: 'currentPassword', message: 'currentPassword does not match' },
    ]);
  }
  assertPasswordPolicy(data.newPassword, row.username, 'newPassword');
  await setPassword(deps, ctx, row.id, data.newPassword, 'user.password_change', keepSessionId);
}

/**
 * Sets another user's password (users.manage), ends all their sessions and lifts any sign-in
 * lock on their username.
 */
export async function resetPassword(
  deps: Deps,
  ctx: Ctx,
  userId: number,
  input: ResetPasswordInput,
): Promise<void> {
  requirePermission(ctx, 'users.manage');
  const data = parseInput(resetPasswordInput, input, 'Invalid password reset');
  const row = await repo.findUserRowById(deps.store.db, userId);
  if (!row) throw notFound('User', userId);
  assertPasswordPolicy(data.newPassword, row.username, 'newPassword');
  await setPassword(deps, ctx, row.id, data.newPassword, 'user.password_reset');
  await clearFailures(deps, row.username);
}

async function setPassword(
  deps: Deps,
  ctx: Ctx,
  userId: number,
  password: string,
  action: string,
  keepSessionId?: string,
): Promise<void> {
  const hashed = await hashPassword(password);
  await deps.store.db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable('users')
      .set((eb) => ({
        password_hash: hashed,
        updated_at: ctx.now().toISOString(),
        version: eb('version', '+', 1),
      }))
      .where('id', '=', userId)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw notFound('User', userId);
    // The audit never sees the password or its hash.
    await writeAudit(trx, ctx, { action, entity: 'user', entityId: userId });
    await endAllSessionsOf(trx, ctx, userId, keepSessionId);
  });
}
