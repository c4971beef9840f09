import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { openDeps } from '../../src/app/bootstrap';
import type { Deps } from '../../src/app/deps';
import type { Config } from '../../src/config';
import type { Engine } from '../../src/store/database';
import { testConfig } from './config';
import { databaseUrl, TEMPLATE_SCHEMA, withDatabase } from './pg-admin';

export const ENGINES: Engine[] = ['sqlite', 'postgres'];

/**
 * Opens and migrates a test schema. Kysely's migrator first lists the tables of every schema
 * in the database; when another test worker drops its schema during that catalog scan,
 * PostgreSQL reports that other schema as missing. Nothing has been applied at that point, so
 * the migration is simply tried again. Only tests create and drop schemas concurrently.
 */
async function openMigrated(config: Config, schema: string): Promise<Deps> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await openDeps(config);
    } catch (e) {
      const other = /schema "(t_[0-9a-f]+)" does not exist/.exec((e as Error).message)?.[1];
      if (attempt >= 5 || !other || other === schema) throw e;
    }
  }
}

/**
 * A fresh SQLite file: a copy of the run's migrated template (see global-setup.ts), or, when
 * there is none (a config without the global setup), a file migrated here.
 */
export function freshSqliteFile(file: string): void {
  const template = inject('sqliteTemplate');
  if (template) copyFileSync(template, file);
}

/**
 * A fresh PostgreSQL database for one test file: created from the run's migrated template, so
 * only the seeding of roles runs here, or an empty schema of the shared database when there is
 * no template. Returns the database config and how to drop it.
 */
async function freshPgDatabase(): Promise<{
  database: { engine: 'postgres'; url: string; schema: string };
  drop: () => Promise<void>;
}> {
  const url = inject('pgUrl');
  const template = inject('pgTemplate');
  const name = `t_${randomBytes(6).toString('hex')}`;
  if (template) {
    await withDatabase(url, (c) => c.query(`create database ${name} template ${template}`));
    return {
      database: { engine: 'postgres', url: databaseUrl(url, name), schema: TEMPLATE_SCHEMA },
      drop: () =>
        withDatabase(url, (c) => c.query(`drop database if exists ${name} with (force)`)).then(
          () => undefined,
        ),
    };
  }
  await withDatabase(url, (c) => c.query(`create schema ${name}`));
  return {
    database: { engine: 'postgres', url, schema: name },
    drop: () =>
      withDatabase(url, (c) => c.query(`drop schema if exists ${name} cascade`)).then(
        () => undefined,
      ),
  };
}

/** A fresh, migrated database on one engine: a temp SQLite file or a new PostgreSQL database. */
export async function freshDeps(
  engine: Engine,
  over: Partial<Config> = {},
): Promise<{
  deps: Deps;
  dispose: () => Promise<void>;
}> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'tierdesk-'));
    const file = join(dir, 'test.db');
    freshSqliteFile(file);
    const deps = await openDeps(testConfig({ engine: 'sqlite', file }, { dataDir: dir, ...over }));
    return {
      deps,
      dispose: async () => {
        await deps.store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const { database, drop } = await freshPgDatabase();
  let deps: Deps;
  try {
    deps = await openMigrated(testConfig(database, over), database.schema);
  } catch (e) {
    await drop();
    throw e;
  }
  return {
    deps,
    dispose: async () => {
      await deps.store.close();
      await drop();
    },
  };
}

/**
 * Runs a suite once per engine, each with its own migrated database. The PostgreSQL run is
 * skipped only off CI when the server is down (global setup fails the run on CI instead).
 */
export function describeEachEngine(
  name: string,
  body: (ctx: { engine: Engine; deps: () => Deps }) => void,
  over: Partial<Config> = {},
): void {
  for (const engine of ENGINES) {
    const skip = engine === 'postgres' && !inject('pgAvailable');
    (skip ? describe.skip : describe)(`${name} [${engine}]`, () => {
      let current: { deps: Deps; dispose: () => Promise<void> } | undefined;
      beforeAll(async () => {
        current = await freshDeps(engine, over);
      });
      afterAll(async () => {
        await current?.dispose();
      });
      body({
        engine,
        deps: () => {
          if (!current) throw new Error('database not ready');
          return current.deps;
        },
      });
    });
  }
}
