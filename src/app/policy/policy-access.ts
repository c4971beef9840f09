import { allows } from '../../domain/auth/permissions';
import { DomainError } from '../../domain/errors';
import type { Ctx } from '../context';

/**
 * Reading tier policies: everyone serving customers needs them (customers.read), and so do the
 * people who edit them (policies.manage) even without customer access.
 */
export function requirePolicyRead(ctx: Ctx): void {
  if (ctx.actor.id === null) return;
  const p = ctx.actor.permissions;
  if (allows(p, 'customers.read') || allows(p, 'policies.manage')) return;
  throw new DomainError(
    'FORBIDDEN',
    'This needs the permission customers.read or policies.manage',
    {
      permission: 'customers.read',
    },
  );
}
