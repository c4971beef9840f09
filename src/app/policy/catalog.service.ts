import { z } from 'zod';
import { DomainError, type FieldIssue, notFound, validationError } from '../../domain/errors';
import { defaultCatalog, type PolicyCatalog, policyCatalogSchema } from '../../domain/policy';
import { schemesForPolicies, userNames } from '../../store/policy/policy-authors.repository';
import {
  findPolicyVersion,
  insertPolicyVersion,
  latestPolicyVersion,
  listPolicyVersions,
} from '../../store/policy/policy-versions.repository';
import { writeAudit } from '../audit';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { requirePermission } from '../guard';
import { parseInput } from '../parse';
import { requirePolicyRead } from './policy-access';
import { catalogInForce, forgetCatalogs } from './policy-in-force';
import { policySchemeId, type SchemeTier, schemeTiers } from './scheme-tiers';

export const saveCatalogInput = z.strictObject({
  catalog: z.unknown(),
  note: z.string().trim().max(2000, 'note must be at most 2000 characters').optional(),
  /** The version the edit started from (null: the seed default); a newer save is a conflict. */
  baseVersion: z.number({ error: 'baseVersion must be a version number or null' }).int().nullable(),
});

/** Schemes a catalog can belong to, the service-tier scheme first. */
export async function listPolicySchemes(deps: Deps, ctx: Ctx) {
  requirePolicyRead(ctx);
  return schemesForPolicies(deps.store.db);
}

/**
 * The catalog in force for a scheme (default: the service-tier scheme): its latest saved
 * version, or the seed default (version null) before the first save, with the scheme's tiers
 * and who saved it when.
 */
export async function getCatalog(deps: Deps, ctx: Ctx, schemeId?: number) {
  requirePolicyRead(ctx);
  const db = deps.store.db;
  const id = await policySchemeId(db, schemeId);
  const [{ scheme, tiers }, inForce, saved] = await Promise.all([
    schemeTiers(db, id),
    catalogInForce(db, id),
    latestPolicyVersion(db, id),
  ]);
  const fromSaved = inForce.version !== null && saved?.version === inForce.version;
  const names = await userNames(db, [fromSaved ? (saved?.createdBy ?? null) : null]);
  return {
    schemeId: id,
    schemeKey: scheme.key,
    schemeName: { zh: scheme.nameZh, en: scheme.nameEn },
    serviceTier: scheme.serviceTier,
    version: inForce.version,
    catalog: inForce.catalog,
    tiers,
    savedBy:
      fromSaved && saved?.createdBy != null
        ? { id: saved.createdBy, name: names.get(saved.createdBy) ?? null }
        : null,
    savedAt: fromSaved ? (saved?.createdAt ?? null) : null,
    note: fromSaved ? (saved?.note ?? null) : null,
  };
}

/** Every saved version of a scheme's catalog, newest first, with who saved it and when. */
export async function listCatalogVersions(deps: Deps, ctx: Ctx, schemeId: number) {
  requirePolicyRead(ctx);
  const db = deps.store.db;
  await schemeTiers(db, schemeId);
  const rows = await listPolicyVersions(db, schemeId);
  const names = await userNames(
    db,
    rows.map((r) => r.createdBy),
  );
  return rows.map((r) => ({
    version: r.version,
    note: r.note,
    savedBy:
      r.createdBy === null ? null : { id: r.createdBy, name: names.get(r.createdBy) ?? null },
    savedAt: r.createdAt,
  }));
}

/** One saved version with its catalog (view-only history). */
export async function getCatalogVersion(deps: Deps, ctx: Ctx, schemeId: number, version: number) {
  requirePolicyRead(ctx);
  const db = deps.store.db;
  const { tiers } = await schemeTiers(db, schemeId);
  const r = await findPolicyVersion(db, schemeId, version);
  if (!r) throw notFound(`Policy catalog version of scheme ${schemeId}`, version);
  const names = await userNames(db, [r.createdBy]);
  return {
    schemeId,
    version: r.version,
    catalog: r.document as PolicyCatalog,
    tiers,
    note: r.note,
    savedBy:
      r.createdBy === null ? null : { id: r.createdBy, name: names.get(r.createdBy) ?? null },
    savedAt: r.createdAt,
  };
}

