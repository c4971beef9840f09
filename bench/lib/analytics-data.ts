import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { dropPgIndexes, ensureBenchDatabase, schemaExists, withBenchClient } from './analytics-pg';
import { benchDeps } from './bench-db';
import { OUT_DIR } from './report';

/**
 * The analytics benchmark's data: `customers` and `customer_month_rollups` only (what the value,
 * RFM and nine-grid views read), generated inside the database by INSERT … SELECT from a series
 * (`generate_series` on PostgreSQL, a recursive CTE on SQLite) through two small temporary
 * tables of draws (see generationSql), so no row passes through Node.
 *
 * Every random quantity is a 32-bit integer hash of the customer id (and month), written in SQL
 * that both engines evaluate the same way (integer arithmetic, bit operations, `exp`, `ln`,
 * `pow`, `floor`), so SQLite and PostgreSQL hold identical rows and every figure the views
 * compute must agree between the engines.
 *
 * The shape: 36 months of history, 2023-01 … 2025-12. A customer is active for 12–24 consecutive
 * months starting anywhere from 2023-01 to 2025-07 (so some lapsed before the 2025 period, some
 * are new in it; ~15 rollup rows a customer on average) and ~3% never ordered. Monthly revenue
 * is the customer's size times a lognormal-ish factor (e^{0.6 z}, z a standardized sum of four
 * uniforms); sizes are Pareto with α = 1.2 (Gini 1/(2α − 1) ≈ 0.71 for the sizes alone; capped
 * at 2,000× the smallest) on a base of 200 yuan a month. Margins are 5–40% per customer; orders a
 * month grow with the logarithm of the revenue.
 */

/** Bumped whenever the generated rows change, so a stale cache is never used. */
const DATA_VERSION = 1;
/** The first month of data and the number of months. */
const FIRST_YEAR = 2023;
const MONTHS = 36;
/** The period the views are asked for, and "today" for their as-of days. */
export const ANALYTICS_PERIOD = { from: '2025-01', to: '2025-12' } as const;
export const ANALYTICS_TODAY = '2026-01-15';

type Engine = 'sqlite' | 'postgres';

const monthText = (m: number) =>
  `${FIRST_YEAR + Math.floor(m / 12)}-${String(1 + (m % 12)).padStart(2, '0')}`;

/** The engine's integer series from…to as a derived table with column k (64-bit). */
function series(engine: Engine, from: number, to: number): string {
  return engine === 'postgres'
    ? `(select cast(k as bigint) as k from generate_series(${from}, ${to}) as g(k))`
    : `(with recursive s(k) as (select ${from} union all select k + 1 from s where k < ${to})
        select k from s)`;
}

const xor = (a: string, b: string) => `((${a}) | (${b})) - ((${a}) & (${b}))`;
/** One round of a 32-bit integer mix, (x ^ x>>16) · 0x45d9f3b mod 2³², on a column. */
const mixRound = (c: string) => `((${xor(c, `${c} >> 16`)}) * 73244475) % 4294967296`;
const mixFinal = (c: string) => xor(c, `${c} >> 16`);
const dbl = (e: string) => `cast(${e} as double precision)`;

/**
 * Two independent 32-bit hashes `ha`, `hb` of every k of `source` (the integer mix of
 * Hash Prospector, three rounds). Each round is a materialized CTE over plain columns: written
 * as one nested expression, the engines would copy the input expression into every reference
 * and the work would grow fourfold a round.
 */
function hashCtes(name: string, source: string, seedA: string, seedB: string): string {
  const m = 'as materialized';
  return `${name}_0 ${m} (select k, (${seedA}) % 4294967296 as a, (${seedB}) % 4294967296 as b
      from ${source} s),
    ${name}_1 ${m} (select k, ${mixRound('a')} as a, ${mixRound('b')} as b from ${name}_0),
    ${name}_2 ${m} (select k, ${mixRound('a')} as a, ${mixRound('b')} as b from ${name}_1),
    ${name} ${m} (select k, ${mixFinal(mixRound('a'))} as ha, ${mixFinal(mixRound('b'))} as hb
      from ${name}_2)`;
}

