import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDeps } from '../../src/app/bootstrap';
import type { Deps } from '../../src/app/deps';
import { type Config, type DatabaseConfig, loadConfig } from '../../src/config';
import { type BulkRow, openBulkWriter } from '../../src/store/bulk/bulk-writer';

/** Where benchmarks find PostgreSQL (trust auth, as on CI). */
export const PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A quiet configuration for a benchmark process on the given database. */
export function benchConfig(database: DatabaseConfig, dataDir: string): Config {
  const base = loadConfig({
    TIERDESK_DATA_DIR: dataDir,
    TIERDESK_SECRET: 'bench-secret-bench-secret-bench-secret',
    TIERDESK_DEMO: 'off',
    LOG_LEVEL: 'silent',
  });
  return { ...base, database };
}

/** Opens (and migrates) Tierdesk on a database. */
export async function benchDeps(database: DatabaseConfig, dataDir: string): Promise<Deps> {
  return openDeps(benchConfig(database, dataDir));
}

/** Runs one statement on PostgreSQL with a connection of its own. */
export async function pgAdmin(text: string): Promise<void> {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

/** A fresh schema name for one benchmark run. */
export function benchSchema(prefix: string): string {
  return `${prefix}_${randomBytes(4).toString('hex')}`;
}

/**
 * Creates customers through the bulk writer in one transaction: `count` rows made by
 * `make(k)` (k = 1…count), or the rows of `rows`. Returns the seconds it took.
 */
export async function bulkCustomers(
  deps: Deps,
  count: number,
  make: (k: number, now: string) => BulkRow<'customers'>,
): Promise<number> {
  return bulkCustomerRows(
    deps,
    (function* () {
      const now = new Date().toISOString();
      for (let k = 1; k <= count; k++) yield make(k, now);
    })(),
  );
}

/** {@link bulkCustomers} for rows from any iterable. */
export async function bulkCustomerRows(
  deps: Deps,
  rows: Iterable<BulkRow<'customers'>>,
): Promise<number> {
  const t0 = performance.now();
  const writer = await openBulkWriter(deps.store);
  try {
    await writer.begin();
    const batch: BulkRow<'customers'>[] = [];
    for (const row of rows) {
      batch.push(row);
      if (batch.length === 10_000) {
        await writer.write({ customers: batch });
        batch.length = 0;
      }
    }
    if (batch.length) await writer.write({ customers: batch });
    await writer.syncIdentity();
    await writer.commit();
  } finally {
    await writer.close();
  }
  return (performance.now() - t0) / 1000;
}

/** A plain customer row for the import benchmark. */
export function plainCustomer(code: string, k: number, now: string): BulkRow<'customers'> {
  return {
    id: k,
    code,
    name: `客户${k}`,
    name_key: `客户${k}`,
    region_code: null,
    type: 'enterprise',
    industry: null,
    region: null,
    province: null,
    city: null,
    size: null,
    owner_id: null,
    created_at: now,
    updated_at: now,
    version: 1,
  };
}

/** Peak resident set size of this process so far, in MiB (maxRSS is in KiB on Linux). */
export function peakRssMiB(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}
