import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import { instantText, instantTextOrNull } from '../row-values';
import type { DB } from '../schema';
import type { TicketSlasTable } from './ticket-sla.tables';

/** Ticket statuses whose clocks still run (the queue's "open"). */
export const OPEN_STATUSES = ['new', 'open', 'assigned', 'replied', 'in_progress'];

/** A ticket's clock row as the app reads it. */
export interface ClockRow {
  ticketId: number;
  policyVersion: number | null;
  policyKey: string | null;
  tier: string | null;
  calendarKey: string | null;
  firstReplyDueAt: string | null;
  responseDueAt: string | null;
  resolutionDueAt: string | null;
  warnAt: string | null;
  firstReplyMet: number | null;
  resolutionMet: number | null;
  breached: number;
  escalationLevel: number;
  pausedSince: string | null;
  pausedMs: number;
  recomputedAt: string;
  reason: string;
  version: number;
}

function toClock(r: Record<string, unknown>): ClockRow {
  const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    ticketId: Number(r.ticket_id),
    policyVersion: n(r.policy_version),
    policyKey: (r.policy_key as string | null) ?? null,
    tier: (r.tier as string | null) ?? null,
    calendarKey: (r.calendar_key as string | null) ?? null,
    firstReplyDueAt: instantTextOrNull(r.first_reply_due_at),
    responseDueAt: instantTextOrNull(r.response_due_at),
    resolutionDueAt: instantTextOrNull(r.resolution_due_at),
    warnAt: instantTextOrNull(r.warn_at),
    firstReplyMet: n(r.first_reply_met),
    resolutionMet: n(r.resolution_met),
    breached: Number(r.breached),
    escalationLevel: Number(r.escalation_level),
    pausedSince: instantTextOrNull(r.paused_since),
    pausedMs: Number(r.paused_ms),
    recomputedAt: instantText(r.recomputed_at),
    reason: String(r.reason),
    version: Number(r.version),
  };
}

/** The clock row of a ticket, or undefined before it was computed. */
export async function findClock(db: Kysely<DB>, ticketId: number): Promise<ClockRow | undefined> {
  const r = await db
    .selectFrom('ticket_slas')
    .selectAll()
    .where('ticket_id', '=', ticketId)
    .executeTakeFirst();
  return r ? toClock(r) : undefined;
}

/** Inserts the first clock row of a ticket. */
export async function insertClock(db: Kysely<DB>, row: Insertable<TicketSlasTable>) {
  await db.insertInto('ticket_slas').values(row).execute();
}

/** Updates a ticket's clock row and bumps its version. */
export async function updateClock(
  db: Kysely<DB>,
  ticketId: number,
  patch: Updateable<TicketSlasTable>,
): Promise<void> {
  await db
    .updateTable('ticket_slas')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
    .where('ticket_id', '=', ticketId)
    .execute();
}

/** Appends to a ticket's clock log. */
export async function insertClockEvent(
  db: Kysely<DB>,
  e: { ticketId: number; kind: string; detail: unknown; at: string },
): Promise<void> {
  await db
    .insertInto('ticket_sla_events')
    .values({ ticket_id: e.ticketId, kind: e.kind, detail: JSON.stringify(e.detail), at: e.at })
    .execute();
}

/** One entry of a ticket's clock log. */
export interface ClockEvent {
  id: number;
  kind: string;
  detail: Record<string, unknown>;
  at: string;
}

/** A ticket's clock log, oldest first (optionally only some kinds). */
export async function listClockEvents(
  db: Kysely<DB>,
  ticketId: number,
  kinds?: readonly string[],
): Promise<ClockEvent[]> {
  let q = db
    .selectFrom('ticket_sla_events')
    .select(['id', 'kind', 'detail', 'at'])
    .where('ticket_id', '=', ticketId);
  if (kinds) q = q.where('kind', 'in', [...kinds]);
  const rows = await q.orderBy('id').execute();
  return rows.map((r) => ({
    id: Number(r.id),
    kind: r.kind,
    detail: JSON.parse(r.detail) as Record<string, unknown>,
    at: instantText(r.at),
  }));
}

/** Open tickets of a customer (their clocks follow the customer's tier). */
export async function openTicketIdsOfCustomer(db: Kysely<DB>, customerId: number) {
  const rows = await db
    .selectFrom('tickets')
    .select('id')
    .where('customer_id', '=', customerId)
    .where('status', 'in', OPEN_STATUSES)
    .orderBy('id')
    .execute();
  return rows.map((r) => Number(r.id));
}

