import { type Insertable, type Kysely, PostgresAdapter, sql, type Updateable } from 'kysely';
import type { CustomerFilter } from '../../domain/auth/customer-scope';
import { scopeCondition } from '../customer-scope';
import { likeContains } from '../errors';
import { instantText, instantTextOrNull } from '../row-values';
import type { DB, TicketsTable } from '../schema';

/** Filters of the ticket queue. `status` values are the state machine's; 'new' includes old 'open'. */
export interface TicketFilter {
  ids?: number[] | undefined;
  status?: string[] | undefined;
  assigneeId?: number | null | undefined;
  customerId?: number | undefined;
  /** A taxonomy code: matches the node and everything under it. */
  category?: string | undefined;
  level?: number | undefined;
  q?: string | undefined;
  /** A ticket id parsed from a reference typed into the search box. */
  idFromQuery?: number | undefined;
  /** The reader's row scope: only tickets of these customers. */
  rows?: CustomerFilter | undefined;
}

/** A ticket row as the app sees it, with the customer's code/name and the assignee's name. */
export interface TicketRow {
  id: number;
  customerId: number;
  customerCode: string;
  customerName: string;
  ownerId: number | null;
  subject: string;
  category: string;
  categoryPath: string;
  level: number;
  status: string;
  channel: string | null;
  source: string | null;
  verified: boolean;
  description: string | null;
  contactId: number | null;
  contactName: string | null;
  contactPhoneEnc: string | null;
  assigneeId: number | null;
  assigneeName: string | null;
  externalRef: string | null;
  openedAt: string;
  updatedAt: string;
  firstRepliedAt: string | null;
  resolvedAt: string | null;
  confirmedAt: string | null;
  closedAt: string | null;
  followedUpAt: string | null;
  reopenedCount: number;
  version: number;
}

function base(db: Kysely<DB>) {
  return db
    .selectFrom('tickets as t')
    .innerJoin('customers as c', 'c.id', 't.customer_id')
    .leftJoin('users as u', 'u.id', 't.assignee_id')
    .selectAll('t')
    .select(['c.code as customer_code', 'c.name as customer_name', 'c.owner_id', 'u.display_name']);
}

type BaseRow = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;
const num = (v: unknown) => (v == null ? null : Number(v));

function toRow(r: BaseRow): TicketRow {
  return {
    id: Number(r.id),
    customerId: Number(r.customer_id),
    customerCode: r.customer_code,
    customerName: r.customer_name,
    ownerId: num(r.owner_id),
    subject: r.subject,
    category: r.category,
    categoryPath: r.category_path ?? r.category,
    level: Number(r.level),
    status: r.status,
    channel: r.channel,
    source: r.source,
    verified: Number(r.verified) === 1,
    description: r.description,
    contactId: num(r.contact_id),
    contactName: r.contact_name,
    contactPhoneEnc: r.contact_phone_enc,
    assigneeId: num(r.assignee_id),
    assigneeName: r.display_name ?? null,
    externalRef: r.external_ref,
    openedAt: instantText(r.opened_at),
    updatedAt: instantText(r.updated_at ?? r.closed_at ?? r.opened_at),
    firstRepliedAt: instantTextOrNull(r.first_replied_at),
    resolvedAt: instantTextOrNull(r.resolved_at),
    confirmedAt: instantTextOrNull(r.confirmed_at),
    closedAt: instantTextOrNull(r.closed_at),
    followedUpAt: instantTextOrNull(r.followed_up_at),
    reopenedCount: Number(r.reopened_count ?? 0),
    version: Number(r.version ?? 1),
  };
}

function filtered(db: Kysely<DB>, f: TicketFilter) {
  let q = base(db);
  const inScope = f.rows ? scopeCondition(f.rows, 'c') : undefined;
  if (inScope) q = q.where(inScope);
  if (f.ids) q = q.where('t.id', 'in', f.ids.length ? f.ids : [-1]);
  if (f.status?.length) {
    // Rows written before the state machine say 'open' for 'new'.
    const st = f.status.includes('new') ? [...f.status, 'open'] : f.status;
    q = q.where('t.status', 'in', st);
  }
  if (f.assigneeId === null) q = q.where('t.assignee_id', 'is', null);
  else if (f.assigneeId !== undefined) q = q.where('t.assignee_id', '=', f.assigneeId);
  if (f.customerId !== undefined) q = q.where('t.customer_id', '=', f.customerId);
  if (f.level !== undefined) q = q.where('t.level', '=', f.level);
  if (f.category) {
    const code = f.category;
    q = q.where((eb) =>
      eb.or([
        eb('t.category_path', '=', code),
        eb('t.category_path', 'like', `${code}.%`),
        // Old rows without a path hold a bare top-level code.
        eb.and([eb('t.category_path', 'is', null), eb('t.category', '=', code)]),
      ]),
    );
  }
  if (f.q) {
    // Wildcards typed by the user match literally (a search for "%" is not "everything").
    const like = sql<string>`${likeContains(f.q.toLowerCase())} escape '\\'`;
    const byId = f.idFromQuery;
    q = q.where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['t.subject']), 'like', like),
        eb(eb.fn('lower', ['c.name']), 'like', like),
        eb(eb.fn('lower', ['c.code']), 'like', like),
        ...(byId !== undefined ? [eb('t.id', '=', byId)] : []),
      ]),
    );
  }
  return q;
}

/** One page of tickets, newest first, and how many match in all. */
export async function listTickets(
  db: Kysely<DB>,
  f: TicketFilter,
  page: number,
  pageSize: number,
): Promise<{ rows: TicketRow[]; total: number }> {
  const [rows, count] = await Promise.all([
    filtered(db, f)
      .orderBy('t.opened_at', 'desc')
      .orderBy('t.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    filtered(db, f)
      .clearSelect()
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map(toRow), total: Number(count.n) };
}

/** One ticket, or undefined. */
export async function findTicket(db: Kysely<DB>, id: number): Promise<TicketRow | undefined> {
  const r = await base(db).where('t.id', '=', id).executeTakeFirst();
  return r ? toRow(r) : undefined;
}

/**
 * Locks a ticket's row until the transaction ends, so a change that reads the ticket and then
 * writes it under its own version check (a note, an assignment without a version from the
 * client) waits for a concurrent change instead of failing against it. On PostgreSQL a row
 * lock; on SQLite nothing is needed, as write transactions there begin IMMEDIATE and run one
 * at a time.
 */
export async function lockTicket(db: Kysely<DB>, id: number): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await db.selectFrom('tickets').select('id').where('id', '=', id).forUpdate().execute();
}

/** The ticket an idempotency key already created, if any. */
export async function findByIdempotencyKey(db: Kysely<DB>, key: string): Promise<number | null> {
  const r = await db
    .selectFrom('tickets')
    .select('id')
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
  return r ? Number(r.id) : null;
}

/** Inserts a ticket and returns its id. */
export async function insertTicket(db: Kysely<DB>, row: Insertable<TicketsTable>): Promise<number> {
  const r = await db.insertInto('tickets').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

/**
 * Updates a ticket if it is still at `version` and bumps the version. Returns false when someone
 * else changed it first (the caller answers STALE_VERSION).
 */
export async function updateTicket(
  db: Kysely<DB>,
  id: number,
  version: number,
  patch: Updateable<TicketsTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('tickets')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
