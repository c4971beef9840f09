import { type Kysely, sql } from 'kysely';
import type { Store } from '../../src/store/database';

/** Every table of the store as sorted JSON rows: two dumps are equal when the data is equal. */
export type TableDump = Record<string, string[]>;

/** Names of the store's tables (the test schema's on PostgreSQL). */
export async function tableNames(store: Store): Promise<string[]> {
  const db = store.db as unknown as Kysely<unknown>;
  const rows =
    store.engine === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master
          where type = 'table' and name not like 'sqlite_%' order by name`.execute(db)
      : await sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = ${store.schema ?? 'public'} and table_type = 'BASE TABLE'
          order by table_name`.execute(db);
  return rows.rows.map((r) => r.name);
}

/**
 * Reads every row of every table. Rows are sorted as JSON text in JavaScript rather than by
 * SQL, so both engines order them the same way whatever their collations.
 */
export async function dumpTables(store: Store): Promise<TableDump> {
  const db = store.db as unknown as Kysely<unknown>;
  const out: TableDump = {};
  for (const t of await tableNames(store)) {
    const r = await sql<Record<string, unknown>>`select * from ${sql.table(t)}`.execute(db);
    out[t] = r.rows.map((row) => JSON.stringify(row)).sort();
  }
  return out;
}

/** Tables whose rows differ between two dumps (added or removed tables included). */
export function changedTables(a: TableDump, b: TableDump): string[] {
  const names = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...names]
    .filter((t) => JSON.stringify(a[t] ?? null) !== JSON.stringify(b[t] ?? null))
    .sort();
}
