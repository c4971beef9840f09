import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDeps } from '../../src/app/bootstrap';
import { systemCtx } from '../../src/app/context';
import { publishRun } from '../../src/app/review/publish.service';
import type { DatabaseConfig } from '../../src/config';
import { openStore, type Store } from '../../src/store/database';
import { testConfig } from '../support/config';
import { ENGINES } from '../support/engines';
import {
  type HttpSession,
  type ServerProcess,
  scratchPgDatabase,
  signInOverHttp,
  startServerProcess,
} from '../support/server-process';
import { currentTiers, customersCsv, runTiers, seedTwoRuns } from './crash-data';

/** Rows of the import that is killed: far more than it can read before the kill. */
const IMPORT_ROWS = 60_000;
/** Customers whose tiers the killed publication changes. */
const PUBLISH_CUSTOMERS = 12_000;

/**
 * Kills `tierdesk serve` with SIGKILL in the middle of a large import and in the middle of a
 * publication, restarts it, and checks the database holds all of the work or none of it.
 */
for (const engine of ENGINES) {
  const skip = engine === 'postgres' && !inject('pgAvailable');
  (skip ? describe.skip : describe)(`crash safety: SIGKILL mid-write [${engine}]`, () => {
    let dir: string;
    let database: DatabaseConfig;
    let env: Record<string, string>;
    let dropDatabase: (() => Promise<void>) | undefined;
    let reader: Store;
    let server: ServerProcess | undefined;
    let runId: number;
    let oldTiers: string[];
    let newTiers: string[];

    const count = async (table: 'customers' | 'tier_publications') =>
      Number(
        (await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(reader.db))
          .rows[0]?.n,
      );
    const restart = async () => {
      server = await startServerProcess(env);
      return signInOverHttp(server.baseUrl);
    };

    /**
     * Whether the server has a write transaction open: on SQLite another connection cannot
     * take the write lock; on PostgreSQL a server connection holds a row-write lock on `table`.
     */
    const writing = async (table: string): Promise<boolean> => {
      if (database.engine === 'sqlite') {
        const probe = new SqliteDatabase(database.file, { timeout: 0 });
        try {
          probe.exec('begin immediate');
          probe.exec('rollback');
          return false;
        } catch (e) {
          if ((e as { code?: string }).code === 'SQLITE_BUSY') return true;
          throw e;
        } finally {
          probe.close();
        }
      }
      const r = await sql<{ n: number }>`select count(*) as n from pg_locks l
        join pg_class c on c.oid = l.relation
        where c.relname = ${table} and l.mode = 'RowExclusiveLock'
          and l.pid <> pg_backend_pid()
          and l.database = (select oid from pg_database where datname = current_database())`.execute(
        reader.db,
      );
      return Number(r.rows[0]?.n) > 0;
    };

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'tierdesk-crash-'));
      if (engine === 'sqlite') {
        const file = join(dir, 'tierdesk.db');
        database = { engine: 'sqlite', file };
        env = { DATABASE_URL: `file:${file}`, TIERDESK_DATA_DIR: dir };
      } else {
        const scratch = await scratchPgDatabase(inject('pgUrl'));
        dropDatabase = scratch.drop;
        database = { engine: 'postgres', url: scratch.url };
        env = { DATABASE_URL: scratch.url, TIERDESK_DATA_DIR: dir };
      }
      const deps = await openDeps(testConfig(database, { dataDir: dir }));
      try {
        ({ runId } = await seedTwoRuns(deps, PUBLISH_CUSTOMERS));
        oldTiers = await currentTiers(deps);
        newTiers = await runTiers(deps, runId);
      } finally {
        await deps.store.close();
      }
      expect(oldTiers).toHaveLength(PUBLISH_CUSTOMERS);
      expect(newTiers).toHaveLength(PUBLISH_CUSTOMERS);
      expect(newTiers).not.toEqual(oldTiers);
      reader = openStore(database);
    }, 120_000);

    afterAll(async () => {
      await server?.stop();
      await reader?.close();
      await dropDatabase?.();
      rmSync(dir, { recursive: true, force: true });
    });

    it('an import killed half-way leaves none of its rows; the restarted server marks it interrupted', async () => {
      let http: HttpSession = await restart();
      const before = await count('customers');
      const up = await http.json<{ uploadId: string }>('/api/imports/uploads?fileName=crash.csv', {
        method: 'POST',
        raw: customersCsv(IMPORT_ROWS, 'IMP'),
      });
      expect(up.status).toBe(201);
      const mapping = {
        target: 'customers',
        columns: [
          { header: '客户编码', field: 'code' },
          { header: '客户名称', field: 'name' },
          { header: '客户类型', field: 'type' },
          { header: '省份', field: 'province' },
          { header: '城市', field: 'city' },
        ],
      };
      const started = await http.json<{ id: string }>('/api/imports/jobs', {
        method: 'POST',
        body: {
          uploadId: up.body.uploadId,
          fileName: 'crash.csv',
          target: 'customers',
          mapping,
          mode: 'all_or_nothing',
        },
      });
      expect(started.status).toBe(202);
      // "In the middle": the job is running and its transaction holds written rows
      // (PostgreSQL: a row-write lock on customers held by the server) or the database's write
      // lock (SQLite: taken when the import's transaction begins; we then let it write for a
      // moment longer). Polling the job during the import would wait on the busy server.
      const jobState = async () => {
        const job = await http.json<{ status: string; rowsRead: number }>(
          `/api/imports/jobs/${started.body.id}`,
        );
        expect(job.status).toBe(200);
        if (job.body.status !== 'running')
          throw new Error(`the import ended before it could be killed: ${job.body.status}`);
      };
      while (!(await writing('customers'))) {
        await jobState();
        await new Promise((r) => setTimeout(r, 20));
      }
      if (engine === 'sqlite') await new Promise((r) => setTimeout(r, 500));
      await server?.kill();

      // The kill came before the end: the run is still recorded as running. And none of its
      // rows are there: the import's transaction never committed.
      const left = await reader.db
        .selectFrom('import_runs')
        .select(['id', 'status'])
        .where('status', '=', 'running')
        .execute();
      expect(left).toHaveLength(1);
      expect(await count('customers')).toBe(before);
      if (engine === 'sqlite') {
        const check = new SqliteDatabase((database as { file: string }).file, { readonly: true });
        expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
        check.close();
      }

      http = await restart();
      expect(await count('customers')).toBe(before);
      const runs = await http.json<{ items: { id: number; status: string; message: string }[] }>(
        '/api/imports/runs',
      );
      const run = runs.body.items.find((r) => r.id === left[0]?.id);
      expect(run?.status).toBe('interrupted');
      expect(runs.body.items.filter((r) => r.status === 'running')).toEqual([]);
    }, 120_000);

    it('a publication killed half-way leaves every customer on the old tiers or every one on the new', async () => {
      const http = server ? await signInOverHttp(server.baseUrl) : await restart();
      const live = server as ServerProcess;
      let answered: number | undefined;
      const pending = http
        .fetch(`/api/tiering/runs/${runId}/publish`, { method: 'POST', body: {} })
        .then((r) => {
          answered = r.status;
        })
        .catch(() => {});
      // "In the middle": the publication's transaction holds written rows (see writing()).
      while (!(await writing('customer_tiers'))) {
        if (answered !== undefined)
          throw new Error(`the publication ended (${answered}) before it could be killed`);
        await new Promise((r) => setTimeout(r, 5));
      }
      await live.kill();
      await pending;
      expect(answered).toBeUndefined();

      // All old or all new, and the publication record agrees with the tiers.
      const after = await currentTiers({ store: reader });
      const published = await count('tier_publications');
      if (published === 1) expect(after).toEqual(oldTiers);
      else {
        expect(published).toBe(2);
        expect(after).toEqual(newTiers);
      }
      const history = await reader.db
        .selectFrom('tier_history')
        .select('id')
        .where('run_id', '=', runId)
        .execute();
      expect(history.length > 0).toBe(published === 2);

      // Opened again (the start-up path of a restarted server, in this process to save a
      // server start), the database is in the same state, and publishing again completes it.
      const deps = await openDeps(testConfig(database, { dataDir: dir }));
      try {
        expect(await currentTiers(deps)).toEqual(after);
        const again = await publishRun(deps, systemCtx('crash-test'), runId);
        expect(again.alreadyPublished).toBe(published === 2);
        expect(await currentTiers(deps)).toEqual(newTiers);
        expect(await count('tier_publications')).toBe(2);
      } finally {
        await deps.store.close();
      }
    }, 120_000);
  });
}
