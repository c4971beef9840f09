import type { Kysely } from 'kysely';
import type { PolicyCatalog } from '../../domain/policy/policy.schema';
import type { Scheme } from '../../domain/scheme';
import type { DB } from '../../store/schema';
import { latestVersion } from '../../store/tiering/schemes.repository';

type Names = Map<string, { zh: string; en: string }>;

// Keyed by the cached catalog object: policy-in-force drops that object whenever a catalog or
// scheme version is saved, so the names are read again exactly when they may have changed, and
// the card costs no extra query otherwise.
const cache = new WeakMap<PolicyCatalog, Names>();

/** Tier names (zh/en) of the scheme's latest version, cached alongside its catalog in force. */
export async function tierNames(
  db: Kysely<DB>,
  schemeId: number,
  catalog: PolicyCatalog,
): Promise<Names> {
  const hit = cache.get(catalog);
  if (hit) return hit;
  const v = await latestVersion(db, schemeId);
  const names: Names = new Map(
    ((v?.document as Scheme | undefined)?.tiers ?? []).map((t) => [t.id, t.name]),
  );
  cache.set(catalog, names);
  return names;
}
