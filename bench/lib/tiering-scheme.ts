import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { systemCtx } from '../../src/app/context';
import type { Deps } from '../../src/app/deps';
import { createScheme } from '../../src/app/tiering/schemes.service';
import { findSchemeByKey, latestVersion } from '../../src/store/tiering/schemes.repository';

const ABCD_FILE = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'examples',
  'schemes',
  'abcd.json',
);

/** The ABCD template (examples/schemes/abcd.json) as a plain document. */
export function abcdDocument(): Record<string, unknown> {
  return JSON.parse(readFileSync(ABCD_FILE, 'utf8')) as Record<string, unknown>;
}

/**
 * The same scorecard ranked by score thresholds instead of quotas (A ≥ 70, B ≥ 55, C ≥ 40,
 * else D), so a threshold what-if step can be measured on the same criteria.
 */
export function abcdThresholdDocument(): Record<string, unknown> {
  const doc = abcdDocument();
  return {
    ...doc,
    id: 'abcd-thresholds',
    assignment: {
      ranking: {
        kind: 'thresholds',
        thresholds: [
          { tier: 'A', minScore: 70 },
          { tier: 'B', minScore: 55 },
          { tier: 'C', minScore: 40 },
        ],
      },
      default: 'D',
    },
  };
}

/**
 * The latest version id of a scheme, creating it from the document when the database does not
 * have it yet (the cached benchmark database keeps its schemes between runs).
 */
export async function ensureScheme(deps: Deps, document: Record<string, unknown>): Promise<number> {
  const found = await findSchemeByKey(deps.store.db, String(document.id));
  if (found) return (await latestVersion(deps.store.db, found.id))!.id;
  return (await createScheme(deps, systemCtx(), document)).id;
}
