import pg from 'pg';
import type { TestProject } from 'vitest/node';

export const PG_URL = process.env.TIERDESK_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAvailable: boolean;
    pgUrl: string;
  }
}

/**
 * Probes PostgreSQL once for the whole run. On CI (CI=true) an unreachable server fails the run
 * with a clear message; elsewhere the PostgreSQL half of the store tests is skipped with a note.
 */
export default async function setup(project: TestProject): Promise<void> {
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
  project.provide('pgAvailable', available);
  project.provide('pgUrl', PG_URL);
}
