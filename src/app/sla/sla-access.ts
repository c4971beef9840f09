import { allows } from '../../domain/auth/permissions';
import { DomainError } from '../../domain/errors';
import type { Ctx } from '../context';

/**
 * Reading SLA policies: the people working tickets (tickets.work) need to see them, and so do
 * those who edit them (service.manage).
 */
export function requireSlaRead(ctx: Ctx): void {
  if (ctx.actor.id === null) return;
  const p = ctx.actor.permissions;
  if (allows(p, 'tickets.work') || allows(p, 'service.manage')) return;
  throw new DomainError('FORBIDDEN', 'This needs the permission tickets.work or service.manage', {
    permission: 'tickets.work',
  });
}
