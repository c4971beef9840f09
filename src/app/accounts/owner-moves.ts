import type { Kysely } from 'kysely';
import { monthOf } from '../../domain/accounts/month';
import { applyOwnerChanges, type OwnerChange } from '../../store/accounts/owners.repository';
import { moveOpenPlans } from '../../store/accounts/visit-plans.repository';
import type { DB } from '../../store/schema';
import { writeAudit } from '../audit';
import { businessToday } from '../business-today';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { dispatchEvent } from '../notifications/dispatch';
import type { AccountBook } from './account-book';

/** One customer's move, as the API reports it. */
export interface OwnerMove {
  customerId: number;
  code: string;
  name: string;
  tier: string | null;
  fromOwnerId: number | null;
  toOwnerId: number | null;
  toOwnerName: string | null;
}

/** The moves as the API reports them, with codes, names and the new owner's name. */
export function describeMoves(book: AccountBook, changes: readonly OwnerChange[]): OwnerMove[] {
  const byId = new Map(book.customers.map((c) => [c.id, c]));
  return changes.map((ch) => {
    const c = byId.get(ch.customerId);
    return {
      customerId: ch.customerId,
      code: c?.code ?? '',
      name: c?.name ?? '',
      tier: c?.tier ?? null,
      fromOwnerId: ch.fromOwner,
      toOwnerId: ch.toOwner,
      toOwnerName: ch.toOwner === null ? null : (book.owners.get(ch.toOwner)?.displayName ?? null),
    };
  });
}

/**
 * Tells each new owner which customers they now serve (in-app, and to webhook subscribers of
 * `accounts.customers_assigned`), inside the transaction of the move.
 */
async function tellNewOwners(
  trx: Kysely<DB>,
  ctx: Ctx,
  book: AccountBook,
  changes: readonly OwnerChange[],
  reason: string,
): Promise<void> {
  const byOwner = new Map<number, number[]>();
  for (const c of changes)
    if (c.toOwner !== null)
      byOwner.set(c.toOwner, [...(byOwner.get(c.toOwner) ?? []), c.customerId]);
  const byId = new Map(book.customers.map((c) => [c.id, c]));
  for (const [ownerId, ids] of byOwner)
    await dispatchEvent(trx, ctx, {
      kind: 'accounts.customers_assigned',
      entity: 'user',
      entityId: ownerId,
      payload: {
        count: ids.length,
        reason,
        // Enough to act on; the full list is the owner's customer list.
        customers: ids.slice(0, 50).map((id) => ({
          id,
          code: byId.get(id)?.code ?? '',
          name: byId.get(id)?.name ?? '',
          tier: byId.get(id)?.tier ?? null,
        })),
      },
      userIds: [ownerId],
    });
}

/**
 * Writes owner moves with their history, hands plans from this month on to the new owners,
 * tells them, and audits: one transaction, all or nothing.
 */
export async function commitMoves(
  deps: Deps,
  ctx: Ctx,
  book: AccountBook,
  changes: readonly OwnerChange[],
  audit: { action: string; reason: string; detail: Record<string, unknown> },
): Promise<void> {
  if (!changes.length) return;
  const now = ctx.now().toISOString();
  const month = monthOf(businessToday(deps, ctx));
  await deps.store.db.transaction().execute(async (trx) => {
    await applyOwnerChanges(trx, changes, { reason: audit.reason, changedBy: ctx.actor.id, now });
    await moveOpenPlans(
      trx,
      changes.map((c) => ({ customerId: c.customerId, toOwner: c.toOwner })),
      month,
    );
    await tellNewOwners(trx, ctx, book, changes, audit.reason);
    await writeAudit(trx, ctx, {
      action: audit.action,
      entity: 'accounts',
      after: { ...audit.detail, reason: audit.reason, changes },
    });
  });
}
