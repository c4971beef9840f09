import type { Database } from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  SelectQueryNode,
  SqliteDialect,
  type TransactionSettings,
} from 'kysely';
import { DomainError } from '../domain/errors';
import { cachingSqlite } from './statement-cache';

/**
 * How long an in-process writer waits for SQLite's write lock before giving up. An import or a
 * lifetime-value fit holds the lock on its own connection for its whole transaction (it is
 * all-or-nothing), so a note added to a ticket meanwhile waits for it: a minute covers imports
 * of a few hundred thousand rows on the reference machine.
 */
export const SQLITE_WRITE_WAIT_MS = 60_000;

const BUSY = /^SQLITE_BUSY/;

function isBusy(e: unknown): boolean {
  return BUSY.test(String((e as { code?: unknown }).code ?? ''));
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function busyError(waitedMs: number): DomainError {
  return new DomainError(
    'BUSY',
    `The database is busy with another write (an import or a fit) and stayed so for ${Math.round(waitedMs / 1000)} s; try again shortly`,
    { waitedMs },
  );
}

/**
 * Runs `attempt` until it does not fail with SQLITE_BUSY, waiting between tries without blocking
 * the event loop, and gives up after `waitMs` with DomainError('BUSY'). For statements that can
 * be retried as a whole: BEGIN IMMEDIATE, and writes outside a transaction.
 * @example await patiently(() => sqlite.exec('begin immediate'));
 */
export async function patiently<T>(
  attempt: () => T,
  waitMs = SQLITE_WRITE_WAIT_MS,
  between: () => Promise<void> = async () => {},
): Promise<T> {
  const start = Date.now();
  for (let delay = 1; ; delay = Math.min(delay * 2, 50)) {
    try {
      return attempt();
    } catch (e) {
      if (!isBusy(e)) throw e;
      const waited = Date.now() - start;
      if (waited >= waitMs) throw busyError(waited);
      await between();
      await sleep(delay);
    }
  }
}

/** Kysely's one-connection mutex, with the lock also released while a writer waits its turn. */
class Mutex {
  #held: Promise<void> | undefined;
  #release: (() => void) | undefined;

  async lock(): Promise<void> {
    while (this.#held) await this.#held;
    this.#held = new Promise((r) => {
      this.#release = r;
    });
  }

  unlock(): void {
    const release = this.#release;
    this.#held = undefined;
    this.#release = undefined;
    release?.();
  }
}

/**
 * The main connection's statements. better-sqlite3 waits for a lock synchronously: with a busy
 * timeout the whole process would stop, including the import holding the lock, which then
 * cannot finish. So the connection has no busy timeout, and a statement refused with
 * SQLITE_BUSY is retried after an asynchronous pause, with the connection handed to other
 * callers (readers carry on under WAL) in between. Only whole statements are retried: BEGIN
 * IMMEDIATE and writes outside a transaction. Inside a transaction the lock is already held.
 */
class PatientConnection implements DatabaseConnection {
  constructor(
    private readonly db: ReturnType<typeof cachingSqlite>,
    private readonly raw: Database,
    private readonly mutex: Mutex,
    private readonly waitMs: number,
  ) {}

  executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const run = (): QueryResult<R> => {
      const stmt = this.db.prepare(compiled.sql);
      if (stmt.reader) return { rows: stmt.all(compiled.parameters) as R[] };
      const { changes, lastInsertRowid } = stmt.run(compiled.parameters);
      return {
        numAffectedRows: changes != null ? BigInt(changes) : undefined,
        insertId: lastInsertRowid != null ? BigInt(lastInsertRowid) : undefined,
        rows: [],
      };
    };
    if (this.raw.inTransaction) return Promise.resolve(run());
    return this.patiently(run);
  }

  /** Retries `attempt` on SQLITE_BUSY, letting others use the connection while it waits. */
  patiently<T>(attempt: () => T): Promise<T> {
    return patiently(attempt, this.waitMs, async () => {
      this.mutex.unlock();
      await sleep(0);
      await this.mutex.lock();
    });
  }

  async *streamQuery<R>(compiled: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    if (!SelectQueryNode.is(compiled.query)) {
      throw new Error('SQLite streams only select queries');
    }
    const stmt = this.db.prepare(compiled.sql);
    for (const row of stmt.iterate(compiled.parameters)) yield { rows: [row as R] };
  }
}

/**
 * Kysely's SQLite driver with two changes: transactions begin IMMEDIATE (they take the write
 * lock up front, so a transaction never fails halfway because another writer got in after it
 * had read), and waiting for the lock is asynchronous (see PatientConnection).
 */
class PatientSqliteDriver implements Driver {
  readonly #mutex = new Mutex();
  readonly #raw: Database;
  readonly #conn: PatientConnection;

  constructor(raw: Database, waitMs: number) {
    this.#raw = raw;
    this.#conn = new PatientConnection(cachingSqlite(raw), raw, this.#mutex, waitMs);
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    await this.#mutex.lock();
    return this.#conn;
  }

  async beginTransaction(_c: DatabaseConnection, _s: TransactionSettings): Promise<void> {
    await this.#conn.patiently(() => this.#raw.exec('begin immediate'));
  }

  async commitTransaction(c: DatabaseConnection): Promise<void> {
    await c.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(c: DatabaseConnection): Promise<void> {
    await c.executeQuery(CompiledQuery.raw('rollback'));
  }

  async savepoint(c: DatabaseConnection, name: string): Promise<void> {
    await c.executeQuery(CompiledQuery.raw(`savepoint ${quoteName(name)}`));
  }

  async rollbackToSavepoint(c: DatabaseConnection, name: string): Promise<void> {
    await c.executeQuery(CompiledQuery.raw(`rollback to ${quoteName(name)}`));
  }

  async releaseSavepoint(c: DatabaseConnection, name: string): Promise<void> {
    await c.executeQuery(CompiledQuery.raw(`release ${quoteName(name)}`));
  }

  async releaseConnection(): Promise<void> {
    this.#mutex.unlock();
  }

  async destroy(): Promise<void> {
    this.#raw.close();
  }
}

function quoteName(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * SQLite dialect over an open better-sqlite3 handle, with prepared statements cached and
 * in-process writers waiting for each other asynchronously.
 * @example new Kysely<DB>({ dialect: new PatientSqliteDialect(sqlite) })
 */
export class PatientSqliteDialect extends SqliteDialect {
  readonly #raw: Database;
  readonly #waitMs: number;

  constructor(raw: Database, waitMs = SQLITE_WRITE_WAIT_MS) {
    super({ database: raw });
    this.#raw = raw;
    this.#waitMs = waitMs;
  }

  override createDriver(): Driver {
    return new PatientSqliteDriver(this.#raw, this.#waitMs);
  }
}
