import type { Kysely } from 'kysely';
import { tierWeight } from '../../domain/accounts/assignment';
import type { CustomerFilter } from '../../domain/auth/customer-scope';
import type { AccountModel, TierPolicy } from '../../domain/policy/policy.schema';
import {
  type AccountCustomerRow,
  type OwnerUserRow,
  ownerUsers,
  servedCustomers,
} from '../../store/accounts/owners.repository';
import { serviceTierSchemeId, tiersInForce } from '../../store/policy/service-tier.repository';
import type { DB } from '../../store/schema';
import { catalogInForce } from '../policy/policy-in-force';

export interface BookCustomer extends AccountCustomerRow {
  tier: string | null;
  model: AccountModel | null;
  /** Weight in an owner's load (planned visits a month, at least 1). */
  weight: number;
}

/** Customers with their tier and account model, owners and policies: what the account views read. */
export interface AccountBook {
  schemeId: number | null;
  /** Tier ids best first. */
  tierOrder: string[];
  policies: Map<string, TierPolicy>;
  customers: BookCustomer[];
  owners: Map<number, OwnerUserRow>;
}

/**
 * Reads the account book on `today`: every served customer with its tier in force under the
 * service-tier scheme, the tier's account model and load weight, and the users who own or may
 * own customers. Without a service-tier scheme nobody has a tier (and so no model).
 */
export async function loadAccountBook(
  db: Kysely<DB>,
  today: string,
  f: { ownerId?: number; ids?: readonly number[]; rows?: CustomerFilter } = {},
): Promise<AccountBook> {
  const schemeId = (await serviceTierSchemeId(db)) ?? null;
  const [rows, users, cat, tiers] = await Promise.all([
    servedCustomers(db, f),
    ownerUsers(db),
    schemeId === null ? undefined : catalogInForce(db, schemeId),
    schemeId === null ? new Map<number, string>() : tiersInForce(db, schemeId, today),
  ]);
  const policies = new Map((cat?.catalog.tiers ?? []).map((p) => [p.tier, p]));
  const customers = rows.map((r): BookCustomer => {
    const tier = tiers.get(r.id) ?? null;
    const p = tier === null ? undefined : policies.get(tier);
    return {
      ...r,
      tier,
      model: p?.accountModel ?? null,
      weight: tierWeight(p?.visits.minPerMonth),
    };
  });
  return {
    schemeId,
    tierOrder: cat?.tierOrder ?? [],
    policies,
    customers,
    owners: new Map(users.map((u) => [u.id, u])),
  };
}

/** True when the customer's owner is missing or no longer active. */
export function ownerGone(book: AccountBook, c: BookCustomer): boolean {
  return c.ownerId === null || book.owners.get(c.ownerId)?.active !== true;
}

/** The active sales manager of a region, who handles the exceptions of its pooled customers. */
export function exceptionsContact(book: AccountBook, region: string | null): OwnerUserRow | null {
  for (const u of book.owners.values())
    if (u.active && u.roleId === 'sales_manager' && (region === null || u.region === region))
      return u;
  return null;
}
