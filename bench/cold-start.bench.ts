import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { machine } from './lib/machine';
import { envInt, median, printTable, writeResult } from './lib/report';
import { freePort, timeToHealthy } from './lib/serve-probe';

/**
 * Server cold start: spawn `serve`, poll /healthz on loopback, report the time to the first 200.
 * Scenarios: an empty data folder (migrations + admin creation), an already-migrated one, the
 * same on PostgreSQL, and the first start with the default demo data set (what `npm start` does).
 * BENCH_RUNS sets the runs per scenario (default 5).
 */
const RUNS = envInt('BENCH_RUNS', 5);
const PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const LAUNCHERS: Record<string, string[]> = {
  'tsx CLI': [join(ROOT, 'node_modules/.bin/tsx'), join(ROOT, 'src/cli/main.ts'), 'serve'],
  'node --import tsx': [
    process.execPath,
    '--import',
    'tsx',
    join(ROOT, 'src/cli/main.ts'),
    'serve',
  ],
};

function baseEnv(dataDir: string, port: number, over: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TIERDESK_DATA_DIR: dataDir,
    TIERDESK_DEMO: 'off',
    TIERDESK_ADMIN_PASSWORD: 'Bench-pass-2026',
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'warn',
    ...over,
  };
  if (!over.DATABASE_URL) delete env.DATABASE_URL;
  return env;
}

// A database per scenario rather than a schema: `serve` has no schema setting, and a
// search_path in the URL confuses the migrator when other schemas hold its tables.
async function pgDatabase(create: boolean, name: string): Promise<void> {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  await c.query(
    create ? `create database ${name}` : `drop database if exists ${name} with (force)`,
  );
  await c.end();
}

async function pgReachable(): Promise<boolean> {
  const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

interface Scenario {
  name: string;
  launcher: string;
  /** Prepares one run and returns its env plus a cleanup. */
  prepare(port: number): Promise<{ env: NodeJS.ProcessEnv; cleanup(): Promise<void> }>;
}

function freshSqlite(over: NodeJS.ProcessEnv = {}) {
  return async (port: number) => {
    const dir = mkdtempSync(join(tmpdir(), 'td-cold-'));
    return {
      env: baseEnv(dir, port, over),
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    };
  };
}

const migratedDir = mkdtempSync(join(tmpdir(), 'td-cold-migrated-'));
const pgMigrated = `bench_cold_${randomBytes(4).toString('hex')}`;
const pgUrlFor = (database: string) => {
  const u = new URL(PG_URL);
  u.pathname = `/${database}`;
  return u.toString();
};

const scenarios: Scenario[] = [];
for (const launcher of Object.keys(LAUNCHERS)) {
  scenarios.push({ name: 'SQLite, empty data folder', launcher, prepare: freshSqlite() });
  scenarios.push({
    name: 'SQLite, migrated',
    launcher,
    prepare: async (port) => ({ env: baseEnv(migratedDir, port), cleanup: async () => {} }),
  });
}
const pgUp = await pgReachable();
if (pgUp) {
  scenarios.push({
    name: 'PostgreSQL, empty database',
    launcher: 'tsx CLI',
    prepare: async (port) => {
      const database = `bench_cold_${randomBytes(4).toString('hex')}`;
      await pgDatabase(true, database);
      const dir = mkdtempSync(join(tmpdir(), 'td-cold-'));
      return {
        env: baseEnv(dir, port, { DATABASE_URL: pgUrlFor(database) }),
        cleanup: async () => {
          await pgDatabase(false, database);
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  });
  scenarios.push({
    name: 'PostgreSQL, migrated',
    launcher: 'tsx CLI',
    prepare: async (port) => ({
      env: baseEnv(migratedDir, port, { DATABASE_URL: pgUrlFor(pgMigrated) }),
      cleanup: async () => {},
    }),
  });
}
scenarios.push({
  name: 'SQLite, empty, demo auto (2,000 customers)',
  launcher: 'tsx CLI',
  prepare: freshSqlite({ TIERDESK_DEMO: 'auto', TIERDESK_DEMO_CUSTOMERS: '2000' }),
});

const info = machine(PG_URL);
console.log(`cold start: ${RUNS} runs per scenario, load average ${info.loadAverage1m}`);
if (pgUp) await pgDatabase(true, pgMigrated);
const results: Record<string, unknown>[] = [];
try {
  // One untimed start migrates the shared folder and database and warms the OS file cache.
  for (const launcher of ['tsx CLI']) {
    const port = await freePort();
    await timeToHealthy(LAUNCHERS[launcher] as string[], baseEnv(migratedDir, port), port);
    if (pgUp) {
      const p2 = await freePort();
      const env = baseEnv(migratedDir, p2, { DATABASE_URL: pgUrlFor(pgMigrated) });
      await timeToHealthy(LAUNCHERS[launcher] as string[], env, p2);
    }
  }
  // Round-robin over scenarios, so a burst of other load on the machine hits all of them alike.
  const times = scenarios.map(() => [] as number[]);
  for (let i = 0; i < RUNS; i++) {
    for (const [k, s] of scenarios.entries()) {
      const port = await freePort();
      const { env, cleanup } = await s.prepare(port);
      try {
        times[k]?.push(await timeToHealthy(LAUNCHERS[s.launcher] as string[], env, port));
      } finally {
        await cleanup();
      }
    }
  }
  for (const [k, s] of scenarios.entries()) {
    const t = times[k] ?? [];
    results.push({
      scenario: s.name,
      launcher: s.launcher,
      runs: RUNS,
      medianMs: Math.round(median(t)),
      minMs: Math.round(Math.min(...t)),
      maxMs: Math.round(Math.max(...t)),
      timesMs: t.map(Math.round),
    });
  }
} finally {
  rmSync(migratedDir, { recursive: true, force: true });
  if (pgUp) await pgDatabase(false, pgMigrated);
}

printTable(
  results.map((r) => ({
    scenario: r.scenario as string,
    launcher: r.launcher as string,
    'median ms': r.medianMs as number,
    'min ms': r.minMs as number,
    'max ms': r.maxMs as number,
  })),
);
if (!pgUp) console.log(`PostgreSQL at ${PG_URL} is not reachable: its scenarios were skipped.`);
const file = writeResult('cold-start', {
  benchmark: 'cold-start',
  date: new Date().toISOString(),
  machine: info,
  runsPerScenario: RUNS,
  results,
});
console.log(`wrote ${file}`);
