import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { generateDemo } from '../../examples/demo';
import { openDeps } from '../../src/app/bootstrap';
import { loadDemo } from '../../src/app/demo/demo.service';
import { type Config, type DatabaseConfig, loadConfig } from '../../src/config';
import { envInt, OUT_DIR } from './report';

/**
 * One phase of the demo-load benchmark, run in its own process so its peak RSS is its own:
 * `gen` (generator only), `sqlite` or `postgres` (generator + bulk writer through loadDemo).
 * Prints one JSON line with the figures.
 */
const phase = process.argv[2];
const customers = envInt('BENCH_CUSTOMERS', 100_000);
const ordersPerCustomer = envInt('BENCH_ORDERS_PER_CUSTOMER', 10);
const seed = envInt('BENCH_SEED', 20261130);
const keep = process.env.BENCH_KEEP_DB === '1';
const pgUrl = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

function progress(done: number): void {
  const step = Math.max(1, Math.floor(customers / 10));
  if (done % step === 0 || done === customers) {
    process.stderr.write(`  ${phase}: ${done.toLocaleString('en-US')} customers\n`);
  }
}

function config(database: DatabaseConfig, dataDir: string): Config {
  const base = loadConfig({
    TIERDESK_DATA_DIR: dataDir,
    TIERDESK_SECRET: 'bench-secret-bench-secret-bench-secret',
    TIERDESK_DEMO: 'off',
    LOG_LEVEL: 'silent',
  });
  return { ...base, database };
}

async function generatorOnly() {
  const counts = { customers: 0, orders: 0, rows: 0 };
  const t0 = performance.now();
  for (const b of generateDemo({ customers, ordersPerCustomer, seed })) {
    counts.customers += b.customers.length;
    counts.orders += b.orders.length;
    counts.rows +=
      b.customers.length +
      b.orders.length +
      b.payments.length +
      b.tickets.length +
      b.survey_responses.length;
    progress(b.done);
  }
  return { ...counts, seconds: (performance.now() - t0) / 1000, bytes: null };
}

async function load(database: DatabaseConfig, dataDir: string) {
  const deps = await openDeps(config(database, dataDir));
  try {
    const t0 = performance.now();
    const r = await loadDemo(deps, {
      customers,
      ordersPerCustomer,
      seed,
      onProgress: (p) => progress(p.done),
    });
    const seconds = (performance.now() - t0) / 1000;
    const rows = r.customers + r.orders + r.payments + r.tickets + r.surveyResponses;
    let bytes: number | null = null;
    if (deps.store.pool && deps.store.schema) {
      const s = await deps.store.pool.query(
        `select coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint as b
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = $1 and c.relkind = 'r'`,
        [deps.store.schema],
      );
      bytes = Number(s.rows[0]?.b);
    }
    return { customers: r.customers, orders: r.orders, rows, seconds, bytes };
  } finally {
    await deps.store.close();
  }
}

async function sqlitePhase() {
  const dir = keep
    ? join(OUT_DIR, `demo-sqlite-${customers}`)
    : mkdtempSync(join(tmpdir(), 'td-bench-'));
  if (keep && existsSync(dir)) rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'tierdesk.db');
  try {
    const r = await load({ engine: 'sqlite', file }, dir);
    return { ...r, bytes: statSync(file).size, kept: keep ? file : null };
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}

async function postgresPhase() {
  const schema = `bench_demo_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  const dir = mkdtempSync(join(tmpdir(), 'td-bench-'));
  try {
    const r = await load({ engine: 'postgres', url: pgUrl, schema }, dir);
    return { ...r, kept: keep ? schema : null };
  } finally {
    if (!keep) await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  }
}

const run = { gen: generatorOnly, sqlite: sqlitePhase, postgres: postgresPhase }[phase ?? ''];
if (!run) throw new Error('phase must be gen, sqlite or postgres');
const r = await run();
// maxRSS is in KiB on Linux.
const peakRssMiB = Math.round(process.resourceUsage().maxRSS / 1024);
console.log(JSON.stringify({ phase, ...r, peakRssMiB }));
