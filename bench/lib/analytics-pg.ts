import pg from 'pg';
import { PG_URL } from './bench-db';

/**
 * The PostgreSQL database the analytics and lifetime-value benchmarks keep their data in:
 * `tierdesk_bench` on the server of BENCH_PG_URL (BENCH_PG_DATABASE to rename it). A database
 * of its own, not a schema in the tests' `test` database: the tests' migrator lists the tables
 * of every schema of its database, and a multi-gigabyte schema created or dropped beside them
 * would only slow and disturb them.
 */
export function benchPgUrl(): string {
  const url = new URL(PG_URL);
  url.pathname = `/${process.env.BENCH_PG_DATABASE ?? 'tierdesk_bench'}`;
  return url.toString();
}

/** Creates the benchmark database when it is missing. */
export async function ensureBenchDatabase(): Promise<string> {
  const target = benchPgUrl();
  const name = new URL(target).pathname.slice(1);
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  try {
    const r = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (r.rowCount === 0) await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  return target;
}

/** Runs `f` with a connection of its own to the benchmark database. */
export async function withBenchClient<T>(f: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: benchPgUrl() });
  await c.connect();
  try {
    return await f(c);
  } finally {
    await c.end();
  }
}

/** Whether a schema exists in the benchmark database. */
export async function schemaExists(c: pg.Client, schema: string): Promise<boolean> {
  const r = await c.query('select 1 from information_schema.schemata where schema_name = $1', [
    schema,
  ]);
  return (r.rowCount ?? 0) > 0;
}

/**
 * Drops a table's secondary indexes (and, with `withPrimaryKey`, its primary key) before a bulk
 * load, returning the statements that rebuild them: one sort per index afterwards is much
 * cheaper than millions of index insertions.
 */
export async function dropPgIndexes(
  c: pg.Client,
  schema: string,
  table: string,
  withPrimaryKey: boolean,
): Promise<string[]> {
  const rebuild: string[] = [];
  const rel = `${schema}.${table}`;
  const constraints = await c.query<{ name: string; def: string; type: string }>(
    `select conname as name, pg_get_constraintdef(oid) as def, contype as type
     from pg_constraint where conrelid = $1::regclass and contype in ('p', 'u')`,
    [rel],
  );
  const indexes = await c.query<{ name: string; def: string }>(
    `select i.indexname as name, i.indexdef as def from pg_indexes i
     where i.schemaname = $1 and i.tablename = $2
       and not exists (select 1 from pg_constraint k where k.conname = i.indexname
                       and k.conrelid = $3::regclass)`,
    [schema, table, rel],
  );
  for (const ix of indexes.rows) {
    await c.query(`drop index ${schema}."${ix.name}"`);
    rebuild.push(ix.def);
  }
  for (const k of constraints.rows) {
    // Unique constraints other tables reference cannot be dropped; the primary key of a table
    // nothing references can.
    if (k.type === 'p' && !withPrimaryKey) continue;
    await c.query(`alter table ${rel} drop constraint "${k.name}"`);
    rebuild.push(`alter table ${rel} add constraint "${k.name}" ${k.def}`);
  }
  return rebuild;
}