/** The seed default catalog for a scheme's tiers ("reset to the seed template"). */
export async function catalogTemplate(deps: Deps, ctx: Ctx, schemeId: number) {
  requirePolicyRead(ctx);
  const { tiers } = await schemeTiers(deps.store.db, schemeId);
  return { schemeId, catalog: defaultCatalog(tiers.map((t) => t.id)), tiers };
}

/** Issues for tiers missing from the catalog or not in the scheme, naming each tier. */
function tierIssues(catalog: PolicyCatalog, tiers: SchemeTier[]): FieldIssue[] {
  const known = new Set(tiers.map((t) => t.id));
  const given = new Set(catalog.tiers.map((t) => t.tier));
  const issues: FieldIssue[] = [];
  catalog.tiers.forEach((p, i) => {
    if (!known.has(p.tier))
      issues.push({
        field: `catalog.tiers.${i}.tier`,
        message: `tier ${p.tier} is not a tier of the scheme (its tiers: ${[...known].join(', ')})`,
      });
  });
  for (const t of tiers)
    if (!given.has(t.id))
      issues.push({ field: 'catalog.tiers', message: `tier ${t.id} of the scheme has no policy` });
  return issues;
}

/**
 * Saves a new version of a scheme's catalog (policies.manage): validated as a whole, with
 * exactly the scheme's tiers, refused with CONFLICT when someone saved after `baseVersion`.
 * Audited with the catalog before and after.
 */
export async function saveCatalog(deps: Deps, ctx: Ctx, schemeId: number, raw: unknown) {
  requirePermission(ctx, 'policies.manage');
  const input = parseInput(saveCatalogInput, raw, 'Invalid policy catalog');
  const parsed = policyCatalogSchema.safeParse(input.catalog);
  if (!parsed.success)
    throw validationError(
      'Invalid policy catalog',
      parsed.error.issues.map((i) => ({
        field: ['catalog', ...i.path].join('.'),
        message: i.message,
      })),
    );
  const db = deps.store.db;
  const { tiers } = await schemeTiers(db, schemeId);
  const issues = tierIssues(parsed.data, tiers);
  if (issues.length) throw validationError('Invalid policy catalog', issues);
  // Stored best first, whatever order the editor sent.
  const rank = new Map(tiers.map((t) => [t.id, t.rank]));
  const catalog: PolicyCatalog = {
    ...parsed.data,
    tiers: [...parsed.data.tiers].sort((a, b) => (rank.get(a.tier) ?? 0) - (rank.get(b.tier) ?? 0)),
  };
  const before = await catalogInForce(db, schemeId);
  const now = ctx.now().toISOString();
  const version = await db
    .transaction()
    .execute(async (trx) => {
      const latest = await latestPolicyVersion(trx, schemeId);
      const current = latest?.version ?? null;
      if (current !== input.baseVersion)
        throw new DomainError(
          'CONFLICT',
          `The catalog was saved meanwhile (now version ${current}); reload it and edit again`,
          { currentVersion: current, baseVersion: input.baseVersion },
        );
      const next = (current ?? 0) + 1;
      await insertPolicyVersion(trx, {
        schemeId,
        version: next,
        document: catalog,
        note: input.note || null,
        createdBy: ctx.actor.id,
        now,
      });
      await writeAudit(trx, ctx, {
        action: 'policy.save',
        entity: 'policy_catalog',
        entityId: schemeId,
        before: { version: before.version, catalog: before.catalog },
        after: { version: next, note: input.note || null, catalog },
      });
      return next;
    })
    .catch((e: unknown) => {
      // Two saves from the same base racing: the unique (scheme, version) key refuses one.
      const text = `${(e as { code?: unknown }).code ?? ''} ${(e as Error).message ?? ''}`;
      if (!/23505|UNIQUE/i.test(text)) throw e;
      throw new DomainError(
        'CONFLICT',
        'The catalog was saved meanwhile; reload it and edit again',
        {
          baseVersion: input.baseVersion,
        },
      );
    });
  forgetCatalogs();
  return { ...(await getCatalog(deps, ctx, schemeId)), savedVersion: version };
}
