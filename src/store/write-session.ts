import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, type PostgresPool, SqliteDialect } from 'kysely';
import type pg from 'pg';
import type { Engine, Store } from './database';
import type { DB } from './schema';
import { patiently } from './sqlite-driver';

/**
 * One connection with one open transaction, for long writes such as imports: everything done
 * through `db`, `sqlite` or `client` belongs to the same transaction, committed or rolled back
 * as a whole. On SQLite it is a second connection to the same file, so readers on the main
 * connection keep going (WAL) while an import runs.
 */
export interface WriteSession {
  engine: Engine;
  db: Kysely<DB>;
  sqlite?: SqliteDatabase.Database;
  client?: pg.PoolClient;
  commit(): Promise<void>;
  rollback(): Promise<void>;
}

/** Kysely bound to one pg client, so its statements join the client's open transaction. */
export function kyselyOnClient(client: pg.PoolClient): Kysely<DB> {
  const wrapped = { query: client.query.bind(client), release() {} };
  const pool = { connect: async () => wrapped, end: async () => {} };
  return new Kysely<DB>({
    dialect: new PostgresDialect({ pool: pool as unknown as PostgresPool }),
  });
}

/** How a write session is going to be used. */
export interface WriteSessionOptions {
  /**
   * Many rows in one transaction (a large import): SQLite gets a larger page cache on its own
   * connection, so index pages stay in memory instead of being spilled and read back.
   */
  bulk?: boolean;
  /**
   * The caller resolves every referenced id inside this session's transaction (SQLite holds the
   * database's write lock for all of it, so nothing referenced can disappear meanwhile), so
   * SQLite need not check each foreign key again per row. PostgreSQL always checks.
   */
  referencesChecked?: boolean;
}

/**
 * Page cache of a bulk session on SQLite, in KiB (negative per SQLite's convention): 64 MiB,
 * 32 times the default. Measured on a 10M-row order import, 256 MiB was slower (78 s against
 * 92 s) and its peak RSS grew with the file (680 → 860 MiB) where 64 MiB stayed flat (~525 MiB).
 */
const BULK_CACHE_KIB = 65_536;

/** Opens a dedicated connection and begins a transaction on it. */
export async function openWriteSession(
  store: Store,
  opts: WriteSessionOptions = {},
): Promise<WriteSession> {
  if (store.engine === 'sqlite') {
    const main = store.sqlite!;
    // An in-memory database cannot be opened twice; it then shares the main connection.
    const own = main.memory ? main : new SqliteDatabase(main.name);
    if (own !== main) {
      own.pragma(opts.referencesChecked ? 'foreign_keys = OFF' : 'foreign_keys = ON');
      // Waiting for the lock happens asynchronously below (see sqlite-driver.ts).
      own.pragma('busy_timeout = 0');
      if (opts.bulk) own.pragma(`cache_size = -${BULK_CACHE_KIB}`);
    }
    const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: own }) });
    // BEGIN IMMEDIATE takes the write lock now, not at the first write, so two imports queue
    // instead of failing halfway. The wait is asynchronous: a writer on the main connection that
    // holds the lock across an await must be able to finish meanwhile.
    await patiently(() => own.exec('begin immediate'));
    let done = false;
    const finish = async (sqlText: string) => {
      if (done) return;
      done = true;
      if (own.inTransaction) own.exec(sqlText);
      if (own !== main) {
        await db.destroy();
      }
    };
    return {
      engine: 'sqlite',
      db,
      sqlite: own,
      commit: () => finish('commit'),
      rollback: () => finish('rollback'),
    };
  }
  const client = await store.pool!.connect();
  await client.query('begin');
  const db = kyselyOnClient(client);
  let done = false;
  const finish = async (sqlText: string) => {
    if (done) return;
    done = true;
    try {
      await client.query(sqlText);
      client.release();
    } catch (e) {
      client.release(e as Error);
      throw e;
    }
  };
  return {
    engine: 'postgres',
    db,
    client,
    commit: () => finish('commit'),
    rollback: () => finish('rollback'),
  };
}
