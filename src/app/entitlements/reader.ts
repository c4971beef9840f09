import { allows } from '../../domain/auth/permissions';
import { DomainError } from '../../domain/errors';
import type { Ctx } from '../context';

/**
 * Entitlements are read by the customer file (customers.read) and by front-line staff
 * (frontline.read): either permission will do.
 */
export function requireReader(ctx: Ctx): void {
  if (ctx.actor.id === null) return;
  const p = ctx.actor.permissions;
  if (allows(p, 'customers.read') || allows(p, 'frontline.read')) return;
  throw new DomainError('FORBIDDEN', 'This needs the permission customers.read or frontline.read', {
    permission: 'frontline.read',
  });
}
