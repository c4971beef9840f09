import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDeps } from '../../src/app/bootstrap';
import { buildCliBundle } from './cli-bundle';
import { testConfig } from './config';
import { databaseUrl, TEMPLATE_SCHEMA, withDatabase } from './pg-admin';

export const PG_URL = process.env.TIERDESK_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAvailable: boolean;
    pgUrl: string;
    /** A migrated PostgreSQL database that test databases are created from ('' when none). */
    pgTemplate: string;
    /** A migrated SQLite file that test databases are copied from ('' when none). */
    sqliteTemplate: string;
    /** The CLI bundled into one file for spawning (see cli-bundle.ts). */
    cliBundle: string;
  }
}

/**
 * Builds the SQLite template: the real migrations run once on a file, which every test then
 * copies (a copy costs milliseconds, the migrations a few hundred).
 */
async function buildSqliteTemplate(): Promise<{ file: string; dispose: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'tierdesk-template-'));
  const file = join(dir, 'template.db');
  const deps = await openDeps(testConfig({ engine: 'sqlite', file }, { dataDir: dir }));
  // Closing the last connection checkpoints the WAL into the file, so the file alone is whole.
  await deps.store.close();
  return { file, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Builds the PostgreSQL template: a database of this run, migrated once by the real migrations;
 * each test file gets `CREATE DATABASE … TEMPLATE` of it (a fraction of a second) instead of
 * running every migration on a new schema (seconds). The name is unique to the run, so runs
 * started by different people at once never share or drop each other's template.
 */
async function buildPgTemplate(): Promise<{ name: string; dispose: () => Promise<void> }> {
  const name = `tierdesk_tpl_${randomBytes(5).toString('hex')}`;
  await withDatabase(PG_URL, (c) => c.query(`create database ${name}`));
  try {
    const deps = await openDeps(
      testConfig({ engine: 'postgres', url: databaseUrl(PG_URL, name), schema: TEMPLATE_SCHEMA }),
    );
    await deps.store.close();
  } catch (e) {
    await withDatabase(PG_URL, (c) => c.query(`drop database if exists ${name} with (force)`));
    throw e;
  }
  return {
    name,
    dispose: () =>
      withDatabase(PG_URL, (c) => c.query(`drop database if exists ${name} with (force)`)).then(
        () => undefined,
      ),
  };
}

/**
 * Probes PostgreSQL once for the whole run and migrates the templates test databases are made
 * from. On CI (CI=true) an unreachable server fails the run with a clear message; elsewhere the
 * PostgreSQL half of the store tests is skipped with a note. A migration that fails stops the
 * run here, with its name, instead of in every test file.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  let available = false;
  try {
    await client.connect();
    await client.query('select 1');
    available = true;
  } catch (e) {
    const msg = `PostgreSQL is not reachable at ${PG_URL}: ${(e as Error).message}`;
    if (process.env.CI === 'true') {
      throw new Error(`${msg}\nCI=true: the PostgreSQL store tests must run, so the run fails.`);
    }
    console.warn(`${msg}\nSkipping the PostgreSQL half of the store tests (not on CI).`);
  } finally {
    await client.end().catch(() => {});
  }
  const [sqliteBuilt, postgresBuilt, cliBuilt] = await Promise.allSettled([
    buildSqliteTemplate(),
    available ? buildPgTemplate() : undefined,
    buildCliBundle(),
  ]);
  if (
    sqliteBuilt.status === 'rejected' ||
    postgresBuilt.status === 'rejected' ||
    cliBuilt.status === 'rejected'
  ) {
    if (sqliteBuilt.status === 'fulfilled') sqliteBuilt.value.dispose();
    if (postgresBuilt.status === 'fulfilled') await postgresBuilt.value?.dispose();
    if (cliBuilt.status === 'fulfilled') cliBuilt.value.dispose();
    throw [sqliteBuilt, postgresBuilt, cliBuilt].find((r) => r.status === 'rejected')?.reason;
  }
  const sqlite = sqliteBuilt.value;
  const postgres = postgresBuilt.value;
  const cli = cliBuilt.value;
  project.provide('pgAvailable', available);
  project.provide('pgUrl', PG_URL);
  project.provide('pgTemplate', postgres?.name ?? '');
  project.provide('sqliteTemplate', sqlite.file);
  project.provide('cliBundle', cli.file);
  return async () => {
    cli.dispose();
    sqlite.dispose();
    await postgres?.dispose();
  };
}
