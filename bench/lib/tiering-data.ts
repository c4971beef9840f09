import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { loadDemo } from '../../src/app/demo/demo.service';
import { benchDeps } from './bench-db';
import { OUT_DIR } from './report';

/** The demo data set's as-of date: the ABCD scheme's "last calendar year" is then 2025. */
export const TIERING_AS_OF = '2026-11-30';

/** Where the generated SQLite database of a size is cached between runs. */
export function tieringDbFile(customers: number): string {
  return join(OUT_DIR, `tiering-sqlite-${customers}`, 'tierdesk.db');
}

/**
 * Custom fields the ABCD scheme reads, which the demo generator does not produce: sales_model
 * (1 direct, 2 distributor, 3 agent, 4 something else, 5% unset), industry_reputation
 * (3/2/1, 10% unset) and share_of_wallet (0–100 %, 30% unset so the `exclude` policy takes
 * effect). They are a function of the customer id, so every run and the DuckDB peer see the
 * same values. One UPDATE in SQLite's JSON functions; no row leaves the database.
 */
const ENRICH_SQL = `
update customers set custom_fields = json_set(
  coalesce(nullif(custom_fields, ''), '{}'),
  '$.sales_model', case when (id * 7919) % 20 = 0 then null else 1 + (id * 7919) % 4 end,
  '$.industry_reputation', case when (id * 104729) % 10 = 0 then null else 1 + (id * 104729) % 3 end,
  '$.share_of_wallet', case when (id * 15485863) % 10 < 3 then null
                            else ((id * 2654435761) % 10001) / 100.0 end)`;

/**
 * The SQLite database with `customers` demo customers (~10 facts of each kind per customer)
 * and the ABCD custom fields, generated once and then reused from bench/out. Returns the
 * file and the seconds generation took (null when the cached file was used).
 */
export async function ensureTieringDb(
  customers: number,
  seed: number,
  log: (line: string) => void,
): Promise<{ file: string; generatedSeconds: number | null }> {
  const file = tieringDbFile(customers);
  if (existsSync(file)) return { file, generatedSeconds: null };
  const dir = join(OUT_DIR, `tiering-sqlite-${customers}`);
  // Generated under a temporary name and renamed at the end, so an interrupted run never
  // leaves a half-loaded database that a later run would take for the cache.
  const tmp = `${dir}.partial`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const t0 = performance.now();
  const deps = await benchDeps({ engine: 'sqlite', file: join(tmp, 'tierdesk.db') }, tmp);
  try {
    const step = Math.max(1, Math.floor(customers / 10));
    await loadDemo(deps, {
      customers,
      seed,
      asOf: TIERING_AS_OF,
      onProgress: (p) => {
        if (p.done % step === 0 || p.done === p.total)
          log(`  generating: ${p.done.toLocaleString('en-US')} customers`);
      },
    });
  } finally {
    await deps.store.close();
  }
  const db = new Database(join(tmp, 'tierdesk.db'));
  try {
    db.exec(ENRICH_SQL);
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  return { file, generatedSeconds: (performance.now() - t0) / 1000 };
}
