import { z } from 'zod';
import { DomainError, notFound } from '../../domain/errors';
import { customerInScope } from '../../store/customer-scope';
import { releaseUses } from '../../store/entitlements/entitlement-balances.repository';
import * as uses from '../../store/entitlements/entitlement-uses.repository';
import { writeAudit } from '../audit';
import type { Ctx } from '../context';
import { customerFilter } from '../customers/customer-scope';
import type { Deps } from '../deps';
import { requirePermission } from '../guard';
import { parseInput } from '../parse';

export const voidInput = z.strictObject({
  reason: z
    .string({ error: 'reason is required' })
    .trim()
    .min(1, 'reason is required: say why the use is given back')
    .max(1000),
});

/**
 * Voids a use (recorded by mistake, or the service was not given after all) and gives its
 * quantity back to the balance of the period it was counted in. A voided choice may be given again.
 */
export async function voidUse(
  deps: Deps,
  ctx: Ctx,
  useId: number,
  raw: unknown,
): Promise<uses.EntitlementUse> {
  requirePermission(ctx, 'entitlements.use');
  const input = parseInput(voidInput, raw ?? {}, 'Invalid void');
  const db = deps.store.db;
  const use = await uses.findUse(db, useId);
  if (!use || !(await customerInScope(db, customerFilter(ctx), use.customerId)))
    throw notFound('Entitlement use', useId);
  if (use.voidedAt) throw new DomainError('INVALID_STATE', `Use ${useId} is already voided`);
  const now = ctx.now().toISOString();
  await db.transaction().execute(async (trx) => {
    if (!(await uses.markVoided(trx, useId, { by: ctx.actor.id, reason: input.reason, now })))
      throw new DomainError('INVALID_STATE', `Use ${useId} is already voided`);
    await releaseUses(trx, {
      customerId: use.customerId,
      key: use.entitlementKey,
      periodKey: use.periodKey,
      quantity: use.quantity,
      now,
    });
    await writeAudit(trx, ctx, {
      action: 'entitlement.void',
      entity: 'customer',
      entityId: use.customerId,
      before: {
        useId,
        entitlement: use.entitlementKey,
        period: use.periodKey,
        quantity: use.quantity,
      },
      after: { reason: input.reason },
    });
  });
  const out = await uses.findUse(db, useId);
  if (!out) throw notFound('Entitlement use', useId);
  return out;
}
