import pg from 'pg';

/** The schema the test databases' tables live in (set through search_path, as in production). */
export const TEMPLATE_SCHEMA = 'tierdesk';

/** Runs `fn` on a short-lived connection to `url` (database-level statements: create, drop). */
export async function withDatabase<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** `url` pointing at another database on the same server. */
export function databaseUrl(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
