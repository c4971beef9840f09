import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import Database from 'better-sqlite3';
import { from as copyFrom } from 'pg-copy-streams';
import { dropPgIndexes, ensureBenchDatabase, schemaExists, withBenchClient } from './analytics-pg';
import { benchDeps } from './bench-db';
import { Rng } from './clv-random';
import {
  CDNOW_TRUTH,
  DEFAULT_WINDOW,
  type SimulatedCustomer,
  simulateCustomer,
} from './clv-simulate';
import { OUT_DIR } from './report';

/**
 * Orders for the end-to-end lifetime-value fit: customers 1…n drawn from the BG/NBD and
 * Gamma-Gamma process with the CDNOW parameters (clv-simulate.ts), each purchase one order row
 * on its day with its amount. Day 0 is 2024-01-01; first purchases fall in 2024 and the history
 * runs to 2025-06-30 (day 546), the as-of day of the fit. Only `customers` and `orders` are
 * filled: the fit reads nothing else.
 */
const DATA_VERSION = 1;
export const CLV_AS_OF = '2025-06-30';
const DAY0 = Date.UTC(2024, 0, 1);
const MS_PER_DAY = 86_400_000;
const STAMP = '2024-01-01T00:00:00.000Z';

/** One order row: customer, order number, day and amount in minor units. */
type OrderRow = [customerId: number, orderNo: string, orderedOn: string, amountMinor: number];

/** The day texts of the window, computed once. */
const dayTexts = Array.from({ length: DEFAULT_WINDOW.endDay + 1 }, (_, d) =>
  new Date(DAY0 + d * MS_PER_DAY).toISOString().slice(0, 10),
);

/**
 * Customers 1…n with their orders, in id order, from one seeded stream of draws (the same
 * seed gives the same orders on both engines). Yields one customer at a time with its orders.
 */
export function* simulatedOrders(n: number, seed: number): Generator<OrderRow[]> {
  const rng = new Rng(seed);
  const c: SimulatedCustomer = { firstDay: 0, repeatDays: [], amounts: [] };
  for (let k = 1; k <= n; k++) {
    simulateCustomer(rng, CDNOW_TRUTH, DEFAULT_WINDOW, true, c);
    const rows: OrderRow[] = [];
    const days = [0, ...c.repeatDays];
    for (let j = 0; j < days.length; j++) {
      // Amounts in yuan → fen, at least 1 fen (a zero-amount order would still be a purchase).
      const amount = Math.max(1, Math.round(c.amounts[j]! * 100));
      rows.push([k, `S${k}-${j}`, dayTexts[c.firstDay + days[j]!]!, amount]);
    }
    yield rows;
  }
}

export interface ClvData {
  where: string;
  customers: number;
  orders: number;
  /** Seconds generation took now; null when the cached data was used. */
  generatedSeconds: number | null;
  /** How the cached data was generated (when, how long, the load average then). */
  cachedFrom: { at: string; seconds: number; loadAverage1m: number } | null;
}

const note = (seconds: number) => ({
  at: new Date().toISOString(),
  seconds,
  loadAverage1m: Math.round((loadavg()[0] ?? 0) * 100) / 100,
});

/** Where the SQLite data set of a size is cached between runs. */
export function clvDbFile(customers: number): string {
  return join(OUT_DIR, `clv-sqlite-${customers}-v${DATA_VERSION}`, 'tierdesk.db');
}

/** The PostgreSQL schema (in the benchmark database) holding the data set of a size. */
export function clvSchema(customers: number): string {
  return `clv_${customers}_v${DATA_VERSION}`;
}

/**
 * The SQLite data set: a migrated database filled with prepared inserts in one transaction
 * (secondary indexes dropped first and rebuilt after), generated once and reused from bench/out.
 */
export async function ensureClvSqlite(
  customers: number,
  seed: number,
  log: (line: string) => void,
): Promise<ClvData> {
  const file = clvDbFile(customers);
  const dir = join(file, '..');
  const noteFile = join(dir, 'generation.json');
  if (existsSync(file)) {
    const db = new Database(file, { readonly: true });
    const count = (t: string) =>
      (db.prepare(`select count(*) as n from ${t}`).get() as { n: number }).n;
    const counts = { customers: count('customers'), orders: count('orders') };
    db.close();
    const cachedFrom = existsSync(noteFile) ? JSON.parse(readFileSync(noteFile, 'utf8')) : null;
    return { where: file, ...counts, generatedSeconds: null, cachedFrom };
  }
  const tmp = `${dir}.partial`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const deps = await benchDeps({ engine: 'sqlite', file: join(tmp, 'tierdesk.db') }, tmp);
  await deps.store.close();
  const t0 = performance.now();
  const db = new Database(join(tmp, 'tierdesk.db'));
  let orders = 0;
  try {
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma('foreign_keys = OFF');
    const indexes = db
      .prepare(
        `select name, sql from sqlite_master where type = 'index' and sql is not null
         and tbl_name in ('customers', 'orders')`,
      )
      .all() as { name: string; sql: string }[];
    const customer = db.prepare(
      `insert into customers (id, code, name, name_key, type, created_at, updated_at)
       values (?, ?, ?, ?, 'retail', '${STAMP}', '${STAMP}')`,
    );
    const order = db.prepare(
      `insert into orders (customer_id, order_no, ordered_on, amount_minor, created_at)
       values (?, ?, ?, ?, '${STAMP}')`,
    );
    db.transaction(() => {
      for (const ix of indexes) db.exec(`drop index "${ix.name}"`);
      for (const rows of simulatedOrders(customers, seed)) {
        const k = rows[0]![0];
        customer.run(k, `L${k}`, `客户${k}`, `客户${k}`);
        for (const r of rows) order.run(r);
        orders += rows.length;
        if (k % 200_000 === 0) log(`  generating: ${k.toLocaleString('en-US')} customers`);
      }
      for (const ix of indexes) db.exec(ix.sql);
      db.exec('analyze');
    })();
  } finally {
    db.close();
  }
  const seconds = (performance.now() - t0) / 1000;
  writeFileSync(join(tmp, 'generation.json'), `${JSON.stringify(note(seconds))}\n`);
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  return { where: file, customers, orders, generatedSeconds: seconds, cachedFrom: null };
}

