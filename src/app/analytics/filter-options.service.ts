import { sql } from 'kysely';
import { scopeConditionOrTrue } from '../../store/customer-scope';
import type { Ctx } from '../context';
import { customerFilter } from '../customers/customer-scope';
import type { Deps } from '../deps';
import { requirePermission } from '../guard';

/** A scheme a tier filter can name, with the tiers its customers hold now. */
export interface SchemeOption {
  id: number;
  nameZh: string;
  nameEn: string;
  serviceTier: boolean;
  tiers: string[];
}

/** The values the analytics filters offer, read from the active customers. */
export interface FilterOptions {
  regions: string[];
  industries: string[];
  types: string[];
  schemes: SchemeOption[];
}

/**
 * Distinct regions, industries and types of active customers, and each scheme with the tiers
 * published for it (in tier order of first appearance by name), for the filter pickers. The
 * values read from customers come from those in the actor's row scope only, so a picker does not
 * name regions or industries of customers the actor cannot see; schemes and tiers are
 * configuration and are offered whole.
 */
export async function filterOptions(deps: Deps, ctx: Ctx): Promise<FilterOptions> {
  requirePermission(ctx, 'analytics.read');
  const db = deps.store.db;
  const inScope = scopeConditionOrTrue(customerFilter(ctx), 'c');
  const distinct = async (column: 'region' | 'industry' | 'type') =>
    (
      await sql<{ v: string }>`select distinct ${sql.ref(`c.${column}`)} as v from customers c
        where c.status = 'active' and ${sql.ref(`c.${column}`)} is not null and ${inScope}
        order by v`.execute(db)
    ).rows.map((r) => r.v);
  const [regions, industries, types] = [
    await distinct('region'),
    await distinct('industry'),
    await distinct('type'),
  ];
  const schemes = await db
    .selectFrom('schemes')
    .select(['id', 'name_zh', 'name_en', 'service_tier'])
    .orderBy('id')
    .execute();
  const tiers = await db
    .selectFrom('customer_tiers')
    .select(['scheme_id', 'tier'])
    .distinct()
    .orderBy('scheme_id')
    .orderBy('tier')
    .execute();
  return {
    regions,
    industries,
    types,
    schemes: schemes.map((s) => ({
      id: Number(s.id),
      nameZh: s.name_zh,
      nameEn: s.name_en,
      serviceTier: s.service_tier === 1,
      tiers: tiers.filter((t) => Number(t.scheme_id) === Number(s.id)).map((t) => t.tier),
    })),
  };
}
