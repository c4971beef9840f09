import { notFound } from '../../domain/errors';
import type { Scheme } from '../../domain/scheme';
import { findCustomerById } from '../../store/customers.repository';
import { tiersOnDate } from '../../store/review/history.repository';
import { customerLatestResults, customerPublishedTiers } from '../../store/tiering/runs.repository';
import * as schemes from '../../store/tiering/schemes.repository';
import { businessToday } from '../business-today';
import type { Ctx } from '../context';
import { assertCustomerInScope } from '../customers/customer-scope';
import type { Deps } from '../deps';
import { requirePermission } from '../guard';

type Text = { zh: string; en: string };

export interface CustomerTier {
  schemeId: number;
  schemeKey: string;
  schemeName: Text;
  serviceTier: boolean;
  /** The tier in force today (set by a publish), or null when none was published yet. */
  published: { tier: string; tierName: Text; since: string } | null;
  /** A published tier that takes effect later (its effective date is still ahead). */
  upcoming: { tier: string; tierName: Text; from: string } | null;
  /** The customer's result in the scheme's latest run, published or not. */
  latestRun: {
    runId: number;
    asOf: string;
    tier: string;
    tierName: Text;
    score: number | null;
  } | null;
}

const tierNameOf = (doc: unknown, tier: string): Text => {
  const t = (doc as Scheme | undefined)?.tiers?.find((x) => x.id === tier);
  return t ? { zh: t.name.zh, en: t.name.en } : { zh: tier, en: tier };
};

/**
 * A customer's tiers in every scheme that placed it: the published one and the latest run's,
 * the service-tier scheme first. Readable by whoever can read the customer: everyone who serves
 * a customer needs its tier; a customer outside the actor's row scope is NOT_FOUND.
 */
export async function customerTiers(
  deps: Deps,
  ctx: Ctx,
  customerId: number,
): Promise<CustomerTier[]> {
  requirePermission(ctx, 'customers.read');
  const db = deps.store.db;
  if (!(await findCustomerById(db, customerId))) throw notFound('Customer', customerId);
  await assertCustomerInScope(db, ctx, customerId);
  const today = businessToday(deps, ctx);
  const [published, latest, all] = await Promise.all([
    customerPublishedTiers(db, customerId),
    customerLatestResults(db, customerId),
    schemes.listSchemes(db),
  ]);
  const out: CustomerTier[] = [];
  for (const s of all) {
    const p = published.find((x) => x.schemeId === s.id);
    const l = latest.find((x) => x.schemeId === s.id);
    if (!p && !l) continue;
    let doc = l?.document;
    if (!doc && p) doc = (await schemes.latestVersion(db, s.id))?.document;
    // A tier published with a later effective date is not in force yet: today's comes from the
    // history (the last change effective on or before today).
    let inForce = p ? { tier: p.tier, since: p.since } : null;
    let upcoming: CustomerTier['upcoming'] = null;
    if (p && p.since > today) {
      upcoming = { tier: p.tier, tierName: tierNameOf(doc, p.tier), from: p.since };
      const then = (await tiersOnDate(db, customerId, today)).find((h) => h.schemeId === s.id);
      inForce = then?.toTier ? { tier: then.toTier, since: then.effectiveFrom } : null;
    }
    out.push({
      schemeId: s.id,
      schemeKey: s.key,
      schemeName: { zh: s.nameZh, en: s.nameEn },
      serviceTier: s.serviceTier,
      published: inForce
        ? { tier: inForce.tier, tierName: tierNameOf(doc, inForce.tier), since: inForce.since }
        : null,
      upcoming,
      latestRun: l
        ? {
            runId: l.runId,
            asOf: l.asOf,
            tier: l.tier,
            tierName: tierNameOf(l.document, l.tier),
            score: l.score,
          }
        : null,
    });
  }
  return out.sort(
    (a, b) => Number(b.serviceTier) - Number(a.serviceTier) || a.schemeId - b.schemeId,
  );
}