/** CSV text of the customers or orders, in chunks of a few thousand lines. */
function* csvChunks(n: number, seed: number, table: 'customers' | 'orders'): Generator<string> {
  let chunk = '';
  let lines = 0;
  for (const rows of simulatedOrders(n, seed)) {
    const k = rows[0]![0];
    if (table === 'customers') {
      chunk += `${k},L${k},客户${k},客户${k},retail,${STAMP},${STAMP}\n`;
      lines++;
    } else {
      for (const r of rows) chunk += `${r[0]},${r[1]},${r[2]},${r[3]},${STAMP}\n`;
      lines += rows.length;
    }
    if (lines >= 5000) {
      yield chunk;
      chunk = '';
      lines = 0;
    }
  }
  if (chunk) yield chunk;
}

/**
 * The PostgreSQL data set in its own schema of the benchmark database: migrated, then COPY of
 * the customers and the orders (simulated twice from the same seed: the customers, then their
 * orders) with indexes dropped during the copy and the orders' foreign key not checked row by
 * row. Built in a `_partial` schema renamed at the end; kept for later runs.
 */
export async function ensureClvPostgres(
  customers: number,
  seed: number,
  log: (line: string) => void,
): Promise<ClvData> {
  const url = await ensureBenchDatabase();
  const schema = clvSchema(customers);
  const where = `${schema} (tierdesk_bench)`;
  const cached = await withBenchClient(async (c) => {
    if (!(await schemaExists(c, schema))) return null;
    const r = await c.query<{ customers: string; orders: string; note: string | null }>(
      `select (select count(*) from ${schema}.customers) as customers,
              (select count(*) from ${schema}.orders) as orders,
              obj_description($1::regnamespace, 'pg_namespace') as note`,
      [schema],
    );
    const row = r.rows[0]!;
    return {
      customers: Number(row.customers),
      orders: Number(row.orders),
      cachedFrom: row.note ? JSON.parse(row.note) : null,
    };
  });
  if (cached) return { where, ...cached, generatedSeconds: null };
  const tmp = `${schema}_partial`;
  await withBenchClient((c) =>
    c.query(`drop schema if exists ${tmp} cascade; create schema ${tmp}`),
  );
  const deps = await benchDeps({ engine: 'postgres', url, schema: tmp }, `/tmp/${tmp}`);
  await deps.store.close();
  const t0 = performance.now();
  const counts = await withBenchClient(async (c) => {
    await c.query(`set search_path = ${tmp}`);
    await c.query("set maintenance_work_mem = '1GB'");
    await c.query('set synchronous_commit = off');
    const rebuild = [
      ...(await dropPgIndexes(c, tmp, 'customers', false)),
      ...(await dropPgIndexes(c, tmp, 'orders', false)),
    ];
    await c.query('set session_replication_role = replica');
    const copies = {
      customers: 'customers (id, code, name, name_key, type, created_at, updated_at)',
      orders: 'orders (customer_id, order_no, ordered_on, amount_minor, created_at)',
    } as const;
    const rows = { customers: 0, orders: 0 };
    for (const table of ['customers', 'orders'] as const) {
      const t = performance.now();
      const stream = c.query(copyFrom(`copy ${copies[table]} from stdin with (format csv)`));
      await pipeline(Readable.from(csvChunks(customers, seed, table)), stream);
      rows[table] = Number(stream.rowCount);
      log(
        `  ${table}: ${rows[table].toLocaleString('en-US')} rows in ` +
          `${((performance.now() - t) / 1000).toFixed(1)} s`,
      );
    }
    await c.query('set session_replication_role = origin');
    for (const statement of rebuild) await c.query(statement);
    for (const seq of ['customers', 'orders'])
      await c.query(
        `select setval(pg_get_serial_sequence('${seq}', 'id'), (select max(id) from ${seq}))`,
      );
    await c.query('vacuum analyze customers');
    await c.query('vacuum analyze orders');
    const seconds = (performance.now() - t0) / 1000;
    const text = JSON.stringify(note(seconds)).replaceAll("'", "''");
    await c.query(`comment on schema ${tmp} is '${text}'`);
    await c.query(`alter schema ${tmp} rename to ${schema}`);
    return { ...rows, seconds };
  });
  return {
    where,
    customers: counts.customers,
    orders: counts.orders,
    generatedSeconds: counts.seconds,
    cachedFrom: null,
  };
}
