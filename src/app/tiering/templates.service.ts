import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { notFound } from '../../domain/errors';
import { parseScheme, type Scheme } from '../../domain/scheme';
import { packageRoot } from '../../package-root';
import * as repo from '../../store/tiering/schemes.repository';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { requirePermission } from '../guard';
import { createScheme, getSchemeVersion, type SchemeVersionView } from './schemes.service';

/** The shipped scheme templates (one JSON document each, tested in test/unit/templates-*). */
export const TEMPLATES_DIR = join(packageRoot(), 'examples/schemes');

export interface TemplateSummary {
  key: string;
  name: { zh: string; en: string };
  description: { zh: string; en: string };
  tiers: number;
  /** The id of the scheme already created from this template, if any. */
  schemeId: number | null;
}

let cache: Map<string, Scheme> | undefined;

/** Reads and validates the templates once; a broken template fails loudly, naming its file. */
function templates(): Map<string, Scheme> {
  if (cache) return cache;
  const found = new Map<string, Scheme>();
  for (const file of readdirSync(TEMPLATES_DIR).sort()) {
    if (!file.endsWith('.json')) continue;
    const key = file.slice(0, -'.json'.length);
    try {
      found.set(key, parseScheme(JSON.parse(readFileSync(join(TEMPLATES_DIR, file), 'utf8'))));
    } catch (e) {
      throw new Error(`The scheme template ${file} is invalid: ${(e as Error).message}`);
    }
  }
  cache = found;
  return found;
}

/** The templates with their names, descriptions and whether a scheme was made from each. */
export async function listTemplates(deps: Deps, ctx: Ctx): Promise<TemplateSummary[]> {
  requirePermission(ctx, 'tiering.read');
  const out: TemplateSummary[] = [];
  for (const [key, s] of templates()) {
    const existing = await repo.findSchemeByKey(deps.store.db, s.id);
    out.push({
      key,
      name: { zh: s.name.zh, en: s.name.en },
      description: { zh: s.description?.zh ?? '', en: s.description?.en ?? '' },
      tiers: s.tiers.length,
      schemeId: existing?.id ?? null,
    });
  }
  return out;
}

/**
 * Creates a scheme from a template, or returns the latest version of the scheme already made
 * from it, so that "use this template" is safe to press twice.
 */
export async function createFromTemplate(
  deps: Deps,
  ctx: Ctx,
  key: string,
): Promise<{ created: boolean; version: SchemeVersionView }> {
  requirePermission(ctx, 'tiering.manage');
  const doc = templates().get(key);
  if (!doc) throw notFound('Scheme template', key);
  const existing = await repo.findSchemeByKey(deps.store.db, doc.id);
  if (existing) {
    const latest = await repo.latestVersion(deps.store.db, existing.id);
    if (latest) return { created: false, version: await getSchemeVersion(deps, ctx, latest.id) };
  }
  return { created: true, version: await createScheme(deps, ctx, doc) };
}
