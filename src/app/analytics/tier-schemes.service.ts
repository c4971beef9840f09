import { schemeRuns } from '../../store/analytics/tier-trends.repository';
import { listSchemes } from '../../store/tiering/schemes.repository';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { requirePermission } from '../guard';
import { tierCatalog } from './tier-scheme';

/** Runs a scheme lists for picking at most (the newest). */
const RUNS_LISTED = 100;

/**
 * The schemes the tier views can show, service-tier scheme first, each with its tiers and its
 * newest finished runs (with their publication): what the page's pickers offer.
 */
export async function tierViewSchemes(deps: Deps, ctx: Ctx) {
  requirePermission(ctx, 'analytics.read');
  const schemes = await listSchemes(deps.store.db);
  schemes.sort((a, b) => Number(b.serviceTier) - Number(a.serviceTier) || a.id - b.id);
  const items = [];
  for (const s of schemes) {
    const catalog = await tierCatalog(deps, s.id);
    const runs = await schemeRuns(deps.store.db, s.id);
    items.push({
      id: s.id,
      key: s.key,
      nameZh: s.nameZh,
      nameEn: s.nameEn,
      serviceTier: s.serviceTier,
      tiers: catalog.tiers,
      runs: runs.slice(0, RUNS_LISTED).map((r) => ({
        id: r.id,
        version: r.version,
        asOf: r.asOf,
        status: r.status,
        customers: r.customers,
        createdAt: r.createdAt,
        publication: r.publication,
      })),
    });
  }
  return { items };
}
