import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchSchema, PG_URL } from './lib/bench-db';
import { machine } from './lib/machine';
import { ORDER_CSV_HEADER, writeOrderCsv } from './lib/order-csv';
import { timed } from './lib/process-cpu';
import { envInt, printTable, writeResult } from './lib/report';

/**
 * Order import: Tierdesk's runImport (all_or_nothing, every cell validated) against the native
 * loaders on the same generated CSV — `sqlite3 .import` and `psql \copy` — into a plain table,
 * and into a table with the constraints Tierdesk's orders table has (unique order number, an
 * index on customer and date, on PostgreSQL a foreign key to the customers). Peak RSS of the
 * Tierdesk import at several file sizes shows whether memory stays flat.
 *
 * BENCH_ROWS (default 10,000,000) rows over BENCH_CUSTOMERS (default 1,000,000) customers, who
 * are created first with the bulk writer so the import measures orders. BENCH_SQLITE_SIZES and
 * BENCH_PG_SIZES list extra, smaller sizes for the memory figures (defaults 1M and none).
 * BENCH_PHASES picks from reader (the CSV reader alone, fast path against csv-parse, on the
 * smallest file), sqlite, sqlite-native, postgres, postgres-native (default all);
 * BENCH_NATIVE_LIKE=1 adds native runs into a table with Tierdesk's constraints (several more
 * minutes). The defaults fit in about ten minutes on a 2-core machine. Each step runs in a
 * process of its own. Files go to a temporary folder that is removed afterwards; the PostgreSQL
 * schema is dropped.
 */
const ROWS = envInt('BENCH_ROWS', 10_000_000);
const CUSTOMERS = envInt('BENCH_CUSTOMERS', 1_000_000);
const sizes = (name: string, fallback: string) =>
  [
    ...new Set([
      ...(process.env[name] ?? fallback)
        .split(',')
        .map((s) => Number(s.replaceAll('_', '')))
        .filter((n) => n > 0 && n < ROWS),
      ROWS,
    ]),
  ].sort((a, b) => a - b);
const SQLITE_SIZES = sizes('BENCH_SQLITE_SIZES', '1000000');
const PG_SIZES = sizes('BENCH_PG_SIZES', '');
const PHASES = new Set(
  (process.env.BENCH_PHASES ?? 'reader,sqlite,sqlite-native,postgres,postgres-native')
    .split(',')
    .map((s) => s.trim()),
);
const NATIVE_LIKE = process.env.BENCH_NATIVE_LIKE === '1';
const worker = join(dirname(fileURLToPath(import.meta.url)), 'lib', 'import-phase.ts');
const readerWorker = join(dirname(fileURLToPath(import.meta.url)), 'lib', 'reader-phase.ts');

interface Run {
  engine: 'SQLite' | 'PostgreSQL';
  loader: string;
  rows: number;
  seconds: number;
  /** Client process plus, on PostgreSQL, the server process that did the work. */
  cpuSeconds: number;
  serverCpuSeconds: number;
  peakRssMiB: number;
  /** A native run into a table with the constraints Tierdesk's orders table has. */
  sameConstraints?: boolean;
}

