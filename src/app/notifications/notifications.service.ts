import { z } from 'zod';
import { DomainError, notFound } from '../../domain/errors';
import { instantText, instantTextOrNull } from '../../store/row-values';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { parseInput } from '../parse';

export const notificationsQuery = z.strictObject({
  unread: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

function requireUser(ctx: Ctx): number {
  if (ctx.actor.id === null)
    throw new DomainError('INVALID_STATE', 'Notifications belong to signed-in users');
  return ctx.actor.id;
}

/** The signed-in user's notifications, newest first, with the number still unread. */
export async function listNotifications(deps: Deps, ctx: Ctx, raw: unknown) {
  const userId = requireUser(ctx);
  const q = parseInput(notificationsQuery, raw, 'Invalid notifications query');
  const db = deps.store.db;
  let query = db.selectFrom('notifications').selectAll().where('user_id', '=', userId);
  if (q.unread) query = query.where('read_at', 'is', null);
  const rows = await query.orderBy('id', 'desc').limit(q.limit).execute();
  const unread = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return {
    unread: Number(unread.n),
    items: rows.map((r) => ({
      id: Number(r.id),
      kind: r.kind,
      payload: JSON.parse(r.payload) as Record<string, unknown>,
      entity: r.entity,
      entityId: r.entity_id,
      createdAt: instantText(r.created_at),
      readAt: instantTextOrNull(r.read_at),
    })),
  };
}

/** Marks one of the user's notifications read (someone else's is not found). */
export async function markRead(deps: Deps, ctx: Ctx, id: number): Promise<void> {
  const userId = requireUser(ctx);
  const r = await deps.store.db
    .updateTable('notifications')
    .set({ read_at: ctx.now().toISOString() })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw notFound('Notification', id);
}

/** Marks all of the user's notifications read. */
export async function markAllRead(deps: Deps, ctx: Ctx): Promise<number> {
  const userId = requireUser(ctx);
  const r = await deps.store.db
    .updateTable('notifications')
    .set({ read_at: ctx.now().toISOString() })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
