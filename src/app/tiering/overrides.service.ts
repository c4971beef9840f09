import { z } from 'zod';
import { DomainError, notFound } from '../../domain/errors';
import { dateSchema } from '../../domain/money';
import type { Scheme } from '../../domain/scheme';
import { customerInScope } from '../../store/customer-scope';
import { findCustomerById } from '../../store/customers.repository';
import * as repo from '../../store/tiering/overrides.repository';
import * as schemes from '../../store/tiering/schemes.repository';
import { writeAudit } from '../audit';
import { businessToday } from '../business-today';
import type { Ctx } from '../context';
import { assertCustomerInScope, customerFilter } from '../customers/customer-scope';
import type { Deps } from '../deps';
import { requirePermission } from '../guard';
import { parseInput } from '../parse';
import { clearEvaluationCache } from './evaluation-cache';

export const setOverrideInput = z.strictObject({
  customerId: z.number({ error: 'customerId must be a number' }).int().positive(),
  tier: z.string({ error: 'tier is required' }).trim().min(1, 'tier is required').max(100),
  reason: z
    .string({ error: 'reason is required' })
    .trim()
    .min(1, 'reason is required: say why this customer gets another tier')
    .max(1000, 'reason must be at most 1000 characters'),
  expiresOn: dateSchema('expiresOn').nullish(),
});
export type SetOverrideInput = z.input<typeof setOverrideInput>;

/**
 * Sets a manual tier for a customer in a scheme, e.g. a strategic customer raised for its social
 * influence. The one setting it (who holds tiering.manage) is recorded as its approver; it
 * replaces the customer's earlier active override, lapses after `expiresOn` (inclusive), and
 * applies from the next run. Audited with the tier, reason and expiry. A customer outside the
 * actor's row scope is NOT_FOUND, as one that does not exist.
 */
export async function setOverride(deps: Deps, ctx: Ctx, schemeId: number, raw: SetOverrideInput) {
  requirePermission(ctx, 'tiering.manage');
  const input = parseInput(setOverrideInput, raw, 'Invalid tier override');
  const db = deps.store.db;
  const scheme = await schemes.findSchemeById(db, schemeId);
  if (!scheme) throw notFound('Scheme', schemeId);
  const latest = await schemes.latestVersion(db, schemeId);
  const tiers = ((latest?.document as Scheme | undefined)?.tiers ?? []).map((t) => t.id);
  if (!tiers.includes(input.tier))
    throw new DomainError('VALIDATION', 'Invalid tier override', {
      issues: [{ field: 'tier', message: `tier must be one of ${tiers.join(', ')}` }],
    });
  if (!(await findCustomerById(db, input.customerId))) throw notFound('Customer', input.customerId);
  await assertCustomerInScope(db, ctx, input.customerId);
  const today = businessToday(deps, ctx);
  if (input.expiresOn && input.expiresOn < today)
    throw new DomainError('VALIDATION', 'Invalid tier override', {
      issues: [{ field: 'expiresOn', message: `expiresOn must be today (${today}) or later` }],
    });
  const now = ctx.now().toISOString();
  const id = await db.transaction().execute(async (trx) => {
    const replaced = await repo.revokeActive(trx, schemeId, input.customerId, now);
    const newId = await repo.insertOverride(
      trx,
      {
        schemeId,
        customerId: input.customerId,
        tier: input.tier,
        reason: input.reason,
        approverId: ctx.actor.id,
        expiresOn: input.expiresOn ?? null,
        createdBy: ctx.actor.id,
      },
      now,
    );
    await writeAudit(trx, ctx, {
      action: 'tier_override.set',
      entity: 'customer',
      entityId: input.customerId,
      after: {
        overrideId: newId,
        schemeId,
        tier: input.tier,
        reason: input.reason,
        expiresOn: input.expiresOn ?? null,
        replaced,
      },
    });
    return newId;
  });
  clearEvaluationCache(deps);
  const [row] = (await repo.listOverrides(db, { customerId: input.customerId })).filter(
    (o) => o.id === id,
  );
  return row!;
}

/**
 * Overrides of a scheme or a customer (newest first); `active` leaves out revoked ones. Only
 * overrides of customers in the actor's row scope.
 */
export async function listOverrides(
  deps: Deps,
  ctx: Ctx,
  filter: { schemeId?: number | undefined; customerId?: number | undefined; active?: boolean },
) {
  requirePermission(ctx, 'tiering.read');
  return repo.listOverrides(deps.store.db, { ...filter, rows: customerFilter(ctx) });
}

/**
 * Revokes an override from the next run on; audited with the reason given. An override of a
 * customer outside the actor's row scope is NOT_FOUND, as one that does not exist.
 */
export async function revokeOverride(deps: Deps, ctx: Ctx, id: number, reason: string) {
  requirePermission(ctx, 'tiering.manage');
  const why = reason.trim();
  if (!why)
    throw new DomainError('VALIDATION', 'Invalid revocation', {
      issues: [{ field: 'reason', message: 'reason is required' }],
    });
  const db = deps.store.db;
  await db.transaction().execute(async (trx) => {
    const o = await repo.findOverride(trx, id);
    const filter = customerFilter(ctx);
    if (
      !o ||
      (filter.kind !== 'all' && !(await customerInScope(trx, filter, Number(o.customer_id))))
    )
      throw notFound('Tier override', id);
    if (!(await repo.revokeOverride(trx, id, ctx.now().toISOString())))
      throw new DomainError('CONFLICT', `Tier override ${id} was already revoked`);
    await writeAudit(trx, ctx, {
      action: 'tier_override.revoke',
      entity: 'customer',
      entityId: Number(o.customer_id),
      before: { overrideId: id, tier: o.tier },
      after: { reason: why },
    });
  });
  clearEvaluationCache(deps);
}
