import { poolQuery } from '../../domain/accounts/accounts.schema';
import { needsOwner } from '../../domain/accounts/assignment';
import { businessToday } from '../business-today';
import type { Ctx } from '../context';
import { customerFilter } from '../customers/customer-scope';
import type { Deps } from '../deps';
import { requirePermission } from '../guard';
import { parseInput } from '../parse';
import { type AccountBook, exceptionsContact, loadAccountBook, ownerGone } from './account-book';

/** Each owner's weighted load and customer count by tier, from the book. */
export function ownerLoads(book: AccountBook) {
  const loads = new Map<
    number,
    { customers: number; load: number; byTier: Record<string, number> }
  >();
  for (const c of book.customers) {
    if (c.ownerId === null) continue;
    const o = loads.get(c.ownerId) ?? { customers: 0, load: 0, byTier: {} };
    o.customers += 1;
    o.load += c.weight;
    const key = c.tier ?? '-';
    o.byTier[key] = (o.byTier[key] ?? 0) + 1;
    loads.set(c.ownerId, o);
  }
  return loads;
}

/**
 * The pool (seed 003): customers of pooled tiers, served by whoever is on duty with exceptions
 * raised to the region's sales manager, and customers without an active owner. Filters by
 * tier, region and whether the tier's model needs a named owner; paged.
 */
export async function listPool(deps: Deps, ctx: Ctx, raw: unknown) {
  requirePermission(ctx, 'customers.read');
  const q = parseInput(poolQuery, raw, 'Invalid pool query');
  const book = await loadAccountBook(deps.store.db, businessToday(deps, ctx), {
    rows: customerFilter(ctx),
  });
  // One exceptions contact per region, looked up once.
  const contacts = new Map<string | null, ReturnType<typeof exceptionsContact>>();
  const contactOf = (region: string | null) => {
    if (!contacts.has(region)) contacts.set(region, exceptionsContact(book, region));
    return contacts.get(region) ?? null;
  };
  const all = book.customers
    .filter((c) => c.model === 'pooled' || ownerGone(book, c))
    .filter(
      (c) =>
        (q.tier === undefined || c.tier === q.tier) &&
        (q.region === undefined || c.region === q.region),
    )
    .map((c) => {
      const owner = c.ownerId === null ? undefined : book.owners.get(c.ownerId);
      const contact = contactOf(c.region);
      return {
        customerId: c.id,
        code: c.code,
        name: c.name,
        type: c.type,
        region: c.region,
        tier: c.tier,
        model: c.model,
        ownerId: c.ownerId,
        ownerName: owner?.displayName ?? null,
        needsOwner: needsOwner(c.model) && ownerGone(book, c),
        exceptionsTo: contact ? { id: contact.id, name: contact.displayName } : null,
      };
    })
    .filter((c) => q.needsOwner === undefined || c.needsOwner === q.needsOwner);
  const start = (q.page - 1) * q.pageSize;
  return {
    items: all.slice(start, start + q.pageSize),
    total: all.length,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/**
 * Owners with their load (customers by tier, weighted by planned visits) and the customers
 * whose tier needs a named owner but have none, or whose owner is no longer active.
 */
export async function listOwners(deps: Deps, ctx: Ctx) {
  requirePermission(ctx, 'customers.read');
  const book = await loadAccountBook(deps.store.db, businessToday(deps, ctx), {
    rows: customerFilter(ctx),
  });
  const loads = ownerLoads(book);
  const owners = [...book.owners.values()].map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    roleId: u.roleId,
    region: u.region,
    active: u.active,
    customers: loads.get(u.id)?.customers ?? 0,
    load: loads.get(u.id)?.load ?? 0,
    byTier: loads.get(u.id)?.byTier ?? {},
  }));
  const needing = book.customers.filter((c) => needsOwner(c.model) && ownerGone(book, c));
  return {
    tiers: book.tierOrder,
    owners,
    needingOwner: {
      total: needing.length,
      items: needing.slice(0, 200).map((c) => ({
        customerId: c.id,
        code: c.code,
        name: c.name,
        tier: c.tier,
        region: c.region,
        ownerId: c.ownerId,
      })),
    },
  };
}
