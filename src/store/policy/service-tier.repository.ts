import type { Kysely } from 'kysely';
import { dateText } from '../row-values';
import type { DB } from '../schema';

/** The scheme marked as the service tier (the one policies follow), if any. */
export async function serviceTierSchemeId(db: Kysely<DB>): Promise<number | undefined> {
  const r = await db
    .selectFrom('schemes')
    .select('id')
    .where('service_tier', '=', 1)
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return r ? Number(r.id) : undefined;
}

export interface TierInForce {
  tier: string;
  since: string;
  /** The score of the run that placed it (for queueing inside a tier), when known. */
  score: number | null;
}

/**
 * A customer's tier in force on `today` in one scheme: the published tier, or, when that takes
 * effect later, the last history entry effective on or before today.
 */
export async function customerTierInForce(
  db: Kysely<DB>,
  schemeId: number,
  customerId: number,
  today: string,
): Promise<TierInForce | null> {
  const row = await db
    .selectFrom('customer_tiers as ct')
    .leftJoin('tier_results as r', (j) =>
      j.onRef('r.run_id', '=', 'ct.run_id').onRef('r.customer_id', '=', 'ct.customer_id'),
    )
    .select(['ct.tier', 'ct.effective_from', 'r.score'])
    .where('ct.scheme_id', '=', schemeId)
    .where('ct.customer_id', '=', customerId)
    .executeTakeFirst();
  if (!row) return null;
  const since = dateText(row.effective_from);
  if (since <= today)
    return { tier: row.tier, since, score: row.score === null ? null : Number(row.score) };
  const h = await db
    .selectFrom('tier_history')
    .select(['to_tier', 'effective_from'])
    .where('scheme_id', '=', schemeId)
    .where('customer_id', '=', customerId)
    .where('effective_from', '<=', today)
    .orderBy('effective_from', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!h?.to_tier) return null;
  return { tier: h.to_tier, since: dateText(h.effective_from), score: null };
}

/**
 * Every customer's tier in force on `today` in one scheme, for sweeps and plans over all
 * customers. Customers whose newly published tier starts later keep their previous tier.
 */
export async function tiersInForce(
  db: Kysely<DB>,
  schemeId: number,
  today: string,
): Promise<Map<number, string>> {
  const rows = await db
    .selectFrom('customer_tiers')
    .select(['customer_id', 'tier', 'effective_from'])
    .where('scheme_id', '=', schemeId)
    .execute();
  const out = new Map<number, string>();
  const later: number[] = [];
  for (const r of rows) {
    if (dateText(r.effective_from) <= today) out.set(Number(r.customer_id), r.tier);
    else later.push(Number(r.customer_id));
  }
  for (const id of later) {
    const t = await customerTierInForce(db, schemeId, id, today);
    if (t) out.set(id, t.tier);
  }
  return out;
}
