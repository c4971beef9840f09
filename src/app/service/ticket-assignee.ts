import type { Kysely } from 'kysely';
import { validationError } from '../../domain/errors';
import type { DB } from '../../store/schema';
import { findRolePermissions, findUserRowById } from '../../store/users.repository';

/**
 * Checks that a user can take tickets: exists, active, and holds tickets.work. The error names
 * the field so a form can point at it.
 */
export async function checkAssignee(db: Kysely<DB>, userId: number, field = 'assigneeId') {
  const u = await findUserRowById(db, userId);
  if (!u || Number(u.active) !== 1)
    throw validationError('Invalid assignee', [
      { field, message: `user ${userId} does not exist or is not active` },
    ]);
  const perms = (await findRolePermissions(db, u.role_id)) ?? [];
  if (!perms.includes('tickets.work'))
    throw validationError('Invalid assignee', [
      { field, message: `${u.display_name} cannot work tickets (needs tickets.work)` },
    ]);
  return { id: Number(u.id), name: u.display_name };
}
