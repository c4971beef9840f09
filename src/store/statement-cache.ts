import type { Database, Statement } from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/**
 * Hands Kysely's SQLite driver prepared statements from a cache instead of preparing the same SQL
 * on every query: preparing was a fifth of the CPU of a short read such as the front-line card.
 * Kysely runs one query at a time on the connection and only calls `all`, `run` and `iterate`,
 * so sharing a statement between calls is safe. The cache is bounded (least recently used out)
 * because bulk inserts produce many distinct statements that are not worth keeping.
 */
export function cachingSqlite(sqlite: Database, max = 500): SqliteDatabase {
  const cache = new Map<string, Statement>();
  return {
    close: () => {
      cache.clear();
      sqlite.close();
    },
    prepare: (sql: string) => {
      let stmt = cache.get(sql);
      if (stmt) {
        // Re-inserting moves the entry to the newest end of the Map's order.
        cache.delete(sql);
      } else {
        stmt = sqlite.prepare(sql);
        if (cache.size >= max) {
          const oldest = cache.keys().next().value;
          if (oldest !== undefined) cache.delete(oldest);
        }
      }
      cache.set(sql, stmt);
      return stmt;
    },
  };
}