const REGIONS = ['华东', '华北', '华南', '华中', '西南', '西北', '东北'];
const INDUSTRIES = ['制造', '零售', '物流', '医药', '能源', '建筑', '金融', '教育'];
const TYPES = ['enterprise', 'enterprise', 'enterprise', 'distributor', 'retail'];
const pick = (values: string[], expr: string) =>
  `case ${expr} ${values.map((v, i) => `when ${i} then '${v}'`).join(' ')} end`;

/**
 * Statements that fill `customers` and `customer_month_rollups` for customers 1…n, through two
 * temporary tables:
 * - `bench_gen`: per customer its hashes, Pareto size (1 … 2000), margin, first active month
 *   and months active, and whether it never ordered;
 * - `bench_noise`: 65,536 draws of the monthly factor's z (a standardized sum of four uniform
 *   bytes) and 32 spare bits; a customer's month picks one by a multiplicative hash of the
 *   customer's hash and the month, which reads each input once.
 */
export function generationSql(
  engine: Engine,
  n: number,
): { label: 'draws' | 'customers' | 'rollups'; sql: string }[] {
  const temp = engine === 'postgres' ? 'create temporary table' : 'create temp table';
  const stamp =
    engine === 'postgres'
      ? `cast('2023-01-01T00:00:00.000Z' as timestamptz)`
      : `'2023-01-01T00:00:00.000Z'`;
  const date = (e: string) => (engine === 'postgres' ? `cast(${e} as date)` : e);
  const u = `(${dbl('ha & 16777215')} + 0.5) / 16777216`;
  const months = Array.from({ length: MONTHS }, (_, m) => `(${m}, '${monthText(m)}')`).join(', ');
  const byte = (shift: number) => dbl(`(ha >> ${shift}) & 255`);
  // SQLite's CROSS JOIN keeps the customers as the outer loop, so rows arrive in primary-key
  // order and the key index is appended to rather than updated at random.
  const join = engine === 'sqlite' ? 'cross join' : 'join';
  return [
    {
      label: 'draws',
      sql: `${temp} bench_gen as
        with ${hashCtes('c', series(engine, 1, n), 'k * 2654435761 + 1', 'k * 2246822519 + 7')}
        select k, hb,
          case when pow(${u}, -1 / 1.2) > 2000 then 2000 else pow(${u}, -1 / 1.2) end as size,
          0.05 + 0.35 * ${dbl('(ha >> 24) & 255')} / 256 as margin,
          hb % 31 as start_month,
          12 + ((hb >> 8) % 13) as months,
          case when ((hb >> 27) & 31) = 0 then 1 else 0 end as never_ordered
        from c`,
    },
    {
      label: 'draws',
      sql: `${temp} bench_noise as
        with ${hashCtes('z', series(engine, 0, 65535), 'k * 2654435761 + 3', 'k * 2246822519 + 5')}
        select k as j, hb as bits,
          ((${byte(0)} + ${byte(8)} + ${byte(16)} + ${byte(24)} + 2) / 256 - 2)
            * 1.7320508075688772 as z
        from z`,
    },
    { label: 'draws', sql: 'create unique index bench_noise_j on bench_noise (j)' },
    {
      label: 'customers',
      sql: `insert into customers (id, code, name, name_key, type, region, industry, created_at,
          updated_at, version, custom_fields, status)
        select k, 'B' || k, '客户' || k, '客户' || k,
          ${pick(TYPES, '(hb >> 16) % 5')}, ${pick(REGIONS, '(hb >> 19) % 7')},
          ${pick(INDUSTRIES, '(hb >> 22) % 8')}, ${stamp}, ${stamp}, 1, '{}', 'active'
        from bench_gen order by k`,
    },
    {
      label: 'rollups',
      sql: `insert into customer_month_rollups (customer_id, month, order_count, revenue_minor,
          costed_revenue_minor, cost_minor, first_order_on, last_order_on)
        with months(m, month) as (values ${months})
        select k, month, 1 + cast(floor(ln(1 + ${dbl('revenue')} / 500000)) as integer)
            + (bits & 1),
          revenue, revenue, cast(floor(revenue * (1 - margin)) as bigint),
          ${date(`month || '-0' || (1 + (bits >> 1) % 8)`)},
          ${date(`month || '-' || (20 + (bits >> 4) % 8)`)}
        from (select g.k, mo.month, g.margin, nz.bits,
            cast(floor(20000 * g.size * exp(0.6 * nz.z)) as bigint) as revenue
          from bench_gen g
          ${join} months mo
            on mo.m >= g.start_month and mo.m < g.start_month + g.months
          join bench_noise nz
            on nz.j = (((g.hb + mo.m * 40503) % 2147483648) * 2654435761 % 2147483648) >> 15
          where g.never_ordered = 0) r`,
    },
    { label: 'rollups', sql: 'drop table bench_gen' },
    { label: 'rollups', sql: 'drop table bench_noise' },
  ];
}

