import { DomainError } from '../../domain/errors';
import type { Ctx } from '../context';

/**
 * Reading calendars is for whoever works tickets or manages the service desk (either
 * permission); the route itself only needs a signed-in user.
 */
export function requireCalendarReader(ctx: Ctx): void {
  if (ctx.actor.id === null) return;
  const p = ctx.actor.permissions;
  if (p.includes('tickets.work') || p.includes('service.manage')) return;
  throw new DomainError('FORBIDDEN', 'This needs the permission tickets.work or service.manage', {
    permission: 'tickets.work',
  });
}
