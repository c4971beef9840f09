import { type Kysely, PostgresAdapter, type SelectQueryBuilder, sql } from 'kysely';
import { likeContains } from '../errors';
import type { AuditLogTable, DB } from '../schema';
import { type ChainedFields, chainHash, GENESIS_HASH } from './chain';

/**
 * First key of the advisory lock that serialises appends to the chain on PostgreSQL; the second
 * is the schema's name hashed, so each schema (one per test file, or per tenant) has its own chain.
 */
const CHAIN_LOCK = 0x7464_0a1d;

function isPg(db: Kysely<DB>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * Appends an entry at the head of the chain. Inside the caller's transaction the lock is held
 * until that transaction ends, so two transactions can never chain onto the same predecessor
 * and the chain order is the commit order.
 */
async function appendLocked(db: Kysely<DB>, e: Omit<ChainedFields, 'seq'>): Promise<void> {
  if (isPg(db)) {
    await sql`select pg_advisory_xact_lock(${CHAIN_LOCK}, hashtext(current_schema()))`.execute(db);
  }
  const head = await db
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .where('seq', 'is not', null)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const seq = Number(head?.seq ?? 0) + 1;
  const prevHash = head?.hash ?? GENESIS_HASH;
  await db
    .insertInto('audit_log')
    .values({ ...e, seq, prev_hash: prevHash, hash: chainHash({ ...e, seq }, prevHash) })
    .execute();
}

/**
 * Appends an audit entry to the hash chain. Callers normally pass their transaction; a handle
 * outside any transaction still appends atomically: one connection is pinned and the read of
 * the head and the insert run in a transaction of their own (both engines), or, on a handle
 * already inside a transaction block (a write session), inside it (a savepoint on SQLite). On PostgreSQL a handle bound to a
 * write session's client is already inside a transaction block; `now()` (the transaction's
 * start) then differs from `statement_timestamp()`, which tells the two cases apart.
 */
export async function appendAuditEntry(
  db: Kysely<DB>,
  e: Omit<ChainedFields, 'seq'>,
): Promise<void> {
  if (db.isTransaction) return appendLocked(db, e);
  await db.connection().execute(async (conn) => {
    if (isPg(conn)) {
      const { rows } = await sql<{
        standalone: boolean;
      }>`select now() = statement_timestamp() as standalone`.execute(conn);
      if (rows[0]?.standalone) {
        await conn.transaction().execute((trx) => appendLocked(trx, e));
      } else {
        await appendLocked(conn, e);
      }
      return;
    }
    // SQLite: the main connection takes the write lock before reading the head (BEGIN
    // IMMEDIATE, waited for asynchronously by the store's driver), so a write session that
    // commits meanwhile cannot leave this append on a stale snapshot. A write session's own
    // handle is already inside its transaction: there BEGIN is refused and a savepoint nests.
    const own = await sql`begin immediate`.execute(conn).then(
      () => true,
      (err: unknown) => {
        if (/within a transaction/i.test(String((err as Error).message))) return false;
        throw err;
      },
    );
    const [keep, undo] = own
      ? [sql`commit`, sql`rollback`]
      : [sql`release audit_append`, sql`rollback to audit_append`];
    if (!own) await sql`savepoint audit_append`.execute(conn);
    try {
      await appendLocked(conn, e);
      await keep.execute(conn);
    } catch (err) {
      await undo.execute(conn);
      if (!own) await keep.execute(conn);
      throw err;
    }
  });
}

/** Filters of the audit viewer and export. */
export interface AuditFilter {
  /** Inclusive lower bound (ISO instant). */
  from?: string;
  /** Exclusive upper bound (ISO instant). */
  to?: string;
  actor?: string;
  /** Matches actions starting with this text ("customer." finds every customer action). */
  action?: string;
  entity?: string;
  entityId?: string;
  /** Free text looked for in actor, action, entity, entity id, request id, before and after. */
  q?: string;
}

function filtered<O>(
  qb: SelectQueryBuilder<DB, 'audit_log', O>,
  f: AuditFilter,
): SelectQueryBuilder<DB, 'audit_log', O> {
  let q = qb;
  if (f.from) q = q.where('at', '>=', f.from);
  if (f.to) q = q.where('at', '<', f.to);
  if (f.actor) q = q.where('actor_name', '=', f.actor);
  if (f.action) {
    const prefix = f.action;
    q = q.where(sql<boolean>`substr(action, 1, ${prefix.length}) = ${prefix}`);
  }
  if (f.entity) q = q.where('entity', '=', f.entity);
  if (f.entityId) q = q.where('entity_id', '=', f.entityId);
  if (f.q) {
    const pattern = likeContains(f.q.toLowerCase());
    q = q.where((eb) =>
      eb.or(
        (
          ['actor_name', 'action', 'entity', 'entity_id', 'request_id', 'before', 'after'] as const
        ).map((c) => sql<boolean>`lower(${sql.ref(c)}) like ${pattern} escape '\\'`),
      ),
    );
  }
  return q;
}

export type AuditRow = AuditLogTable & { id: number };

/** One page of entries matching the filter, newest first, and the total count. */
export async function listAuditEntries(
  db: Kysely<DB>,
  f: AuditFilter,
  page: number,
  pageSize: number,
): Promise<{ rows: AuditRow[]; total: number }> {
  const rows = await filtered(db.selectFrom('audit_log').selectAll(), f)
    .orderBy('id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const count = await filtered(
    db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')),
    f,
  ).executeTakeFirstOrThrow();
  return { rows: rows as AuditRow[], total: Number(count.n) };
}

/** Every entry matching the filter, newest first, read in batches (for exports of any size). */
export async function* iterateAuditEntries(
  db: Kysely<DB>,
  f: AuditFilter,
  batch = 1000,
): AsyncGenerator<AuditRow> {
  let before: number | undefined;
  for (;;) {
    let q = filtered(db.selectFrom('audit_log').selectAll(), f);
    if (before !== undefined) q = q.where('id', '<', before);
    const rows = (await q.orderBy('id', 'desc').limit(batch).execute()) as AuditRow[];
    for (const r of rows) yield r;
    if (rows.length < batch) return;
    before = rows[rows.length - 1]!.id;
  }
}

/** Chained entries after `afterSeq`, in chain order: the unit of work of verification. */
export async function chainBatch(
  db: Kysely<DB>,
  afterSeq: number,
  limit: number,
): Promise<AuditRow[]> {
  const rows = await db
    .selectFrom('audit_log')
    .selectAll()
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows as AuditRow[];
}

/** Entries outside the chain (no seq): only a write that bypassed the application makes them. */
export async function unchainedEntries(
  db: Kysely<DB>,
): Promise<{ count: number; firstId: number | null }> {
  const r = await db
    .selectFrom('audit_log')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('id').as('first')])
    .where('seq', 'is', null)
    .executeTakeFirstOrThrow();
  return { count: Number(r.n), firstId: r.first == null ? null : Number(r.first) };
}

/** The entry at one place of the chain, or undefined. */
export async function entryAtSeq(db: Kysely<DB>, seq: number): Promise<AuditRow | undefined> {
  const r = await db.selectFrom('audit_log').selectAll().where('seq', '=', seq).executeTakeFirst();
  return r as AuditRow | undefined;
}
