import { z } from 'zod';
import { addDays } from '../../domain/business-date';
import { notFound } from '../../domain/errors';
import { resolveWindow } from '../../domain/metrics/window-range';
import { tierIdsByRank } from '../../domain/scheme';
import { revenueOf } from '../../store/review/proposals.repository';
import { dateText } from '../../store/row-values';
import { findSchemeById, latestVersion } from '../../store/tiering/schemes.repository';
import { businessToday } from '../business-today';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { requirePermission } from '../guard';
import { parseInput } from '../parse';

export const eliminationQuery = z.strictObject({
  schemeId: z.coerce.number().int().positive(),
  /** How many consecutive years in the bottom tier make a candidate (seed 002: three). */
  years: z.coerce.number().int().min(1).max(20).default(3),
});

/**
 * Customers in a scheme's bottom tier without a break for `years` or more (seed 002, 004: weed
 * out customers stuck at the bottom), with the evidence: since when, the tier changes recorded,
 * and revenue over the last 12 months. Customers already leaving are left out.
 */
export async function eliminationCandidates(deps: Deps, ctx: Ctx, raw: unknown) {
  requirePermission(ctx, 'tiering.read');
  const q = parseInput(eliminationQuery, raw, 'Invalid elimination query');
  const db = deps.store.db;
  if (!(await findSchemeById(db, q.schemeId))) throw notFound('Scheme', q.schemeId);
  const bottom = tierIdsByRank((await latestVersion(db, q.schemeId))?.document).at(-1);
  if (!bottom) return { bottomTier: null, years: q.years, items: [] };
  const today = businessToday(deps, ctx);
  const cutoff = addDays(today, -Math.round(q.years * 365.25));
  const rows = await db
    .selectFrom('customer_tiers as ct')
    .innerJoin('customers as c', 'c.id', 'ct.customer_id')
    .select(['ct.customer_id', 'c.code', 'c.name', 'c.owner_id', 'ct.effective_from'])
    .where('ct.scheme_id', '=', q.schemeId)
    .where('ct.tier', '=', bottom)
    .where('ct.effective_from', '<=', cutoff)
    .where('c.status', '=', 'active')
    .where('c.lifecycle_stage', 'in', ['prospect', 'active'])
    .orderBy('ct.effective_from')
    .orderBy('c.code')
    .limit(2000)
    .execute();
  const ids = rows.map((r) => Number(r.customer_id));
  const w = resolveWindow({ kind: 'last_n_months', months: 12 }, today);
  const revenue = await revenueOf(db, ids, w.fromMonth, w.toMonth);
  const publications =
    ids.length === 0
      ? []
      : await db
          .selectFrom('tier_history')
          .select(['customer_id', (eb) => eb.fn.countAll<string | number>().as('n')])
          .where('scheme_id', '=', q.schemeId)
          .where('customer_id', 'in', ids)
          .groupBy('customer_id')
          .execute();
  const changes = new Map(publications.map((p) => [Number(p.customer_id), Number(p.n)]));
  return {
    bottomTier: bottom,
    years: q.years,
    items: rows.map((r) => ({
      customerId: Number(r.customer_id),
      code: r.code,
      name: r.name,
      ownerId: r.owner_id === null ? null : Number(r.owner_id),
      bottomSince: dateText(r.effective_from),
      tierChanges: changes.get(Number(r.customer_id)) ?? 0,
      revenueMinor12m: revenue.get(Number(r.customer_id)) ?? 0,
    })),
  };
}