/** Row counts of a generated data set. */
export interface AnalyticsCounts {
  customers: number;
  rollups: number;
}

/** Seconds of each generation step: hashes and draws, the two inserts, index rebuilds. */
export interface Generated {
  draws: number;
  customers: number;
  rollups: number;
  indexes: number;
  total: number;
}

/** Kept with the cached data so a later run can still report the generation time. */
export interface GenerationNote {
  at: string;
  generated: Generated;
  loadAverage1m: number;
}

function note(generated: Generated): GenerationNote {
  return {
    at: new Date().toISOString(),
    generated,
    loadAverage1m: Math.round((loadavg()[0] ?? 0) * 100) / 100,
  };
}

export interface AnalyticsData extends AnalyticsCounts {
  /** The SQLite file, or the PostgreSQL schema in the benchmark database. */
  where: string;
  /** Seconds generation took, by step; null when the cached data was used. */
  generated: Generated | null;
  /** How the cached data was generated (when, how long, the load average then). */
  cachedFrom: GenerationNote | null;
}

/** Where the SQLite data set of a size is cached between runs. */
export function analyticsDbFile(customers: number): string {
  return join(OUT_DIR, `analytics-sqlite-${customers}-v${DATA_VERSION}`, 'tierdesk.db');
}

/** The PostgreSQL schema (in the benchmark database) holding the data set of a size. */
export function analyticsSchema(customers: number): string {
  return `analytics_${customers}_v${DATA_VERSION}`;
}

const seconds = (t0: number) => (performance.now() - t0) / 1000;

/**
 * The SQLite data set, generated once (migrated schema, then the two INSERT … SELECTs in one
 * transaction with the secondary indexes dropped and rebuilt) and reused from bench/out.
 */
export async function ensureAnalyticsSqlite(
  customers: number,
  log: (line: string) => void,
): Promise<AnalyticsData> {
  const file = analyticsDbFile(customers);
  const noteFile = join(file, '..', 'generation.json');
  if (existsSync(file)) {
    const cachedFrom = existsSync(noteFile)
      ? (JSON.parse(readFileSync(noteFile, 'utf8')) as GenerationNote)
      : null;
    return { where: file, generated: null, cachedFrom, ...sqliteCounts(file) };
  }
  const dir = join(file, '..');
  // Built under a temporary name and renamed at the end: an interrupted run never leaves a
  // half-filled database that a later run would take for the cache.
  const tmp = `${dir}.partial`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const deps = await benchDeps({ engine: 'sqlite', file: join(tmp, 'tierdesk.db') }, tmp);
  await deps.store.close();
  const db = new Database(join(tmp, 'tierdesk.db'));
  const t0 = performance.now();
  const generated: Generated = { draws: 0, customers: 0, rollups: 0, indexes: 0, total: 0 };
  try {
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -1000000');
    db.pragma('foreign_keys = OFF');
    const indexes = db
      .prepare(
        `select name, sql from sqlite_master where type = 'index' and sql is not null
         and tbl_name in ('customers', 'customer_month_rollups')`,
      )
      .all() as { name: string; sql: string }[];
    db.transaction(() => {
      for (const ix of indexes) db.exec(`drop index "${ix.name}"`);
      for (const step of generationSql('sqlite', customers)) {
        const t = performance.now();
        db.exec(step.sql);
        generated[step.label] += seconds(t);
      }
      log(
        `  draws ${generated.draws.toFixed(1)} s, customers ${generated.customers.toFixed(1)} s, ` +
          `rollups ${generated.rollups.toFixed(1)} s`,
      );
      const t = performance.now();
      for (const ix of indexes) db.exec(ix.sql);
      db.exec('analyze');
      generated.indexes = seconds(t);
      log(`  indexes, analyze: ${generated.indexes.toFixed(1)} s`);
    })();
  } finally {
    db.close();
  }
  generated.total = seconds(t0);
  writeFileSync(join(tmp, 'generation.json'), `${JSON.stringify(note(generated))}\n`);
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  return { where: file, generated, cachedFrom: null, ...sqliteCounts(file) };
}

