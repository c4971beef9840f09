import type SqliteDatabase from 'better-sqlite3';
import { BULK_COLUMNS, type BulkTable, columnValue } from './bulk-tables';

/** Rows per multi-row INSERT: fewer calls into SQLite, far below its 32,766-parameter limit. */
const ROWS_PER_STATEMENT = 100;
/** Page cache while loading (KiB, negative per SQLite's convention): index inserts stay in memory. */
const LOAD_CACHE_KIB = 262_144;

/**
 * Inserts through better-sqlite3 with prepared multi-row statements. Transactions are the
 * caller's (begin/commit below), so many batches can share one.
 */
export class SqliteBulk {
  private readonly statements = new Map<string, SqliteDatabase.Statement>();
  private readonly previousCacheSize: unknown;

  constructor(private readonly sqlite: SqliteDatabase.Database) {
    this.previousCacheSize = sqlite.pragma('cache_size', { simple: true });
    sqlite.pragma(`cache_size = -${LOAD_CACHE_KIB}`);
  }

  /** True while a transaction this writer began is open (never roll back someone else's). */
  private open = false;

  begin(): void {
    // IMMEDIATE takes the write lock now rather than failing half-way on a busy database.
    this.sqlite.exec('BEGIN IMMEDIATE');
    this.open = true;
  }

  commit(): void {
    this.sqlite.exec('COMMIT');
    this.open = false;
  }

  rollback(): void {
    // A failed statement may already have ended the transaction inside SQLite.
    if (this.open && this.sqlite.inTransaction) this.sqlite.exec('ROLLBACK');
    this.open = false;
  }

  close(): void {
    this.rollback();
    this.sqlite.pragma(`cache_size = ${Number(this.previousCacheSize)}`);
  }

  private statement(table: BulkTable, rows: number): SqliteDatabase.Statement {
    const key = `${table}/${rows}`;
    let stmt = this.statements.get(key);
    if (!stmt) {
      const columns = BULK_COLUMNS[table];
      const tuple = `(${columns.map(() => '?').join(', ')})`;
      stmt = this.sqlite.prepare(
        `insert into ${table} (${columns.join(', ')}) values ${Array(rows).fill(tuple).join(', ')}`,
      );
      this.statements.set(key, stmt);
    }
    return stmt;
  }

  insert(table: BulkTable, rows: readonly object[]): void {
    const columns: readonly string[] = BULK_COLUMNS[table];
    const width = columns.length;
    const full = this.statement(table, ROWS_PER_STATEMENT);
    const params: unknown[] = new Array(ROWS_PER_STATEMENT * width);
    let i = 0;
    for (; i + ROWS_PER_STATEMENT <= rows.length; i += ROWS_PER_STATEMENT) {
      let k = 0;
      for (let r = i; r < i + ROWS_PER_STATEMENT; r++) {
        const row = rows[r] as object;
        for (let c = 0; c < width; c++) params[k++] = columnValue(row, columns[c] as string);
      }
      full.run(params);
    }
    const single = this.statement(table, 1);
    const one: unknown[] = new Array(width);
    for (; i < rows.length; i++) {
      for (let c = 0; c < width; c++) one[c] = columnValue(rows[i] as object, columns[c] as string);
      single.run(one);
    }
  }
}
