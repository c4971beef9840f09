import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemCtx } from '../../src/app/context';
import { runImport } from '../../src/app/import/run-import';
import type { DatabaseConfig } from '../../src/config';
import { benchDeps, bulkCustomers, PG_URL, peakRssMiB, plainCustomer } from './bench-db';
import { customerCode } from './order-csv';
import { backendCpuSeconds, processCpuSeconds } from './process-cpu';

/**
 * One step of the import benchmark, in a process of its own so that its peak RSS is its own:
 *   setup <sqlite|postgres> <db file|schema> <customers>   migrate and bulk-create the customers
 *   import <sqlite|postgres> <db file|schema> <csv file>   runImport, all_or_nothing, validation on
 * Prints one JSON line with the figures. On PostgreSQL the connections carry an application
 * name, so the CPU time of their server processes can be counted too.
 */
const [step, engine, where, arg] = process.argv.slice(2);
if (!step || !engine || !where || !arg) throw new Error('usage: <step> <engine> <where> <arg>');

const appName = `td_bench_${process.pid}`;
const pgUrl = `${PG_URL}${PG_URL.includes('?') ? '&' : '?'}application_name=${appName}`;
const database: DatabaseConfig =
  engine === 'sqlite'
    ? { engine: 'sqlite', file: where }
    : { engine: 'postgres', url: pgUrl, schema: where };

const ORDER_MAPPING = {
  target: 'orders',
  columns: [
    { header: 'customer_code', field: 'code' },
    { header: 'order_no', field: 'orderNo' },
    { header: 'order_date', field: 'date' },
    { header: 'amount', field: 'amount' },
    { header: 'quantity', field: 'quantity' },
    { header: 'product', field: 'product' },
  ],
  dateFormat: 'YYYY-MM-DD',
};

const dataDir = mkdtempSync(join(tmpdir(), 'td-bench-import-'));
const deps = await benchDeps(database, dataDir);
try {
  if (step === 'setup') {
    const seconds = await bulkCustomers(deps, Number(arg), (k, now) =>
      plainCustomer(customerCode(k), k, now),
    );
    // Fold the WAL into the database so every import starts from the same state.
    deps.store.sqlite?.pragma('wal_checkpoint(TRUNCATE)');
    console.log(JSON.stringify({ step, engine, customers: Number(arg), seconds }));
  } else if (step === 'import') {
    const server = async () =>
      deps.store.pool ? backendCpuSeconds(deps.store.pool, appName) : new Map<number, number>();
    const serverBefore = await server();
    const cpuBefore = processCpuSeconds();
    const t0 = performance.now();
    const r = await runImport(deps, systemCtx(), {
      target: 'orders',
      path: arg,
      fileName: 'orders.csv',
      mapping: ORDER_MAPPING,
      mode: 'all_or_nothing',
      onProgress: (n) => {
        if (n % 1_000_000 === 0)
          process.stderr.write(`  ${engine}: ${n.toLocaleString('en-US')} rows\n`);
      },
    });
    const seconds = (performance.now() - t0) / 1000;
    const clientCpu = processCpuSeconds() - cpuBefore;
    let serverCpu = 0;
    for (const [pid, s] of await server()) serverCpu += s - (serverBefore.get(pid) ?? 0);
    if (r.status !== 'committed') {
      throw new Error(`import ${r.status}: ${JSON.stringify(r.issues.slice(0, 3))}`);
    }
    console.log(
      JSON.stringify({
        step,
        engine,
        rows: r.rowsTotal,
        created: r.created,
        updated: r.updated,
        rejected: r.rejected,
        seconds,
        clientCpu,
        serverCpu,
        peakRssMiB: peakRssMiB(),
      }),
    );
  } else throw new Error(`unknown step ${step}`);
} finally {
  await deps.store.close();
  rmSync(dataDir, { recursive: true, force: true });
}