/**
 * Running clocks the scan looks at: not paused, at risk by `now`, on an open ticket; in
 * `(warn_at, ticket_id)` order after `after`, so the scan pages through all of them.
 */
export async function clocksToScan(
  db: Kysely<DB>,
  now: string,
  limit: number,
  after: { warnAt: string; ticketId: number } | null = null,
) {
  let q = db
    .selectFrom('ticket_slas as s')
    .innerJoin('tickets as t', 't.id', 's.ticket_id')
    .select([
      's.ticket_id',
      's.escalation_level',
      's.breached',
      't.first_replied_at',
      't.resolved_at',
      't.assignee_id',
      't.customer_id',
      't.subject',
      't.level',
      's.warn_at',
    ])
    .where('s.warn_at', '<=', now)
    .where('s.paused_since', 'is', null)
    .where('t.status', 'in', OPEN_STATUSES);
  if (after)
    q = q.where((eb) =>
      eb.or([
        eb('s.warn_at', '>', after.warnAt),
        eb.and([eb('s.warn_at', '=', after.warnAt), eb('s.ticket_id', '>', after.ticketId)]),
      ]),
    );
  const rows = await q.orderBy('s.warn_at').orderBy('s.ticket_id').limit(limit).execute();
  return rows.map((r) => ({
    warnAt: instantText(r.warn_at),
    ticketId: Number(r.ticket_id),
    escalationLevel: Number(r.escalation_level),
    breached: Number(r.breached),
    firstRepliedAt: instantTextOrNull(r.first_replied_at),
    resolvedAt: instantTextOrNull(r.resolved_at),
    assigneeId: r.assignee_id === null ? null : Number(r.assignee_id),
    customerId: Number(r.customer_id),
    subject: r.subject,
    level: Number(r.level),
  }));
}

/** Level 1–2 open tickets without a reply, opened before `cutoff` and not yet escalated. */
export async function quickResponseCandidates(db: Kysely<DB>, cutoff: string, limit: number) {
  const rows = await db
    .selectFrom('ticket_slas as s')
    .innerJoin('tickets as t', 't.id', 's.ticket_id')
    .select(['t.id', 't.opened_at', 't.level', 't.subject', 't.assignee_id', 't.customer_id'])
    .where('s.escalation_level', '=', 0)
    .where('t.level', '<=', 2)
    .where('t.first_replied_at', 'is', null)
    .where('t.opened_at', '<=', cutoff)
    .where('t.status', 'in', OPEN_STATUSES)
    .orderBy('t.opened_at')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    ticketId: Number(r.id),
    openedAt: instantText(r.opened_at),
    level: Number(r.level),
    subject: r.subject,
    assigneeId: r.assignee_id === null ? null : Number(r.assignee_id),
    customerId: Number(r.customer_id),
  }));
}

/** Active users of the given roles (escalation recipients). */
export async function activeUsersOfRoles(db: Kysely<DB>, roles: readonly string[]) {
  if (roles.length === 0) return [];
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('role_id', 'in', [...roles])
    .where('active', '=', 1)
    .orderBy('id')
    .execute();
  return rows.map((r) => Number(r.id));
}

/** `tier` ordered best first, as a CASE rank for ORDER BY (unknown tiers after the known). */
export function tierRankSql(tiersBestFirst: readonly string[]) {
  // A bare 0 would be read as a column position; a constant CASE keeps it an expression.
  if (tiersBestFirst.length === 0) return sql<number>`(case when s.tier is null then 0 else 0 end)`;
  const whens = tiersBestFirst.map((t, i) => sql`when ${t} then ${sql.lit(i)}`);
  return sql<number>`(case s.tier ${sql.join(whens, sql` `)} else ${sql.lit(tiersBestFirst.length)} end)`;
}

/** True when some ticket that is not finished has an SLA clock (so a tier change can move it). */
export async function hasRunningClocks(db: Kysely<DB>): Promise<boolean> {
  const r = await db
    .selectFrom('ticket_slas as s')
    .innerJoin('tickets as t', 't.id', 's.ticket_id')
    .select('s.ticket_id')
    .where('t.status', 'not in', ['resolved', 'confirmed', 'closed'])
    .limit(1)
    .executeTakeFirst();
  return r !== undefined;
}
