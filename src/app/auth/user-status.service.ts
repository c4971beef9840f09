import { notFound, validationError } from '../../domain/errors';
import * as repo from '../../store/users.repository';
import { writeAudit } from '../audit';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { requirePermission } from '../guard';
import { endAllSessionsOf } from './session-admin.service';
import { forgetSessions } from './sessions.service';

/**
 * Disables or enables a user (users.manage). Disabling ends every session of theirs at once; their
 * API tokens stop working while they are disabled (they are checked on every request). One
 * cannot disable oneself, so an administrator cannot lock the last door behind them.
 */
export async function setUserActive(
  deps: Deps,
  ctx: Ctx,
  userId: number,
  active: boolean,
): Promise<void> {
  requirePermission(ctx, 'users.manage');
  if (!active && userId === ctx.actor.id) {
    throw validationError('You cannot disable yourself', [
      { field: 'active', message: 'ask another administrator to disable your account' },
    ]);
  }
  const row = await repo.findUserRowById(deps.store.db, userId);
  if (!row) throw notFound('User', userId);
  if ((row.active === 1) === active) return;
  await deps.store.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set((eb) => ({
        active: active ? 1 : 0,
        updated_at: ctx.now().toISOString(),
        version: eb('version', '+', 1),
      }))
      .where('id', '=', userId)
      .execute();
    await writeAudit(trx, ctx, {
      action: active ? 'user.enable' : 'user.disable',
      entity: 'user',
      entityId: userId,
      before: { active: row.active === 1 },
      after: { active },
    });
    if (!active) await endAllSessionsOf(trx, ctx, userId);
  });
  forgetSessions();
}
