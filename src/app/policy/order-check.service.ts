import { z } from 'zod';
import { DomainError, notFound, validationError } from '../../domain/errors';
import { checkOrder, type OrderCheckResult } from '../../domain/policy/order-check';
import { type OrderInput, parseOrder } from '../../domain/policy/order-input.schema';
import { customerInScope } from '../../store/customer-scope';
import { findCustomerByCode, findCustomerById } from '../../store/customers.repository';
import { businessToday } from '../business-today';
import type { Ctx } from '../context';
import { customerFilter } from '../customers/customer-scope';
import type { Deps } from '../deps';
import { requirePermission } from '../guard';
import { parseInput } from '../parse';
import { type CustomerPolicy, customerPolicy } from './policy-in-force';

/** Who the order is for: the customer's id or its code (one is enough). */
const customerRef = z
  .looseObject({
    customerId: z.number({ error: 'customerId must be a number' }).int().positive().optional(),
    customerCode: z.string({ error: 'customerCode must be a text' }).trim().min(1).optional(),
    note: z.string().trim().max(2000, 'note must be at most 2000 characters').optional(),
  })
  .refine((r) => r.customerId !== undefined || r.customerCode !== undefined, {
    message: 'customerId or customerCode is required',
    path: ['customerId'],
  });

export interface CheckedOrder {
  customer: { id: number; code: string; name: string };
  policy: CustomerPolicy;
  order: OrderInput;
  note: string | null;
  result: OrderCheckResult;
}

/** Resolves the customer, its policy today and the order, then checks it (no write). */
export async function evaluateOrder(deps: Deps, ctx: Ctx, raw: unknown): Promise<CheckedOrder> {
  const ref = parseInput(customerRef, raw, 'Invalid order');
  const db = deps.store.db;
  const c =
    ref.customerId !== undefined
      ? await findCustomerById(db, ref.customerId)
      : await findCustomerByCode(db, ref.customerCode ?? '');
  if (!c || !(await customerInScope(db, customerFilter(ctx), c.id)))
    throw notFound('Customer', ref.customerId ?? ref.customerCode ?? '');
  const today = businessToday(deps, ctx);
  const cp = await customerPolicy(db, c.id, today);
  if (!cp)
    throw new DomainError(
      'INVALID_STATE',
      'No scheme is marked as the service tier, so there is no policy to check orders against',
    );
  const { customerId: _id, customerCode: _code, note, ...orderRaw } = ref;
  const parsed = parseOrder(orderRaw, cp.catalog.paymentTerms);
  if (!parsed.ok) throw validationError('Invalid order', parsed.issues);
  const result = checkOrder({
    tier: cp.tier,
    policy: cp.policy,
    catalog: cp.catalog,
    tierOrder: cp.tierOrder,
    effectiveTerm: cp.paymentTerm,
    score: cp.score,
    today,
    order: parsed.order,
  });
  return {
    customer: { id: c.id, code: c.code, name: c.name },
    policy: cp,
    order: parsed.order,
    note: note ?? null,
    result,
  };
}

/** The customer's tier and policy as the order check shows them beside the answer. */
export function policySummary(cp: CustomerPolicy) {
  return {
    schemeId: cp.schemeId,
    catalogVersion: cp.catalogVersion,
    tier: cp.tier,
    score: cp.score,
    priceFloorPct: cp.policy?.priceFloorPct ?? null,
    tierPaymentTerm: cp.policy?.paymentTerm ?? null,
    paymentTerm: cp.paymentTerm?.id ?? null,
    leadTimeDays: cp.policy?.leadTimeDays ?? null,
    rush: cp.policy?.rush ?? null,
    orderReview: cp.policy?.orderReview ?? null,
    termAdjustments: cp.termAdjustments.map((a) => ({
      id: a.id,
      steps: a.steps,
      reason: a.reason,
      expiresOn: a.expiresOn,
    })),
    paymentTerms: cp.catalog.paymentTerms,
  };
}

/**
 * Checks an order for a customer against its tier policy (orders.check; writes nothing):
 * allowed or not with every reason, price floors per line and in total, the earliest delivery,
 * plus the customer's tier and policy.
 */
export async function checkCustomerOrder(deps: Deps, ctx: Ctx, raw: unknown) {
  requirePermission(ctx, 'orders.check');
  const r = await evaluateOrder(deps, ctx, raw);
  return { ...r.result, customer: r.customer, policy: policySummary(r.policy) };
}
