import type { WriteSession } from '../write-session';

/** Customers read per query on PostgreSQL (keyset pages keep each result small). */
const PAGE = 100_000;

/**
 * Every customer code with the id its facts belong to (a merged-away code leads to the
 * survivor), read inside the session's transaction. Reads rows as plain arrays straight from the
 * driver: at a million customers, going through the query builder's row objects took seconds.
 */
export async function loadCustomerCodes(session: WriteSession): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  if (session.sqlite) {
    const rows = session.sqlite
      .prepare('select code, coalesce(merged_into_id, id) from customers')
      .raw()
      .iterate() as IterableIterator<[string, number]>;
    for (const [code, id] of rows) ids.set(code, id);
    return ids;
  }
  const client = session.client!;
  for (let after = 0; ; ) {
    const r = await client.query<[string, number, number]>({
      text: `select code, coalesce(merged_into_id, id), id from customers
             where id > $1 order by id limit ${PAGE}`,
      values: [after],
      rowMode: 'array',
    });
    for (const [code, id] of r.rows) ids.set(code, id);
    if (r.rows.length < PAGE) return ids;
    after = (r.rows[r.rows.length - 1] as [string, number, number])[2];
  }
}
