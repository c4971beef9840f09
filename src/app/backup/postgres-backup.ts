import { execFile, spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { promisify } from 'node:util';
import { Kysely, PostgresDialect, type PostgresPool, sql } from 'kysely';
import type pg from 'pg';
import { DomainError } from '../../domain/errors';
import { appliedMigrations, countKeyTables } from './manifest';

const run = promisify(execFile);

/** The major version of a PostgreSQL client tool (`pg_dump`, `pg_restore`, `psql`). */
async function toolMajor(tool: string): Promise<{ major: number; version: string }> {
  let out: string;
  try {
    out = (await run(tool, ['--version'])).stdout.trim();
  } catch {
    throw new DomainError(
      'INVALID_STATE',
      `${tool} was not found: install the PostgreSQL client tools of your server's version (e.g. apt-get install postgresql-client-15)`,
    );
  }
  const m = /(\d+)(?:\.(\d+))?/.exec(out.replace(/^[^\d]*/, ''));
  return { major: Number(m?.[1] ?? 0), version: out };
}

/**
 * Checks that `tools` exist and match the server's major version: pg_dump refuses newer
 * servers, and an older pg_restore may not read a newer archive.
 */
export async function checkPgTools(pool: pg.Pool, tools: string[]): Promise<string> {
  const r = await pool.query<{ v: string }>("select current_setting('server_version_num') as v");
  const server = Math.floor(Number(r.rows[0]?.v ?? 0) / 10000);
  let first = '';
  for (const tool of tools) {
    const t = await toolMajor(tool);
    first ||= t.version;
    if (t.major !== server)
      throw new DomainError(
        'INVALID_STATE',
        `${tool} is version ${t.major} but the PostgreSQL server is version ${server}; use the client tools of the server's version`,
      );
  }
  return first;
}

/** Kysely bound to one pg client, so statements run inside the client's open transaction. */
function onClient(client: pg.PoolClient): Kysely<unknown> {
  const wrapped = { query: client.query.bind(client), release() {} };
  const pool = { connect: async () => wrapped, end: async () => {} };
  return new Kysely<unknown>({
    dialect: new PostgresDialect({ pool: pool as unknown as PostgresPool }),
  });
}

/** Runs a child process to its end; rejects with its stderr when it fails. */
function finished(child: ReturnType<typeof spawn>, name: string): Promise<void> {
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else
        reject(
          new DomainError(
            'INTERNAL',
            `${name} failed (exit ${code}): ${stderr.trim().slice(-2000)}`,
          ),
        );
    });
  });
}

/**
 * Dumps the schema in pg_dump's custom format from one exported snapshot, and counts the key
 * tables and reads the migrations in that same snapshot, so the manifest describes exactly
 * what the dump holds even while the server keeps writing.
 */
export async function dumpPostgres(
  pool: pg.Pool,
  url: string,
  schema: string,
  to: string,
): Promise<{ migrations: string[]; counts: Record<string, number> }> {
  const client = await pool.connect();
  try {
    await client.query('begin isolation level repeatable read read only');
    const snap = await client.query<{ s: string }>('select pg_export_snapshot() as s');
    const db = onClient(client);
    await sql`select set_config('search_path', ${schema}, true)`.execute(db);
    const migrations = await appliedMigrations(db);
    const counts = await countKeyTables(db, 'postgres', schema);
    const dump = spawn(
      'pg_dump',
      ['-Fc', '-n', schema, `--snapshot=${snap.rows[0]?.s}`, '-f', to, '-d', url],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    await finished(dump, 'pg_dump');
    await client.query('commit');
    return { migrations, counts };
  } catch (e) {
    await client.query('rollback').catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}

/**
 * Restores a pg_dump archive (read from `file` at `offset`) into `schema` in one transaction:
 * the schema is dropped with everything in it, then pg_restore's statements recreate it, all
 * through one `psql --single-transaction`. Any error rolls everything back, so the database
 * holds either its old content or the backup's, never a mix. (pg_restore --clean alone cannot
 * drop a schema holding tables the dump lacks, e.g. from a later migration.)
 */
export async function restorePostgres(
  url: string,
  schema: string,
  file: string,
  offset: number,
): Promise<void> {
  const restore = spawn('pg_restore', ['--no-owner', '--no-privileges', '-f', '-'], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const psql = spawn(
    'psql',
    ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '--single-transaction', '-f', '-', '-d', url],
    { stdio: ['pipe', 'ignore', 'pipe'] },
  );
  const restored = finished(restore, 'pg_restore');
  const applied = finished(psql, 'psql');
  const quoted = `"${schema.replaceAll('"', '""')}"`;
  psql.stdin.write(`DROP SCHEMA IF EXISTS ${quoted} CASCADE;\n`);
  // psql commits at the end of its input: it only gets that end once pg_restore succeeded.
  // Otherwise it is killed mid-transaction, and PostgreSQL rolls everything back.
  restore.stdout.pipe(psql.stdin, { end: false });
  createReadStream(file, { start: offset }).pipe(restore.stdin);
  try {
    await restored;
  } catch (e) {
    psql.kill('SIGKILL');
    await applied.catch(() => {});
    throw e;
  }
  psql.stdin.end();
  await applied;
}
