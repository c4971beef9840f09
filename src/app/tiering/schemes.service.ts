import { DomainError, notFound } from '../../domain/errors';
import { parseScheme, type Scheme } from '../../domain/scheme';
import * as repo from '../../store/tiering/schemes.repository';
import { writeAudit } from '../audit';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { requirePermission } from '../guard';
import { forgetCatalogs } from '../policy/policy-in-force';

export interface SchemeSummary {
  id: number;
  key: string;
  nameZh: string;
  nameEn: string;
  serviceTier: boolean;
  createdAt: string;
  updatedAt: string;
  latest: { id: number; version: number; locked: boolean; createdAt: string } | null;
}

export interface SchemeVersionView {
  id: number;
  schemeId: number;
  schemeKey: string;
  version: number;
  locked: boolean;
  createdAt: string;
  document: Scheme;
}

async function summary(deps: Deps, s: repo.SchemeRow): Promise<SchemeSummary> {
  const v = await repo.latestVersion(deps.store.db, s.id);
  return {
    ...s,
    latest: v ? { id: v.id, version: v.version, locked: v.locked, createdAt: v.createdAt } : null,
  };
}

/** Schemes with their latest version. */
export async function listSchemes(deps: Deps, ctx: Ctx): Promise<SchemeSummary[]> {
  requirePermission(ctx, 'tiering.read');
  const rows = await repo.listSchemes(deps.store.db);
  return Promise.all(rows.map((s) => summary(deps, s)));
}

/** One scheme by id or key, with its latest version. */
export async function getScheme(deps: Deps, ctx: Ctx, idOrKey: number | string) {
  requirePermission(ctx, 'tiering.read');
  const s =
    typeof idOrKey === 'number'
      ? await repo.findSchemeById(deps.store.db, idOrKey)
      : await repo.findSchemeByKey(deps.store.db, idOrKey);
  if (!s) throw notFound('Scheme', idOrKey);
  return summary(deps, s);
}

/** One scheme version with its document. */
export async function getSchemeVersion(
  deps: Deps,
  ctx: Ctx,
  versionId: number,
): Promise<SchemeVersionView> {
  requirePermission(ctx, 'tiering.read');
  const v = await repo.findVersion(deps.store.db, versionId);
  if (!v) throw notFound('Scheme version', versionId);
  const s = (await repo.findSchemeById(deps.store.db, v.schemeId))!;
  return {
    id: v.id,
    schemeId: v.schemeId,
    schemeKey: s.key,
    version: v.version,
    locked: v.locked,
    createdAt: v.createdAt,
    document: v.document as Scheme,
  };
}

/**
 * Creates a scheme from a document (its `id` is the scheme key). The document is validated by
 * parseScheme: a bad one is refused with VALIDATION listing every problem with its path.
 */
export async function createScheme(
  deps: Deps,
  ctx: Ctx,
  document: unknown,
): Promise<SchemeVersionView> {
  requirePermission(ctx, 'tiering.manage');
  const scheme = parseScheme(document);
  const now = ctx.now().toISOString();
  const versionId = await deps.store.db.transaction().execute(async (trx) => {
    if (await repo.findSchemeByKey(trx, scheme.id))
      throw new DomainError('DUPLICATE', `A scheme with key ${scheme.id} already exists`, {
        issues: [{ field: 'id', message: `scheme key ${scheme.id} is already used` }],
      });
    const schemeId = await repo.insertScheme(
      trx,
      { key: scheme.id, nameZh: scheme.name.zh, nameEn: scheme.name.en },
      now,
    );
    const id = await repo.insertVersion(
      trx,
      { schemeId, version: 1, document: scheme, createdBy: ctx.actor.id },
      now,
    );
    await writeAudit(trx, ctx, {
      action: 'scheme.create',
      entity: 'scheme',
      entityId: schemeId,
      after: { key: scheme.id, version: 1, versionId: id },
    });
    return id;
  });
  return getSchemeVersion(deps, ctx, versionId);
}

/**
 * Saves an edit of a scheme: a new version when the latest is locked (a published result used
 * it), otherwise the draft version is replaced in place.
 */
export async function saveSchemeEdit(
  deps: Deps,
  ctx: Ctx,
  schemeId: number,
  document: unknown,
): Promise<SchemeVersionView> {
  requirePermission(ctx, 'tiering.manage');
  const scheme = parseScheme(document);
  const now = ctx.now().toISOString();
  const versionId = await deps.store.db.transaction().execute(async (trx) => {
    const s = await repo.findSchemeById(trx, schemeId);
    if (!s) throw notFound('Scheme', schemeId);
    if (scheme.id !== s.key)
      throw new DomainError('VALIDATION', `the document's id must stay ${s.key}`, {
        issues: [{ field: 'id', message: `the scheme key is ${s.key}; it cannot change` }],
      });
    const latest = await repo.latestVersion(trx, schemeId);
    let id: number;
    let version: number;
    if (!latest || latest.locked) {
      version = (latest?.version ?? 0) + 1;
      id = await repo.insertVersion(
        trx,
        { schemeId, version, document: scheme, createdBy: ctx.actor.id },
        now,
      );
    } else {
      id = latest.id;
      version = latest.version;
      await repo.replaceVersionDocument(trx, id, scheme);
    }
    await repo.touchScheme(trx, schemeId, { nameZh: scheme.name.zh, nameEn: scheme.name.en }, now);
    await writeAudit(trx, ctx, {
      action: 'scheme.edit',
      entity: 'scheme',
      entityId: schemeId,
      before: latest ? { version: latest.version, versionId: latest.id } : null,
      after: { version, versionId: id, newVersion: !latest || latest.locked },
    });
    return id;
  });
  // The default policy catalog follows the scheme's tiers, so a changed tier list must show.
  forgetCatalogs();
  return getSchemeVersion(deps, ctx, versionId);
}

/** Marks one scheme as the service tier that policies follow (the mark moves from any other). */
export async function markServiceTier(
  deps: Deps,
  ctx: Ctx,
  schemeId: number,
): Promise<SchemeSummary> {
  requirePermission(ctx, 'tiering.manage');
  const now = ctx.now().toISOString();
  await deps.store.db.transaction().execute(async (trx) => {
    const s = await repo.findSchemeById(trx, schemeId);
    if (!s) throw notFound('Scheme', schemeId);
    await repo.markServiceTier(trx, schemeId, now);
    await writeAudit(trx, ctx, {
      action: 'scheme.service_tier',
      entity: 'scheme',
      entityId: schemeId,
      after: { serviceTier: true },
    });
  });
  forgetCatalogs();
  return getScheme(deps, ctx, schemeId);
}

/**
 * Creates the scheme of a document, or saves it as an edit of the scheme with the same key
 * (unchanged documents reuse the latest version). Returns the version to run.
 */
export async function upsertSchemeDocument(
  deps: Deps,
  ctx: Ctx,
  document: unknown,
): Promise<SchemeVersionView> {
  const scheme = parseScheme(document);
  const existing = await repo.findSchemeByKey(deps.store.db, scheme.id);
  if (!existing) return createScheme(deps, ctx, scheme);
  const latest = await repo.latestVersion(deps.store.db, existing.id);
  if (latest && JSON.stringify(latest.document) === JSON.stringify(scheme))
    return getSchemeVersion(deps, ctx, latest.id);
  return saveSchemeEdit(deps, ctx, existing.id, scheme);
}
