import type { Kysely } from 'kysely';
import { type CustomerFilter, customerFilterOf } from '../../domain/auth/customer-scope';
import { notFound } from '../../domain/errors';
import { customerInScope } from '../../store/customer-scope';
import type { DB } from '../../store/schema';
import type { Ctx } from '../context';

/** The customers the acting user may see and touch (see domain/auth/customer-scope.ts). */
export function customerFilter(ctx: Ctx): CustomerFilter {
  return customerFilterOf(ctx.actor);
}

/**
 * Refuses a customer outside the actor's row scope with NOT_FOUND, the same answer as for a
 * customer that does not exist, so ids of other owners' customers do not leak.
 */
export async function assertCustomerInScope(db: Kysely<DB>, ctx: Ctx, id: number): Promise<void> {
  const filter = customerFilter(ctx);
  if (filter.kind === 'all') return;
  if (!(await customerInScope(db, filter, id))) throw notFound('Customer', id);
}
