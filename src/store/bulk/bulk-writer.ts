import type { Kysely } from 'kysely';
import type { Engine, Store } from '../database';
import type { DB } from '../schema';
import { patiently } from '../sqlite-driver';
import { BULK_TABLES, type BulkCounts, type BulkRows, zeroCounts } from './bulk-tables';
import { PostgresBulk } from './postgres-bulk';
import { SqliteBulk } from './sqlite-bulk';

export type { BulkCounts, BulkRow, BulkRows, BulkTable } from './bulk-tables';
export { BULK_COLUMNS, BULK_TABLES } from './bulk-tables';

/**
 * Fast inserts of large, id-carrying batches, the same on both engines: prepared multi-row
 * statements on SQLite, COPY on PostgreSQL. The writer owns one connection; `db` runs Kysely
 * statements on that same connection, so they share the writer's transaction.
 */
export interface BulkWriter {
  readonly engine: Engine;
  readonly db: Kysely<DB>;
  begin(): Promise<void>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
  /** Inserts rows as given (ids included), customers before the facts that reference them. */
  write(rows: BulkRows): Promise<BulkCounts>;
  /** After explicit ids: lets later inserts without an id continue after the largest one. */
  syncIdentity(): Promise<void>;
  /** Rolls back anything uncommitted and gives the connection back. */
  close(): Promise<void>;
}

function count(rows: BulkRows): BulkCounts {
  const counts = zeroCounts();
  for (const t of BULK_TABLES) counts[t] = rows[t]?.length ?? 0;
  return counts;
}

function sqliteWriter(store: Store): BulkWriter {
  if (!store.sqlite) throw new Error('SQLite store without a driver handle');
  const bulk = new SqliteBulk(store.sqlite);
  // Kysely on SQLite uses the very same handle, so its statements join the raw transaction.
  // That also means nothing else may write through this store while a load is running.
  return {
    engine: 'sqlite',
    db: store.db,
    begin: () => patiently(() => bulk.begin()),
    commit: async () => bulk.commit(),
    rollback: async () => bulk.rollback(),
    async write(rows) {
      for (const t of BULK_TABLES) {
        const r = rows[t];
        if (r?.length) bulk.insert(t, r);
      }
      return count(rows);
    },
    // SQLite's rowid tables continue after max(id) by themselves.
    syncIdentity: async () => {},
    close: async () => bulk.close(),
  };
}

async function postgresWriter(store: Store): Promise<BulkWriter> {
  if (!store.pool) throw new Error('PostgreSQL store without a pool');
  const bulk = await PostgresBulk.open(store.pool);
  let open = false;
  return {
    engine: 'postgres',
    db: bulk.db,
    async begin() {
      await bulk.query('begin');
      open = true;
    },
    async commit() {
      await bulk.query('commit');
      open = false;
    },
    async rollback() {
      if (open) await bulk.query('rollback');
      open = false;
    },
    async write(rows) {
      for (const t of BULK_TABLES) {
        const r = rows[t];
        if (r?.length) await bulk.insert(t, r);
      }
      return count(rows);
    },
    syncIdentity: () => bulk.syncIdentity(),
    close: () => bulk.close(open),
  };
}

/** Opens a bulk writer on the store's engine. Close it when done (it holds a connection). */
export async function openBulkWriter(store: Store): Promise<BulkWriter> {
  return store.engine === 'sqlite' ? sqliteWriter(store) : postgresWriter(store);
}

/** Writes one set of rows in its own transaction and fixes identity sequences afterwards. */
export async function bulkInsert(store: Store, rows: BulkRows): Promise<BulkCounts> {
  const writer = await openBulkWriter(store);
  try {
    await writer.begin();
    const counts = await writer.write(rows);
    await writer.syncIdentity();
    await writer.commit();
    return counts;
  } finally {
    await writer.close();
  }
}
