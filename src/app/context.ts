import type { Permission } from '../domain/auth/permissions';
import type { RowScope } from '../domain/auth/row-scope';

/** Who is acting. System jobs act as the system actor (id null). */
export interface Actor {
  id: number | null;
  name: string;
  roleId: string;
  permissions: readonly Permission[];
  region: string | null;
  /** Which customers the actor may see: from the role (see domain/auth/row-scope.ts). */
  rowScope: RowScope;
  /** The actor's team, for row scope `team`. */
  team: string | null;
}

/** What every use case receives besides its input: the actor, the request id and the clock. */
export interface Ctx {
  actor: Actor;
  requestId?: string;
  now(): Date;
}

/** The actor for work the system does by itself (migrations, demo loading, scheduled jobs). */
export const SYSTEM_ACTOR: Actor = {
  id: null,
  name: 'system',
  roleId: 'admin',
  permissions: [],
  region: null,
  rowScope: 'all',
  team: null,
};

/** A context for the system actor with the real clock. */
export function systemCtx(requestId?: string): Ctx {
  return { actor: SYSTEM_ACTOR, now: () => new Date(), ...(requestId ? { requestId } : {}) };
}
