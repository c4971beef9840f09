import { type EvaluationResult, evaluate, type Plan } from '../../domain/evaluation';
import { findVersion } from '../../store/tiering/schemes.repository';
import type { Deps } from '../deps';
import { planOfVersion } from './run.service';
import { loadTieringInput, type TieringInput } from './tiering-input';

export interface CachedEvaluation {
  plan: Plan;
  t: TieringInput;
  base: EvaluationResult;
}

interface Entry {
  at: number;
  /** The version's document when loaded: a draft edited in place is loaded again. */
  document: string;
  value: Promise<CachedEvaluation>;
}

/**
 * Evaluations per database and (version, as-of), kept a few minutes so a what-if slider or a
 * page of explanations does not reload the metric table on every step. Facts written meanwhile
 * are seen once an entry expires.
 */
const caches = new WeakMap<Deps, Map<string, Entry>>();
const TTL_MS = 5 * 60 * 1000;
const MAX_ENTRIES = 8;

/**
 * The evaluation of a scheme version at an as-of date on the current data, loaded once and
 * reused for a few minutes by what-if steps and explanations.
 */
export async function loadEvaluation(
  deps: Deps,
  versionId: number,
  asOf: string,
): Promise<CachedEvaluation> {
  let cache = caches.get(deps);
  if (!cache) {
    cache = new Map();
    caches.set(deps, cache);
  }
  const now = Date.now();
  for (const [k, e] of cache) if (now - e.at > TTL_MS) cache.delete(k);
  const version = await findVersion(deps.store.db, versionId);
  const document = JSON.stringify(version?.document ?? null);
  const key = `${versionId}@${asOf}`;
  const hit = cache.get(key);
  if (hit && hit.document === document) return hit.value;
  const value = (async () => {
    const { plan, scheme } = await planOfVersion(deps, versionId);
    const t = await loadTieringInput(deps, plan, scheme.id, asOf);
    return { plan, t, base: evaluate(plan, t.input) };
  })();
  const entry: Entry = { at: now, document, value };
  cache.delete(key);
  cache.set(key, entry);
  while (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  value.catch(() => {
    if (cache.get(key) === entry) cache.delete(key);
  });
  return value;
}

/** Forgets the cached evaluations of a database (after facts change, or in tests). */
export function clearEvaluationCache(deps: Deps): void {
  caches.get(deps)?.clear();
}
