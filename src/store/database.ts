import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../config';
import type { DB } from './schema';
import { PatientSqliteDialect } from './sqlite-driver';

export type Engine = 'sqlite' | 'postgres';

/** An open database: the Kysely handle plus the raw driver for bulk paths (COPY, prepared loops). */
export interface Store {
  db: Kysely<DB>;
  engine: Engine;
  /** better-sqlite3 handle when engine is sqlite. */
  sqlite?: SqliteDatabase.Database;
  /** pg pool when engine is postgres. */
  pool?: pg.Pool;
  /** PostgreSQL schema in use (tests use one schema per file). */
  schema?: string;
  close(): Promise<void>;
}

let pgTypesConfigured = false;

/**
 * Makes pg return the same JS shapes as SQLite: int8 and numeric as numbers, timestamps as
 * ISO-8601 UTC strings, dates as YYYY-MM-DD strings. Money is stored in integer minor units,
 * so int8 values stay well inside Number.MAX_SAFE_INTEGER.
 */
function configurePgTypes(): void {
  if (pgTypesConfigured) return;
  pgTypesConfigured = true;
  pg.types.setTypeParser(20, (v) => Number(v)); // int8
  pg.types.setTypeParser(1700, (v) => Number(v)); // numeric
  pg.types.setTypeParser(1184, (v) => new Date(v).toISOString()); // timestamptz
  pg.types.setTypeParser(1114, (v) => new Date(`${v}Z`).toISOString()); // timestamp
  pg.types.setTypeParser(1082, (v) => v); // date
}

/** Opens the configured database. SQLite gets WAL mode and foreign keys on. */
export function openStore(config: DatabaseConfig): Store {
  if (config.engine === 'sqlite') {
    if (config.file !== ':memory:') mkdirSync(dirname(config.file), { recursive: true });
    const sqlite = new SqliteDatabase(config.file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('synchronous = NORMAL');
    // No busy timeout: better-sqlite3 would wait for a lock synchronously, stopping the whole
    // process, including the writer that holds the lock. Writers wait asynchronously instead
    // (PatientSqliteDialect, openWriteSession).
    sqlite.pragma('busy_timeout = 0');
    const db = new Kysely<DB>({ dialect: new PatientSqliteDialect(sqlite) });
    return {
      db,
      engine: 'sqlite',
      sqlite,
      async close() {
        await db.destroy();
      },
    };
  }
  configurePgTypes();
  const pool = new pg.Pool({
    connectionString: config.url,
    max: 10,
    ...(config.schema ? { options: `-c search_path=${config.schema}` } : {}),
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    engine: 'postgres',
    pool,
    ...(config.schema ? { schema: config.schema } : {}),
    async close() {
      await db.destroy();
      // Kysely starts its driver on first use only; a store that never ran a statement through
      // Kysely (raw pool users such as backups) would otherwise leave the pool's clients open.
      if (!pool.ended) await pool.end();
    },
  };
}
