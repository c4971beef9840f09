import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { openDeps } from '../../src/app/bootstrap';
import type { Deps } from '../../src/app/deps';
import type { Config } from '../../src/config';
import type { Engine } from '../../src/store/database';
import { testConfig } from './config';

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

/** A fresh, migrated database on one engine: a temp SQLite file or a new PostgreSQL schema. */
export async function freshDeps(
  engine: Engine,
  over: Partial<Config> = {},
): Promise<{
  deps: Deps;
  dispose: () => Promise<void>;
}> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'tierdesk-'));
    const deps = await openDeps(
      testConfig({ engine: 'sqlite', file: join(dir, 'test.db') }, { dataDir: dir, ...over }),
    );
    return {
      deps,
      dispose: async () => {
        await deps.store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const url = inject('pgUrl');
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const deps = await openMigrated(testConfig({ engine: 'postgres', url, schema }, over), schema);
  return {
    deps,
    dispose: async () => {
      await deps.store.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop schema if exists ${schema} cascade`);
      await c.end();
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
