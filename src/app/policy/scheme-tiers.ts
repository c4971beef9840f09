import type { Kysely } from 'kysely';
import { DomainError, notFound } from '../../domain/errors';
import type { Scheme } from '../../domain/scheme';
import { serviceTierSchemeId } from '../../store/policy/service-tier.repository';
import type { DB } from '../../store/schema';
import { findSchemeById, latestVersion } from '../../store/tiering/schemes.repository';

export interface SchemeTier {
  id: string;
  name: { zh: string; en: string };
  rank: number;
}

/** The scheme a policy request is about: the one given, or the service-tier scheme. */
export async function policySchemeId(db: Kysely<DB>, given?: number): Promise<number> {
  if (given !== undefined) {
    if (!(await findSchemeById(db, given))) throw notFound('Scheme', given);
    return given;
  }
  const id = await serviceTierSchemeId(db);
  if (id === undefined)
    throw new DomainError(
      'NOT_FOUND',
      'No scheme is marked as the service tier: mark one in Tiering, or pass schemeId',
      { entity: 'Scheme' },
    );
  return id;
}

/** A scheme's key, names and tiers (best first) from its latest version. */
export async function schemeTiers(db: Kysely<DB>, schemeId: number) {
  const s = await findSchemeById(db, schemeId);
  if (!s) throw notFound('Scheme', schemeId);
  const v = await latestVersion(db, schemeId);
  const tiers: SchemeTier[] = ((v?.document as Scheme | undefined)?.tiers ?? [])
    .map((t) => ({ id: t.id, name: { zh: t.name.zh, en: t.name.en }, rank: t.rank }))
    .sort((a, b) => a.rank - b.rank);
  return { scheme: s, tiers };
}
