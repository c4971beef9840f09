import type { Kysely } from 'kysely';
import {
  defaultCatalog,
  effectiveTerm,
  type PaymentTerm,
  type PolicyCatalog,
  policyCatalogSchema,
  type TierPolicy,
} from '../../domain/policy';
import { tierIdsByRank } from '../../domain/scheme/tier-order';
import { latestPolicyVersion } from '../../store/policy/policy-versions.repository';
import {
  customerTierInForce,
  serviceTierSchemeId,
} from '../../store/policy/service-tier.repository';
import {
  activeTermAdjustments,
  type TermAdjustmentRow,
} from '../../store/policy/term-adjustments.repository';
import type { DB } from '../../store/schema';
import { latestVersion } from '../../store/tiering/schemes.repository';

export interface CatalogInForce {
  schemeId: number;
  /** The saved version in force, or null when the seed default applies (nothing saved yet). */
  version: number | null;
  catalog: PolicyCatalog;
  /** The scheme's tier ids, best first. */
  tierOrder: string[];
}

// Catalogs are read on every order check and front-line card; they change rarely, so they are
// kept in memory and dropped whenever a new version is saved (`forgetCatalogs`). Keyed by the
// database handle first: one process can hold several databases (tests, the CLI beside a server).
let caches = new WeakMap<Kysely<DB>, Map<number, CatalogInForce>>();

let serviceSchemes = new WeakMap<Kysely<DB>, number | undefined>();

/**
 * Drops cached catalogs and the cached service-tier scheme; call after saving a catalog version
 * or a scheme version, or marking another scheme as the service tier.
 */
export function forgetCatalogs(): void {
  caches = new WeakMap();
  serviceSchemes = new WeakMap();
}

/** The service-tier scheme's id, cached like the catalogs (asked on every card and order check). */
export async function serviceSchemeInForce(db: Kysely<DB>): Promise<number | undefined> {
  if (serviceSchemes.has(db)) return serviceSchemes.get(db);
  const id = await serviceTierSchemeId(db);
  serviceSchemes.set(db, id);
  return id;
}

function cacheOf(db: Kysely<DB>): Map<number, CatalogInForce> {
  let c = caches.get(db);
  if (!c) {
    c = new Map();
    caches.set(db, c);
  }
  return c;
}

/**
 * The policy catalog in force for a scheme: its latest saved version, or the seed default for
 * the scheme's tiers when none was saved yet, so policies work from the first day.
 */
export async function catalogInForce(db: Kysely<DB>, schemeId: number): Promise<CatalogInForce> {
  const cache = cacheOf(db);
  const hit = cache.get(schemeId);
  if (hit) return hit;
  const [saved, scheme] = await Promise.all([
    latestPolicyVersion(db, schemeId),
    latestVersion(db, schemeId),
  ]);
  const tierOrder = tierIdsByRank(scheme?.document);
  const parsed = saved ? policyCatalogSchema.safeParse(saved.document) : undefined;
  const out: CatalogInForce = parsed?.success
    ? { schemeId, version: saved?.version ?? null, catalog: parsed.data, tierOrder }
    : { schemeId, version: null, catalog: defaultCatalog(tierOrder), tierOrder };
  cache.set(schemeId, out);
  return out;
}

export interface CustomerPolicy {
  schemeId: number;
  catalogVersion: number | null;
  catalog: PolicyCatalog;
  tierOrder: string[];
  /** The tier in force today, or null when the customer has no published service tier. */
  tier: string | null;
  since: string | null;
  score: number | null;
  /** The tier's policy, or null without a tier (or when the catalog lacks that tier). */
  policy: TierPolicy | null;
  /** Adjustments moving the customer's payment terms down, in force today. */
  termAdjustments: TermAdjustmentRow[];
  /** The most generous payment term the customer may have today, after adjustments. */
  paymentTerm: PaymentTerm | null;
}

/**
 * What a customer gets today under the service-tier scheme: its tier, that tier's policy and its
 * payment term after any downgrade (late payments). Undefined when no scheme is the service tier.
 */
export async function customerPolicy(
  db: Kysely<DB>,
  customerId: number,
  today: string,
): Promise<CustomerPolicy | undefined> {
  const schemeId = await serviceSchemeInForce(db);
  if (schemeId === undefined) return undefined;
  const [cat, inForce, termAdjustments] = await Promise.all([
    catalogInForce(db, schemeId),
    customerTierInForce(db, schemeId, customerId, today),
    activeTermAdjustments(db, customerId, today),
  ]);
  const policy = inForce ? (cat.catalog.tiers.find((p) => p.tier === inForce.tier) ?? null) : null;
  const steps = termAdjustments.reduce((s, a) => s + a.steps, 0);
  return {
    schemeId,
    catalogVersion: cat.version,
    catalog: cat.catalog,
    tierOrder: cat.tierOrder,
    tier: inForce?.tier ?? null,
    since: inForce?.since ?? null,
    score: inForce?.score ?? null,
    policy,
    termAdjustments,
    paymentTerm: policy ? effectiveTerm(cat.catalog, policy.paymentTerm, steps) : null,
  };
}