function phase(args: string[], attempt = 1): Record<string, number | string> {
  const r = spawnSync(process.execPath, ['--import', 'tsx', worker, ...args], {
    env: process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  process.stderr.write(r.stderr);
  const last = r.stdout.trim().split('\n').pop() ?? '';
  if (r.status !== 0 || !last.startsWith('{')) {
    // The migrator lists the tables of every schema; a schema dropped meanwhile by another
    // process on the same server (a test run) fails that listing. Nothing was imported yet.
    if (attempt < 3 && /Migration failed/.test(r.stderr)) return phase(args, attempt + 1);
    throw new Error(`${args.join(' ')} failed (exit ${r.status ?? r.signal})\n${r.stdout}`);
  }
  return JSON.parse(last) as Record<string, number | string>;
}

/** One line per finished run, so a long benchmark shows its figures as it goes. */
function report(r: Run): void {
  console.log(
    `  ${r.engine}, ${r.loader}: ${r.rows.toLocaleString('en-US')} rows in ${r.seconds.toFixed(1)} s ` +
      `(${rate(r.rows, r.seconds).toLocaleString('en-US')} rows/s), CPU ${r.cpuSeconds.toFixed(1)} s, ` +
      `peak RSS ${r.peakRssMiB} MiB`,
  );
}

function sqlite3(db: string, ...commands: string[]): string {
  const r = spawnSync('sqlite3', [db, ...commands], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`sqlite3 ${commands.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
}

function psql(sql: string): string {
  const r = spawnSync('psql', [PG_URL, '-v', 'ON_ERROR_STOP=1', '-qAtc', sql], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`psql ${sql}: ${r.stderr}`);
  return r.stdout.trim();
}

const rate = (rows: number, s: number) => Math.round(rows / s);
const dir = mkdtempSync(join(tmpdir(), 'td-bench-import-'));
const info = machine(PG_URL);
const sqliteVersion = spawnSync('sqlite3', ['--version'], { encoding: 'utf8' }).stdout.split(
  ' ',
)[0];
const psqlVersion = spawnSync('psql', ['--version'], { encoding: 'utf8' }).stdout.trim();
console.log(
  `import: ${ROWS.toLocaleString('en-US')} order rows over ${CUSTOMERS.toLocaleString('en-US')} ` +
    `customers; sqlite3 ${sqliteVersion}, ${psqlVersion}; load average ${info.loadAverage1m}`,
);

const runs: Run[] = [];
const memory: Run[] = [];
const readers: Record<string, number | string>[] = [];
let generation = { seconds: 0, bytes: 0 };
const schema = benchSchema('bench_import');
let schemaMade = false;
try {
  // The file, and the smaller ones (its first rows) for the memory figures.
  const t0 = performance.now();
  const file = join(dir, 'orders.csv');
  generation = { bytes: writeOrderCsv(file, ROWS, CUSTOMERS), seconds: 0 };
  generation.seconds = (performance.now() - t0) / 1000;
  console.log(
    `generated ${(generation.bytes / 2 ** 20).toFixed(0)} MiB in ${generation.seconds.toFixed(1)} s`,
  );
  const fileOf = new Map<number, string>([[ROWS, file]]);
  for (const n of new Set([...SQLITE_SIZES, ...PG_SIZES])) {
    if (n === ROWS) continue;
    const small = join(dir, `orders-${n}.csv`);
    const r = spawnSync('sh', ['-c', `head -n ${n + 1} "${file}" > "${small}"`]);
    if (r.status !== 0) throw new Error(`head failed: ${r.stderr}`);
    fileOf.set(n, small);
  }
  const csvOf = (n: number) => fileOf.get(n) as string;

  if (PHASES.has('reader')) {
    const n = Math.min(...SQLITE_SIZES, ...PG_SIZES);
    for (const reader of ['fast', 'csv-parse']) {
      const r = spawnSync(process.execPath, ['--import', 'tsx', readerWorker, reader, csvOf(n)], {
        encoding: 'utf8',
      });
      const last = r.stdout.trim().split('\n').pop() ?? '';
      if (r.status !== 0 || !last.startsWith('{')) throw new Error(`reader ${reader}: ${r.stderr}`);
      const figures = JSON.parse(last) as Record<string, number | string>;
      readers.push(figures);
      console.log(
        `  CSV reader ${reader}: ${Number(figures.rows).toLocaleString('en-US')} rows in ` +
          `${Number(figures.seconds).toFixed(1)} s (${rate(Number(figures.rows), Number(figures.seconds)).toLocaleString('en-US')} rows/s)`,
      );
    }
  }

  if (PHASES.has('sqlite')) {
    const template = join(dir, 'template.db');
    const setup = phase(['setup', 'sqlite', template, String(CUSTOMERS)]);
    console.log(`SQLite: ${CUSTOMERS} customers created in ${Number(setup.seconds).toFixed(1)} s`);
    for (const n of SQLITE_SIZES) {
      const db = join(dir, 'tierdesk.db');
      copyFileSync(template, db);
      const r = phase(['import', 'sqlite', db, csvOf(n)]);
      const count = Number(sqlite3(db, 'select count(*) from orders'));
      if (count !== n) throw new Error(`SQLite holds ${count} orders after importing ${n}`);
      const run: Run = {
        engine: 'SQLite',
        loader: 'Tierdesk runImport',
        rows: n,
        seconds: Number(r.seconds),
        cpuSeconds: Number(r.clientCpu),
        serverCpuSeconds: 0,
        peakRssMiB: Number(r.peakRssMiB),
      };
      memory.push(run);
      if (n === ROWS) runs.push(run);
      report(run);
      for (const f of ['', '-wal', '-shm']) rmSync(db + f, { force: true });
    }
    rmSync(template, { force: true });
  }

  if (PHASES.has('sqlite-native')) {
    const create = (table: string) =>
      `create table ${table} (customer_code text not null, order_no text not null, order_date text not null, amount numeric not null, quantity integer, product text)`;
    const variants: [string, string, string[]][] = [
      ['sqlite3 .import, plain table', 'orders_plain', [create('orders_plain')]],
    ];
    if (NATIVE_LIKE) {
      variants.push(
        [
          'sqlite3 .import, + unique order_no',
          'orders_uq',
          [create('orders_uq'), 'create unique index orders_uq_no on orders_uq (order_no)'],
        ],
        [
          'sqlite3 .import, + unique order_no + (customer, date) index',
          'orders_like',
          [
            create('orders_like'),
            'create unique index orders_like_no on orders_like (order_no)',
            'create index orders_like_customer_date on orders_like (customer_code, order_date)',
          ],
        ],
      );
    }
    for (const [loader, table, ddl] of variants) {
      const db = join(dir, 'native.db');
      sqlite3(db, ...ddl);
      // The same page cache as Tierdesk's import session.
      const t = timed('sqlite3', [
        db,
        'pragma cache_size = -65536',
        '.mode csv',
        `.import --skip 1 ${csvOf(ROWS)} ${table}`,
      ]);
      const count = Number(sqlite3(db, `select count(*) from ${table}`));
      if (count !== ROWS) throw new Error(`${loader} loaded ${count} rows, not ${ROWS}`);
      runs.push({
        engine: 'SQLite',
        loader,
        rows: ROWS,
        seconds: t.seconds,
        cpuSeconds: t.cpuSeconds,
        serverCpuSeconds: 0,
        peakRssMiB: t.peakRssMiB,
        sameConstraints: table === 'orders_like',
      });
      report(runs[runs.length - 1] as Run);
      rmSync(db, { force: true });
    }
  }

  if (PHASES.has('postgres') || PHASES.has('postgres-native')) {
    psql(`create schema ${schema}`);
    schemaMade = true;
    const setup = phase(['setup', 'postgres', schema, String(CUSTOMERS)]);
    console.log(
      `PostgreSQL: ${CUSTOMERS} customers created in ${Number(setup.seconds).toFixed(1)} s`,
    );
  }

  if (PHASES.has('postgres')) {
    for (const n of PG_SIZES) {
      psql(`truncate ${schema}.orders cascade; checkpoint`);
      const r = phase(['import', 'postgres', schema, csvOf(n)]);
      const count = Number(psql(`select count(*) from ${schema}.orders`));
      if (count !== n) throw new Error(`PostgreSQL holds ${count} orders after importing ${n}`);
      const run: Run = {
        engine: 'PostgreSQL',
        loader: 'Tierdesk runImport',
        rows: n,
        seconds: Number(r.seconds),
        cpuSeconds: Number(r.clientCpu) + Number(r.serverCpu),
        serverCpuSeconds: Number(r.serverCpu),
        peakRssMiB: Number(r.peakRssMiB),
      };
      memory.push(run);
      if (n === ROWS) runs.push(run);
      report(run);
    }
    psql(`truncate ${schema}.orders cascade`);
  }

  if (PHASES.has('postgres-native')) {
    const columns = 'customer_code, order_no, order_date, amount, quantity, product';
    const table = (name: string, constraints: string) =>
      `create table ${schema}.${name} (${constraints}
         customer_code text not null, order_no text not null, order_date date not null,
         amount numeric(14, 2) not null, quantity integer, product text)`;
    const variants: [string, string, string][] = [
      ['psql \\copy, plain table', 'orders_plain', table('orders_plain', '')],
    ];
    if (NATIVE_LIKE) {
      const key = 'id bigint generated by default as identity primary key,';
      variants.push(
        [
          'psql \\copy, + identity key + unique order_no',
          'orders_uq',
          `${table('orders_uq', key)}; create unique index on ${schema}.orders_uq (order_no)`,
        ],
        [
          'psql \\copy, + (customer, date) index',
          'orders_idx',
          `${table('orders_idx', key)}; create unique index on ${schema}.orders_idx (order_no);
           create index on ${schema}.orders_idx (customer_code, order_date)`,
        ],
        [
          'psql \\copy, + foreign key to customers',
          'orders_like',
          `${table('orders_like', key)}; create unique index on ${schema}.orders_like (order_no);
           create index on ${schema}.orders_like (customer_code, order_date);
           alter table ${schema}.orders_like add foreign key (customer_code)
             references ${schema}.customers (code)`,
        ],
      );
    }
    for (const [loader, table, ddl] of variants) {
      psql(`${ddl}; checkpoint`);
      // The server process's CPU is read through psql's shell escape before it disconnects.
      const stat = join(dir, 'backend.stat');
      const script = join(dir, 'copy.sql');
      writeFileSync(
        script,
        [
          `\\copy ${schema}.${table} (${columns}) from '${csvOf(ROWS)}' csv header`,
          'select pg_backend_pid() as bpid \\gset',
          '\\setenv BPID :bpid',
          `\\! cat /proc/$BPID/stat > ${stat}`,
        ].join('\n'),
      );
      const t = timed('psql', [PG_URL, '-q', '-v', 'ON_ERROR_STOP=1', '-f', script]);
      const raw = readFileSync(stat, 'utf8');
      const f = raw.slice(raw.lastIndexOf(')') + 2).split(' ');
      const serverCpu = (Number(f[11]) + Number(f[12])) / 100;
      const count = Number(psql(`select count(*) from ${schema}.${table}`));
      if (count !== ROWS) throw new Error(`${loader} loaded ${count} rows, not ${ROWS}`);
      runs.push({
        engine: 'PostgreSQL',
        loader,
        rows: ROWS,
        seconds: t.seconds,
        cpuSeconds: t.cpuSeconds + (Number.isFinite(serverCpu) ? serverCpu : 0),
        serverCpuSeconds: Number.isFinite(serverCpu) ? serverCpu : 0,
        peakRssMiB: t.peakRssMiB,
        sameConstraints: table === 'orders_like',
      });
      report(runs[runs.length - 1] as Run);
      psql(`drop table ${schema}.${table}`);
    }
  }
} finally {
  if (schemaMade) psql(`drop schema if exists ${schema} cascade`);
  rmSync(dir, { recursive: true, force: true });
}

const nativePlain = (engine: Run['engine']) =>
  runs.find((r) => r.engine === engine && r.loader.endsWith('plain table'));
const nativeLike = (engine: Run['engine']) =>
  runs.find((r) => r.engine === engine && r.sameConstraints);
console.log(`\nThroughput on the ${ROWS.toLocaleString('en-US')}-row file`);
printTable(
  runs.map((r) => {
    const base = nativePlain(r.engine);
    const like = nativeLike(r.engine);
    return {
      engine: r.engine,
      loader: r.loader,
      seconds: Math.round(r.seconds * 10) / 10,
      'rows/s': rate(r.rows, r.seconds),
      'CPU s (server)': `${r.cpuSeconds.toFixed(1)}${r.serverCpuSeconds ? ` (${r.serverCpuSeconds.toFixed(1)})` : ''}`,
      'rows/CPU-s': rate(r.rows, r.cpuSeconds),
      'vs plain native': base ? (base.seconds / r.seconds).toFixed(2) : '-',
      'vs plain, CPU': base ? (base.cpuSeconds / r.cpuSeconds).toFixed(2) : '-',
      'vs same constraints': like ? (like.seconds / r.seconds).toFixed(2) : '-',
      'peak RSS MiB': r.peakRssMiB,
    };
  }),
);
if (readers.length) {
  console.log('\nCSV reader alone (rows counted, nothing validated or written)');
  printTable(
    readers.map((r) => ({
      reader: r.reader === 'fast' ? 'import reader (fast path + csv-parse)' : 'csv-parse only',
      rows: Number(r.rows),
      seconds: Math.round(Number(r.seconds) * 10) / 10,
      'rows/s': rate(Number(r.rows), Number(r.seconds)),
      'CPU s': Math.round(Number(r.cpuSeconds) * 10) / 10,
    })),
  );
}
console.log('\nPeak RSS of the Tierdesk import by file size');
printTable(
  memory.map((r) => ({
    engine: r.engine,
    rows: r.rows,
    seconds: Math.round(r.seconds * 10) / 10,
    'rows/s': rate(r.rows, r.seconds),
    'peak RSS MiB': r.peakRssMiB,
  })),
);
const file = writeResult(`import-${ROWS}`, {
  benchmark: 'import',
  date: new Date().toISOString(),
  machine: { ...info, sqlite3: sqliteVersion, psql: psqlVersion },
  rows: ROWS,
  customers: CUSTOMERS,
  header: ORDER_CSV_HEADER,
  generation,
  readers,
  runs,
  memory,
});
console.log(`wrote ${file}`);
