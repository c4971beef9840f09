import { z } from 'zod';
import { notFound } from '../../domain/errors';
import { dateSchema } from '../../domain/money';
import { movePairs, tierIdsByRank } from '../../domain/scheme';
import { findCustomerById } from '../../store/customers.repository';
import * as history from '../../store/review/history.repository';
import * as pubs from '../../store/review/publications.repository';
import { findSchemeById, latestVersion, listSchemes } from '../../store/tiering/schemes.repository';
import type { Ctx } from '../context';
import { assertCustomerInScope, customerFilter } from '../customers/customer-scope';
import type { Deps } from '../deps';
import { requirePermission } from '../guard';
import { parseInput } from '../parse';

/** Refuses a customer that does not exist or lies outside the actor's row scope (both 404). */
async function knownInScope(deps: Deps, ctx: Ctx, customerId: number): Promise<void> {
  if (!(await findCustomerById(deps.store.db, customerId))) throw notFound('Customer', customerId);
  await assertCustomerInScope(deps.store.db, ctx, customerId);
}

async function schemeNames(deps: Deps) {
  const all = await listSchemes(deps.store.db);
  return new Map(all.map((s) => [s.id, { key: s.key, name: { zh: s.nameZh, en: s.nameEn } }]));
}

/**
 * A customer's tier timeline across all schemes, newest first, with scheme names; NOT_FOUND
 * for a customer outside the actor's row scope, as for one that does not exist.
 */
export async function customerTierHistory(deps: Deps, ctx: Ctx, customerId: number) {
  requirePermission(ctx, 'customers.read');
  await knownInScope(deps, ctx, customerId);
  const names = await schemeNames(deps);
  return (await history.customerHistory(deps.store.db, customerId)).map((h) => ({
    ...h,
    scheme: names.get(h.schemeId) ?? null,
  }));
}

/**
 * The tier a customer held in each scheme on a date (from the history of publications);
 * NOT_FOUND for a customer outside the actor's row scope.
 */
export async function customerTiersOn(deps: Deps, ctx: Ctx, customerId: number, rawDate: string) {
  requirePermission(ctx, 'customers.read');
  const date = parseInput(dateSchema('date'), rawDate, 'Invalid date');
  await knownInScope(deps, ctx, customerId);
  const names = await schemeNames(deps);
  return (await history.tiersOnDate(deps.store.db, customerId, date))
    .filter((h) => h.toTier !== null)
    .map((h) => ({
      schemeId: h.schemeId,
      scheme: names.get(h.schemeId) ?? null,
      tier: h.toTier!,
      since: h.effectiveFrom,
    }));
}

/** A scheme's publications, oldest first: the tier distribution over time. */
export async function schemePublications(deps: Deps, ctx: Ctx, schemeId: number) {
  requirePermission(ctx, 'tiering.read');
  if (!(await findSchemeById(deps.store.db, schemeId))) throw notFound('Scheme', schemeId);
  return pubs.listPublications(deps.store.db, schemeId);
}

export const changesQuery = z.strictObject({
  direction: z.enum(['up', 'down', 'entered', 'left']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

/**
 * The customers a publication moved: upgrades, downgrades, new or gone, a page at a time —
 * only those of the actor's row scope, and the total counts only those.
 */
export async function publicationChanges(
  deps: Deps,
  ctx: Ctx,
  publicationId: number,
  raw: z.input<typeof changesQuery>,
) {
  requirePermission(ctx, 'tiering.read');
  const q = parseInput(changesQuery, raw, 'Invalid changes query');
  const p = await pubs.findPublication(deps.store.db, publicationId);
  if (!p) throw notFound('Publication', publicationId);
  const v = await latestVersion(deps.store.db, p.schemeId);
  const tiers = tierIdsByRank(v?.document);
  let pairs: [string | null, string | null][] | undefined;
  if (q.direction === 'entered') pairs = tiers.map((t) => [null, t]);
  else if (q.direction === 'left') pairs = tiers.map((t) => [t, null]);
  else if (q.direction) pairs = movePairs(tiers, q.direction);
  const page = await history.publicationChanges(
    deps.store.db,
    publicationId,
    pairs,
    q.page,
    q.pageSize,
    customerFilter(ctx),
  );
  return { ...page, page: q.page, pageSize: q.pageSize, publication: p };
}
