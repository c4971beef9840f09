import type { Kysely } from 'kysely';
import { type SlaPolicy, slaPolicySetSchema, slaSeedTemplate } from '../../domain/sla';
import { serviceTierSchemeId } from '../../store/policy/service-tier.repository';
import type { DB } from '../../store/schema';
import { latestSlaVersion } from '../../store/sla/sla-policy-versions.repository';
import { type SchemeTier, schemeTiers } from '../policy/scheme-tiers';

export interface SlaPoliciesInForce {
  /** The saved version in force, or null while the seed template applies. */
  version: number | null;
  policies: SlaPolicy[];
  /** The service-tier scheme policies name tiers of (null when none is marked). */
  schemeId: number | null;
  /** That scheme's tiers, best first. */
  tiers: SchemeTier[];
}

/** The service-tier scheme and its tiers, best first (none when no scheme is marked). */
export async function serviceTiers(
  db: Kysely<DB>,
): Promise<{ schemeId: number | null; tiers: SchemeTier[] }> {
  const schemeId = (await serviceTierSchemeId(db)) ?? null;
  if (schemeId === null) return { schemeId, tiers: [] };
  return { schemeId, tiers: (await schemeTiers(db, schemeId)).tiers };
}

/**
 * The SLA policies in force: the latest saved version, or the seed template mapped onto the
 * service-tier scheme's tiers before the first save, so tickets get clocks from day one.
 */
export async function slaPoliciesInForce(db: Kysely<DB>): Promise<SlaPoliciesInForce> {
  const [saved, st] = await Promise.all([latestSlaVersion(db), serviceTiers(db)]);
  const parsed = saved ? slaPolicySetSchema.safeParse(saved.document) : undefined;
  if (saved && parsed?.success) return { version: saved.version, policies: parsed.data, ...st };
  return { version: null, policies: slaSeedTemplate(st.tiers.map((t) => t.id)), ...st };
}

/**
 * The calendar keys the SLA policies in force name, so a calendar still in use is not deleted
 * from under them.
 */
export async function slaCalendarKeysInUse(db: Kysely<DB>): Promise<string[]> {
  const { policies } = await slaPoliciesInForce(db);
  return [...new Set(policies.map((p) => p.calendar))].sort();
}
