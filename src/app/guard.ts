import { allows, type Permission } from '../domain/auth/permissions';
import { DomainError } from '../domain/errors';
import type { Ctx } from './context';

/**
 * Refuses a use case when the actor lacks the permission. Routes check too; this check makes the
 * CLI and jobs obey the same rules (the system actor is trusted).
 */
export function requirePermission(ctx: Ctx, permission: Permission): void {
  if (ctx.actor.id === null) return;
  if (!allows(ctx.actor.permissions, permission)) {
    throw new DomainError('FORBIDDEN', `This needs the permission ${permission}`, { permission });
  }
}
