import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { machine } from './lib/machine';
import { envInt, printTable, writeResult } from './lib/report';

/**
 * Demo data generation rate: generator only, and generator + bulk writer into SQLite and
 * PostgreSQL (a fresh schema, dropped afterwards). Each phase runs in its own process.
 * Sizes: BENCH_CUSTOMERS (default 100,000), BENCH_ORDERS_PER_CUSTOMER (default 10);
 * BENCH_PHASES picks phases (default gen,sqlite,postgres); BENCH_KEEP_DB=1 keeps the database
 * (SQLite under bench/out/, PostgreSQL schema named in the output) for later benchmarks.
 */
const customers = envInt('BENCH_CUSTOMERS', 100_000);
const ordersPerCustomer = envInt('BENCH_ORDERS_PER_CUSTOMER', 10);
const phases = (process.env.BENCH_PHASES ?? 'gen,sqlite,postgres').split(',').map((s) => s.trim());
const pgUrl = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const worker = join(dirname(fileURLToPath(import.meta.url)), 'lib', 'demo-load-phase.ts');

interface PhaseResult {
  phase: string;
  customers: number;
  orders: number;
  rows: number;
  seconds: number;
  bytes: number | null;
  peakRssMiB: number;
  kept?: string | null;
}

const info = machine(pgUrl);
console.log(
  `demo load: ${customers.toLocaleString('en-US')} customers, ~${ordersPerCustomer} orders each; ` +
    `load average ${info.loadAverage1m}`,
);
const results: PhaseResult[] = [];
for (const phase of phases) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', worker, phase], {
    env: process.env,
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  const last = r.stdout.trim().split('\n').pop() ?? '';
  if (r.status !== 0 || !last.startsWith('{')) {
    console.error(`phase ${phase} failed (exit ${r.status ?? r.signal})\n${r.stdout}`);
    process.exit(1);
  }
  results.push(JSON.parse(last) as PhaseResult);
}

const label: Record<string, string> = {
  gen: 'generator only (no DB)',
  sqlite: 'SQLite (better-sqlite3)',
  postgres: 'PostgreSQL (COPY)',
};
printTable(
  results.map((r) => ({
    phase: label[r.phase] ?? r.phase,
    customers: r.customers,
    orders: r.orders,
    'all rows': r.rows,
    seconds: Math.round(r.seconds * 10) / 10,
    'customers/s': Math.round(r.customers / r.seconds),
    'orders/s': Math.round(r.orders / r.seconds),
    'rows/s': Math.round(r.rows / r.seconds),
    'peak RSS MiB': r.peakRssMiB,
    'DB MiB': r.bytes === null ? '-' : Math.round(r.bytes / 2 ** 20),
  })),
);
for (const r of results) if (r.kept) console.log(`kept ${r.phase} database: ${r.kept}`);
const file = writeResult(`demo-load-${customers}`, {
  benchmark: 'demo-load',
  date: new Date().toISOString(),
  machine: info,
  customers,
  ordersPerCustomer,
  results,
});
console.log(`wrote ${file}`);
