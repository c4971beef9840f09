import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { systemCtx } from '../../src/app/context';
import type { Deps } from '../../src/app/deps';
import { runTiering } from '../../src/app/tiering/run.service';
import { benchDeps, benchSchema, PG_URL, peakRssMiB, pgAdmin } from './bench-db';
import { envInt } from './report';
import { ensureTieringDb, TIERING_AS_OF, tieringDbFile } from './tiering-data';
import { agreement, ensureDuckDb, runAbcdQuery } from './tiering-duckdb';
import { memoryPhase } from './tiering-memory';
import { copyTieringTables } from './tiering-postgres';
import { abcdDocument, abcdThresholdDocument, ensureScheme } from './tiering-scheme';

/**
 * One phase of the tiering benchmark, in its own process so its peak RSS is its own:
 * `data` (generate the cached SQLite database if missing), `sqlite` and `postgres` (a full
 * `runTiering`), `memory` (evaluation and what-if steps), `duckdb` (the one-query peer and its
 * agreement with the SQLite run). Prints one JSON line with the figures; progress on stderr.
 */
const phase = process.argv[2];
const customers = envInt('BENCH_CUSTOMERS', 1_000_000);
const seed = envInt('BENCH_SEED', 20261130);
const runs = envInt('BENCH_RUNS', 7);
const log = (line: string) => process.stderr.write(`${line}\n`);

/**
 * A timed `runTiering` of the ABCD scheme. Its progress callback marks where loading,
 * evaluation and storing start, which splits the total into those parts.
 */
async function timedRun(deps: Deps) {
  const version = await ensureScheme(deps, abcdDocument());
  const marks: { step: string; at: number }[] = [];
  const t0 = performance.now();
  const summary = await runTiering(
    deps,
    systemCtx(),
    { schemeVersionId: version, asOf: TIERING_AS_OF },
    (step) => marks.push({ step, at: performance.now() }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const parts: Record<string, number> = {};
  let from = t0;
  let label = 'start';
  for (const m of marks) {
    parts[label] = (parts[label] ?? 0) + (m.at - from) / 1000;
    from = m.at;
    label = m.step;
  }
  return {
    runId: summary.runId,
    seconds,
    parts,
    assigned: summary.distribution.assigned,
    unassigned: summary.distribution.unassigned,
    tiers: Object.fromEntries(summary.distribution.tiers.map((t) => [t.tier, t.count])),
  };
}

async function sqliteDeps(): Promise<Deps> {
  const file = tieringDbFile(customers);
  return benchDeps({ engine: 'sqlite', file }, dirname(file));
}

async function dataPhase() {
  const r = await ensureTieringDb(customers, seed, log);
  const db = new Database(r.file, { readonly: true });
  try {
    const count = (t: string) =>
      (db.prepare(`select count(*) as n from ${t}`).get() as { n: number }).n;
    return {
      ...r,
      customers: count('customers'),
      orders: count('orders'),
      payments: count('payments'),
      rollups: count('customer_month_rollups'),
    };
  } finally {
    db.close();
  }
}

async function sqlitePhase() {
  const deps = await sqliteDeps();
  try {
    // The cached database is the benchmark's own: earlier runs' results are dropped so the
    // file does not grow by a million rows a run.
    await deps.store.db.deleteFrom('tier_results').execute();
    await deps.store.db.deleteFrom('tier_runs').execute();
    return await timedRun(deps);
  } finally {
    await deps.store.close();
  }
}

async function memory() {
  const deps = await sqliteDeps();
  try {
    const version = await ensureScheme(deps, abcdDocument());
    return await memoryPhase(deps, version, abcdThresholdDocument(), runs, log);
  } finally {
    await deps.store.close();
  }
}

async function postgresPhase() {
  const schema = benchSchema('bench_tiering');
  await pgAdmin(`create schema ${schema}`);
  const dir = mkdtempSync(join(tmpdir(), 'td-bench-'));
  try {
    const deps = await benchDeps({ engine: 'postgres', url: PG_URL, schema }, dir);
    try {
      const copy = await copyTieringTables(tieringDbFile(customers), schema, log);
      log(
        `  copied ${copy.customers} customers, ${copy.rollups} rollup rows in ${copy.seconds.toFixed(1)} s`,
      );
      return { schema, copy, ...(await timedRun(deps)) };
    } finally {
      await deps.store.close();
    }
  } finally {
    await pgAdmin(`drop schema if exists ${schema} cascade`);
    rmSync(dir, { recursive: true, force: true });
  }
}

async function duckdbPhase() {
  const file = tieringDbFile(customers);
  const load = await ensureDuckDb(file, customers);
  log(`  duckdb copy: ${load.file}`);
  const q = await runAbcdQuery(load.file, Math.max(3, Math.min(runs, 5)));
  const db = new Database(file, { readonly: true });
  const run = db.prepare('select max(id) as id from tier_runs').get() as { id: number | null };
  db.close();
  const agree = run.id === null ? null : agreement(file, run.id, q.tiers);
  return { load, queryMs: q.ms, rows: q.rows, runId: run.id, agreement: agree };
}

const run = {
  data: dataPhase,
  sqlite: sqlitePhase,
  memory,
  postgres: postgresPhase,
  duckdb: duckdbPhase,
}[phase ?? ''];
if (!run) throw new Error('phase must be data, sqlite, memory, postgres or duckdb');
const r = await run();
console.log(JSON.stringify({ phase, ...r, peakRssMiB: peakRssMiB() }));
