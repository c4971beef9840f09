import { z } from 'zod';
import { DomainError, notFound, validationError } from '../../domain/errors';
import { balanceOf, issuesOfUse } from '../../domain/policy/entitlement-balance';
import { periodOf } from '../../domain/policy/entitlement-period';
import type { Entitlement } from '../../domain/policy/policy.schema';
import { findCustomerById } from '../../store/customers.repository';
import { reserveUses } from '../../store/entitlements/entitlement-balances.repository';
import * as uses from '../../store/entitlements/entitlement-uses.repository';
import { isUniqueViolation } from '../../store/errors';
import { writeAudit } from '../audit';
import { businessToday } from '../business-today';
import type { Ctx } from '../context';
import { assertCustomerInScope } from '../customers/customer-scope';
import type { Deps } from '../deps';
import { requirePermission } from '../guard';
import { parseInput } from '../parse';
import { customerPolicy } from '../policy/policy-in-force';
import { balancesFor, type EntitlementBalance } from './entitlement-balances';

/** The reason in `details` of the CONFLICT thrown when a use would overdraw the quota. */
export const QUOTA_EXCEEDED = 'QUOTA_EXCEEDED' as const;

export const useInput = z.strictObject({
  quantity: z
    .number({ error: 'quantity must be a number' })
    .int('quantity must be a whole number')
    .min(1, 'quantity must be at least 1')
    .max(1_000_000)
    .default(1),
  choice: z.string().trim().min(1, 'choice must not be empty').max(64).optional(),
  batchSize: z
    .number({ error: 'batchSize must be a number' })
    .int('batchSize must be a whole number')
    .min(1, 'batchSize must be at least 1')
    .max(10_000_000)
    .optional(),
  note: z.string().trim().max(1000).optional(),
});

function repeatRefused(choice: string | undefined): DomainError {
  return validationError('Invalid entitlement use', [
    {
      field: 'choice',
      message: `${choice} was already given to this customer and may not be repeated`,
      value: choice,
    },
  ]);
}

/** The customer's entitlement `key` under its tier in force, or a VALIDATION error naming why not. */
async function entitlementOf(deps: Deps, customerId: number, key: string, today: string) {
  const db = deps.store.db;
  const [customer, policy] = await Promise.all([
    findCustomerById(db, customerId),
    customerPolicy(db, customerId, today),
  ]);
  if (!customer) throw notFound('Customer', customerId);
  if (!policy?.tier || !policy.policy)
    throw validationError(`Customer ${customer.code} has no tier in force, so no entitlements`, [
      { field: 'customerId', message: 'the customer has no service tier in force' },
    ]);
  const keys = policy.policy.entitlements.map((x) => x.key);
  const e = policy.policy.entitlements.find((x) => x.key === key);
  if (!e)
    throw validationError(`Tier ${policy.tier} has no entitlement ${key}`, [
      {
        field: 'key',
        message: `key must be one of ${keys.join(', ') || `(none in tier ${policy.tier})`}`,
        value: key,
      },
    ]);
  return { e, tier: policy.tier };
}

/**
 * Records the use of an entitlement. Rules that depend on the request alone (choice, batch
 * size) are checked first; the quota is then taken atomically inside the transaction that records
 * the use and its audit entry, so concurrent requests can never overdraw it, and a choice never to
 * be repeated is guarded by a unique index. Over quota: CONFLICT with details.reason
 * QUOTA_EXCEEDED, the remaining balance, the quota and the period.
 */
export async function recordEntitlementUse(
  deps: Deps,
  ctx: Ctx,
  customerId: number,
  key: string,
  raw: unknown,
): Promise<{ use: uses.EntitlementUse; balance: EntitlementBalance }> {
  requirePermission(ctx, 'entitlements.use');
  const input = parseInput(useInput, raw ?? {}, 'Invalid entitlement use');
  const db = deps.store.db;
  await assertCustomerInScope(db, ctx, customerId);
  const today = businessToday(deps, ctx);
  const { e, tier } = await entitlementOf(deps, customerId, key, today);
  const received = e.noRepeat ? ((await uses.receivedChoices(db, customerId)).get(key) ?? []) : [];
  const issues = issuesOfUse(e, input, received);
  if (issues.length > 0) throw validationError(`Invalid use of ${e.name.en}`, issues);
  const span = periodOf(e.period, today);
  const now = ctx.now().toISOString();
  let useId: number;
  try {
    useId = await db.transaction().execute(async (trx) => {
      const used = await reserveUses(trx, {
        customerId,
        key,
        periodKey: span.key,
        quantity: input.quantity,
        quota: e.quantity,
        now,
      });
      if (used === null) throw await quotaExceeded(trx, e, customerId, span.key, input.quantity);
      const id = await uses.insertUse(trx, {
        customer_id: customerId,
        entitlement_key: key,
        period_key: span.key,
        quantity: input.quantity,
        choice: input.choice ?? null,
        repeat_guard: e.noRepeat ? (input.choice ?? null) : null,
        batch_size: input.batchSize ?? null,
        note: input.note ?? null,
        tier,
        used_by: ctx.actor.id,
        used_at: now,
      });
      await writeAudit(trx, ctx, {
        action: 'entitlement.use',
        entity: 'customer',
        entityId: customerId,
        after: { useId: id, entitlement: key, period: span.key, tier, ...input, used },
      });
      return id;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw repeatRefused(input.choice);
    throw err;
  }
  const [use, balances] = await Promise.all([
    uses.findUse(db, useId),
    balancesFor(db, customerId, [e], today),
  ]);
  if (!use) throw new DomainError('INTERNAL', `Use ${useId} vanished`);
  return { use, balance: balances[0] as EntitlementBalance };
}

async function quotaExceeded(
  trx: Deps['store']['db'],
  e: Entitlement,
  customerId: number,
  periodKey: string,
  asked: number,
): Promise<DomainError> {
  const current = await trx
    .selectFrom('entitlement_balances')
    .select('used')
    .where('customer_id', '=', customerId)
    .where('entitlement_key', '=', e.key)
    .where('period_key', '=', periodKey)
    .executeTakeFirst();
  const remaining = balanceOf(e, Number(current?.used ?? 0)).remaining ?? 0;
  return new DomainError(
    QUOTA_EXCEEDED,
    `${e.name.zh}（${e.name.en}）: only ${remaining} of ${e.quantity} left in ${periodKey}, ${asked} asked`,
    {
      entitlement: e.key,
      remaining,
      quota: e.quantity,
      period: periodKey,
      asked,
    },
  );
}
