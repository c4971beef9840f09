import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseConfig } from '../../src/config';
import { PG_URL, pgAdmin } from './bench-db';

/** A throw-away database and data folder for a benchmark that runs the real server. */
export interface Scratch {
  engine: string;
  database: DatabaseConfig;
  dataDir: string;
  /**
   * The environment of `tierdesk serve` on this database: loopback `port`, demo off, the
   * first administrator's `password`, quiet logs, production mode, no per-address rate limit;
   * `extra` is added last.
   */
  serverEnv(port: number, password: string, extra?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
}

/**
 * Runs `fn` on a fresh database of `engine` (a SQLite file in a temp folder, or a new
 * PostgreSQL database beside BENCH_PG_URL's) and removes both afterwards, whatever happens.
 */
export async function withScratch<T>(
  engine: string,
  prefix: string,
  fn: (s: Scratch) => Promise<T>,
): Promise<T> {
  const dataDir = mkdtempSync(join(tmpdir(), `tierdesk-${prefix}-`));
  const dbName = `${prefix}_${randomBytes(4).toString('hex')}`;
  const url = `${PG_URL.replace(/\/[^/]*$/, '')}/${dbName}`;
  const pg = engine === 'postgres';
  if (pg) await pgAdmin(`create database ${dbName}`);
  const database: DatabaseConfig = pg
    ? { engine: 'postgres', url }
    : { engine: 'sqlite', file: join(dataDir, 'tierdesk.db') };
  const serverEnv = (port: number, password: string, extra: NodeJS.ProcessEnv = {}) => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      TIERDESK_DATA_DIR: dataDir,
      TIERDESK_DEMO: 'off',
      TIERDESK_ADMIN_PASSWORD: password,
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      // Every load connection comes from 127.0.0.1: the per-address limit would answer 429 to
      // the benchmark itself. The limiter is measured by its own tests, not here.
      TIERDESK_RATE_LIMIT_GLOBAL: '0',
      ...extra,
    };
    // SQLite lives in the data folder; an inherited DATABASE_URL would point elsewhere.
    if (pg) env.DATABASE_URL = url;
    else delete env.DATABASE_URL;
    return env;
  };
  try {
    return await fn({ engine, database, dataDir, serverEnv });
  } finally {
    if (pg) await pgAdmin(`drop database if exists ${dbName} with (force)`);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
