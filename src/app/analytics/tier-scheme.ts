import { mergeTierOrder } from '../../domain/analytics/tier-migration';
import { validationError } from '../../domain/errors';
import type { Scheme } from '../../domain/scheme';
import { tierIdsByRank } from '../../domain/scheme/tier-order';
import { schemeDocuments } from '../../store/analytics/tier-trends.repository';
import { serviceTierSchemeId } from '../../store/policy/service-tier.repository';
import { findSchemeById, type SchemeRow } from '../../store/tiering/schemes.repository';
import type { Deps } from '../deps';

/** A scheme as the tier views name it. */
export interface TierSchemeRef {
  id: number;
  key: string;
  nameZh: string;
  nameEn: string;
}

/** A tier of a figure with its names (from the newest version that names it). */
export interface TierName {
  id: string;
  nameZh: string;
  nameEn: string;
}

/** The tiers of a scheme's figures: ids best first, with their names. */
export interface TierCatalog {
  order: string[];
  tiers: TierName[];
}

/** The scheme fields a figure returns. */
export function schemeRef(s: SchemeRow): TierSchemeRef {
  return { id: s.id, key: s.key, nameZh: s.nameZh, nameEn: s.nameEn };
}

/**
 * The scheme a tier view reads: the one asked for (an unknown id is an error naming `field`),
 * else `inferred` (from the runs asked for), else the service-tier scheme, else the first scheme.
 * Without any scheme it is an error naming `schemeId`.
 */
export async function resolveTierScheme(
  deps: Deps,
  schemeId: number | undefined,
  inferred?: number,
): Promise<SchemeRow> {
  const db = deps.store.db;
  if (schemeId !== undefined) {
    const s = await findSchemeById(db, schemeId);
    if (!s)
      throw validationError(`Scheme ${schemeId} was not found`, [
        { field: 'schemeId', message: `no scheme has id ${schemeId}`, value: schemeId },
      ]);
    return s;
  }
  const fallback =
    inferred ??
    (await serviceTierSchemeId(db)) ??
    (await db.selectFrom('schemes').select('id').orderBy('id').limit(1).executeTakeFirst())?.id;
  const s = fallback === undefined ? undefined : await findSchemeById(db, Number(fallback));
  if (!s)
    throw validationError('There is no tiering scheme yet', [
      { field: 'schemeId', message: 'create a tiering scheme and run it first', value: null },
    ]);
  return s;
}

/**
 * The tiers of a scheme in one order for every point: the newest version's ranking, then tiers
 * only older versions had, then any other tier id met in the data (`seen`).
 */
export async function tierCatalog(
  deps: Deps,
  schemeId: number,
  seen: Iterable<string> = [],
): Promise<TierCatalog> {
  const docs = await schemeDocuments(deps.store.db, schemeId);
  const order = mergeTierOrder(docs.map(tierIdsByRank), seen);
  const names = new Map<string, TierName>();
  for (const doc of docs) {
    for (const t of (doc as Scheme).tiers ?? []) {
      if (!names.has(t.id)) names.set(t.id, { id: t.id, nameZh: t.name.zh, nameEn: t.name.en });
    }
  }
  return {
    order,
    tiers: order.map((id) => names.get(id) ?? { id, nameZh: id, nameEn: id }),
  };
}
