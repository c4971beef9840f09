import { z } from 'zod';
import { DomainError, notFound } from '../../domain/errors';
import { dateSchema } from '../../domain/money';
import { findCustomerById } from '../../store/customers.repository';
import {
  findTermAdjustment,
  insertTermAdjustment,
  revokeTermAdjustment,
} from '../../store/policy/term-adjustments.repository';
import { writeAudit } from '../audit';
import { businessToday } from '../business-today';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { requirePermission } from '../guard';
import { parseInput } from '../parse';
import { requirePolicyRead } from './policy-access';
import { customerPolicy } from './policy-in-force';

export const termAdjustmentInput = z.strictObject({
  steps: z
    .number({ error: 'steps must be a number of rungs' })
    .int('steps must be a whole number')
    .min(1, 'steps must be at least 1')
    .max(10, 'steps must be at most 10'),
  reason: z
    .string({ error: 'reason is required' })
    .trim()
    .min(1, 'reason is required: say why the terms move down')
    .max(1000),
  expiresOn: dateSchema('expiresOn').nullish(),
});

/**
 * What a customer gets today under the service-tier scheme: tier, policy, the payment term
 * after adjustments (with their reasons) and the ladder to show it on.
 */
export async function getCustomerPolicy(deps: Deps, ctx: Ctx, customerId: number) {
  requirePolicyRead(ctx);
  const db = deps.store.db;
  const c = await findCustomerById(db, customerId);
  if (!c) throw notFound('Customer', customerId);
  const today = businessToday(deps, ctx);
  const cp = await customerPolicy(db, customerId, today);
  return {
    customerId,
    customerCode: c.code,
    customerName: c.name,
    today,
    schemeId: cp?.schemeId ?? null,
    catalogVersion: cp?.catalogVersion ?? null,
    tier: cp?.tier ?? null,
    since: cp?.since ?? null,
    score: cp?.score ?? null,
    policy: cp?.policy ?? null,
    paymentTerms: cp?.catalog.paymentTerms ?? [],
    paymentTerm: cp?.paymentTerm ?? null,
    termAdjustments: cp?.termAdjustments ?? [],
  };
}

/**
 * Moves a customer's payment terms down by hand (policies.manage), e.g. after a dispute;
 * audited with the reason. Returns the customer's policy view.
 */
export async function addTermAdjustment(deps: Deps, ctx: Ctx, customerId: number, raw: unknown) {
  requirePermission(ctx, 'policies.manage');
  const input = parseInput(termAdjustmentInput, raw, 'Invalid term adjustment');
  const db = deps.store.db;
  if (!(await findCustomerById(db, customerId))) throw notFound('Customer', customerId);
  const today = businessToday(deps, ctx);
  if (input.expiresOn && input.expiresOn < today)
    throw new DomainError('VALIDATION', 'Invalid term adjustment', {
      issues: [{ field: 'expiresOn', message: `expiresOn must be today (${today}) or later` }],
    });
  await db.transaction().execute(async (trx) => {
    const id = await insertTermAdjustment(trx, {
      customerId,
      steps: input.steps,
      reason: input.reason,
      source: 'manual',
      sourceId: null,
      createdBy: ctx.actor.id,
      now: ctx.now().toISOString(),
      expiresOn: input.expiresOn ?? null,
    });
    await writeAudit(trx, ctx, {
      action: 'policy.term_adjust',
      entity: 'customer',
      entityId: customerId,
      after: { adjustmentId: id, ...input },
    });
  });
  return getCustomerPolicy(deps, ctx, customerId);
}

/** Revokes a term adjustment of a customer (policies.manage), audited. */
export async function revokeCustomerTermAdjustment(
  deps: Deps,
  ctx: Ctx,
  customerId: number,
  adjustmentId: number,
) {
  requirePermission(ctx, 'policies.manage');
  const db = deps.store.db;
  const a = await findTermAdjustment(db, adjustmentId);
  if (!a || a.customerId !== customerId) throw notFound('Term adjustment', adjustmentId);
  if (a.revokedAt)
    throw new DomainError('INVALID_STATE', `Term adjustment ${adjustmentId} is already revoked`);
  await db.transaction().execute(async (trx) => {
    if (!(await revokeTermAdjustment(trx, adjustmentId, ctx.actor.id, ctx.now().toISOString())))
      throw new DomainError('CONFLICT', `Term adjustment ${adjustmentId} was revoked meanwhile`);
    await writeAudit(trx, ctx, {
      action: 'policy.term_revoke',
      entity: 'customer',
      entityId: customerId,
      before: { adjustmentId, steps: a.steps, reason: a.reason, expiresOn: a.expiresOn },
    });
  });
  return getCustomerPolicy(deps, ctx, customerId);
}