function sqliteCounts(file: string): AnalyticsCounts {
  const db = new Database(file, { readonly: true });
  try {
    const count = (t: string) =>
      (db.prepare(`select count(*) as n from ${t}`).get() as { n: number }).n;
    return { customers: count('customers'), rollups: count('customer_month_rollups') };
  } finally {
    db.close();
  }
}

/**
 * The PostgreSQL data set in its own schema of the benchmark database, generated once and kept
 * (drop it with `drop schema … cascade` in tierdesk_bench): migrated, then the same two
 * INSERT … SELECTs with indexes and constraints dropped and rebuilt and the rollups' foreign key
 * not checked row by row (session_replication_role = replica; the ids come from the same series).
 * Built in a `_partial` schema renamed at the end.
 */
export async function ensureAnalyticsPostgres(
  customers: number,
  log: (line: string) => void,
): Promise<AnalyticsData> {
  const url = await ensureBenchDatabase();
  const schema = analyticsSchema(customers);
  const where = `${schema} (tierdesk_bench)`;
  const cached = await withBenchClient(async (c) => {
    if (!(await schemaExists(c, schema))) return null;
    const comment = await c.query<{ note: string | null }>(
      `select obj_description($1::regnamespace, 'pg_namespace') as note`,
      [schema],
    );
    const text = comment.rows[0]?.note;
    return {
      cachedFrom: text ? (JSON.parse(text) as GenerationNote) : null,
      ...(await pgCounts(c, schema)),
    };
  });
  if (cached) return { where, generated: null, ...cached };
  const tmp = `${schema}_partial`;
  await withBenchClient((c) =>
    c.query(`drop schema if exists ${tmp} cascade; create schema ${tmp}`),
  );
  const deps = await benchDeps({ engine: 'postgres', url, schema: tmp }, `/tmp/${tmp}`);
  await deps.store.close();
  const t0 = performance.now();
  const generated: Generated = { draws: 0, customers: 0, rollups: 0, indexes: 0, total: 0 };
  const counts = await withBenchClient(async (c) => {
    await c.query(`set search_path = ${tmp}`);
    await c.query("set maintenance_work_mem = '1GB'");
    await c.query("set work_mem = '256MB'");
    await c.query('set synchronous_commit = off');
    const rebuild = [
      ...(await dropPgIndexes(c, tmp, 'customers', false)),
      ...(await dropPgIndexes(c, tmp, 'customer_month_rollups', true)),
    ];
    await c.query('set session_replication_role = replica');
    for (const step of generationSql('postgres', customers)) {
      const t = performance.now();
      await c.query(step.sql);
      generated[step.label] += seconds(t);
    }
    await c.query('set session_replication_role = origin');
    log(
      `  draws ${generated.draws.toFixed(1)} s, customers ${generated.customers.toFixed(1)} s, ` +
        `rollups ${generated.rollups.toFixed(1)} s`,
    );
    const t = performance.now();
    for (const statement of rebuild) await c.query(statement);
    await c.query(
      `select setval(pg_get_serial_sequence('customers', 'id'), (select max(id) from customers))`,
    );
    await c.query('vacuum analyze customers');
    await c.query('vacuum analyze customer_month_rollups');
    generated.indexes = seconds(t);
    log(`  indexes, vacuum, analyze: ${generated.indexes.toFixed(1)} s`);
    generated.total = seconds(t0);
    const text = JSON.stringify(note(generated)).replaceAll("'", "''");
    await c.query(`comment on schema ${tmp} is '${text}'`);
    await c.query(`alter schema ${tmp} rename to ${schema}`);
    return pgCounts(c, schema);
  });
  return { where, generated, cachedFrom: null, ...counts };
}

async function pgCounts(c: import('pg').Client, schema: string): Promise<AnalyticsCounts> {
  const r = await c.query<{ customers: string; rollups: string }>(
    `select (select count(*) from ${schema}.customers) as customers,
            (select count(*) from ${schema}.customer_month_rollups) as rollups`,
  );
  const row = r.rows[0]!;
  return { customers: Number(row.customers), rollups: Number(row.rollups) };
}
