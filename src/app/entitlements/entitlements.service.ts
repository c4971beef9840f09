import { notFound } from '../../domain/errors';
import { findCustomerById } from '../../store/customers.repository';
import * as uses from '../../store/entitlements/entitlement-uses.repository';
import { businessToday } from '../business-today';
import type { Ctx } from '../context';
import { assertCustomerInScope } from '../customers/customer-scope';
import type { Deps } from '../deps';
import { customerPolicy } from '../policy/policy-in-force';
import { balancesFor, type EntitlementBalance } from './entitlement-balances';
import { requireReader } from './reader';

/** A customer's tier and the balances of its entitlements today. */
export interface CustomerEntitlements {
  customerId: number;
  tier: string | null;
  entitlements: EntitlementBalance[];
}

/**
 * The entitlements of the customer's tier in force today, each with its quota, period, uses
 * counted this period, remaining balance and choices already received. No tier: none.
 */
export async function customerEntitlements(
  deps: Deps,
  ctx: Ctx,
  customerId: number,
): Promise<CustomerEntitlements> {
  requireReader(ctx);
  const db = deps.store.db;
  await assertCustomerInScope(db, ctx, customerId);
  const today = businessToday(deps, ctx);
  const [customer, policy] = await Promise.all([
    findCustomerById(db, customerId),
    customerPolicy(db, customerId, today),
  ]);
  if (!customer) throw notFound('Customer', customerId);
  const list = policy?.policy?.entitlements ?? [];
  return {
    customerId,
    tier: policy?.tier ?? null,
    entitlements: await balancesFor(db, customerId, list, today),
  };
}

/** A customer's entitlement uses, newest first, voided ones included. */
export async function entitlementUses(
  deps: Deps,
  ctx: Ctx,
  customerId: number,
): Promise<uses.EntitlementUse[]> {
  requireReader(ctx);
  await assertCustomerInScope(deps.store.db, ctx, customerId);
  if (!(await findCustomerById(deps.store.db, customerId))) throw notFound('Customer', customerId);
  return uses.listUses(deps.store.db, customerId);
}
