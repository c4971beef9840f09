import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, type PostgresPool, SqliteDialect } from 'kysely';
import type pg from 'pg';
import type { Engine, Store } from './database';
import type { DB } from './schema';

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

/** Opens a dedicated connection and begins a transaction on it. */
export async function openWriteSession(store: Store): Promise<WriteSession> {
  if (store.engine === 'sqlite') {
    const main = store.sqlite!;
    // An in-memory database cannot be opened twice; it then shares the main connection.
    const own = main.memory ? main : new SqliteDatabase(main.name);
    if (own !== main) {
      own.pragma('foreign_keys = ON');
      own.pragma('busy_timeout = 10000');
    }
    const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: own }) });
    // BEGIN IMMEDIATE takes the write lock now, not at the first write, so two imports queue
    // instead of failing halfway.
    own.exec('begin immediate');
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
