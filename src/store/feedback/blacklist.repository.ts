import type { Kysely } from 'kysely';
import type { CustomerFilter } from '../../domain/auth/customer-scope';
import type { BlacklistAction, BlacklistStatus } from '../../domain/feedback/blacklist-rules';
import { BLACKLIST_TAG } from '../../domain/feedback/blacklist-rules';
import { scopeCondition } from '../customer-scope';
import { instantText, instantTextOrNull } from '../row-values';
import type { DB } from '../schema';

export interface Evidence {
  ticketIds: number[];
  feedbackIds: number[];
}

/**
 * Blacklist requests with customer and people's names, newest first (at most 500); with `rows`,
 * only requests about customers the reader's row scope lets through.
 */
export async function listRequests(
  db: Kysely<DB>,
  f: {
    id?: number;
    status?: string | undefined;
    customerId?: number | undefined;
    rows?: CustomerFilter | undefined;
  },
) {
  let q = db
    .selectFrom('blacklist_requests as b')
    .innerJoin('customers as c', 'c.id', 'b.customer_id')
    .leftJoin('users as rq', 'rq.id', 'b.requested_by')
    .leftJoin('users as dc', 'dc.id', 'b.decided_by')
    .selectAll('b')
    .select([
      'c.code',
      'c.name',
      'rq.display_name as requester_name',
      'dc.display_name as decider_name',
    ]);
  const inScope = f.rows ? scopeCondition(f.rows, 'c') : undefined;
  if (inScope) q = q.where(inScope);
  if (f.id !== undefined) q = q.where('b.id', '=', f.id);
  if (f.status) q = q.where('b.status', '=', f.status);
  if (f.customerId) q = q.where('b.customer_id', '=', f.customerId);
  const rows = await q.orderBy('b.id', 'desc').limit(500).execute();
  return rows.map((r) => ({
    id: Number(r.id),
    customerId: Number(r.customer_id),
    customerCode: r.code,
    customerName: r.name,
    action: r.action as BlacklistAction,
    reason: r.reason,
    evidence: JSON.parse(r.evidence) as Evidence,
    requestedBy: r.requested_by == null ? null : Number(r.requested_by),
    requesterName: r.requester_name ?? null,
    status: r.status as BlacklistStatus,
    decidedBy: r.decided_by == null ? null : Number(r.decided_by),
    deciderName: r.decider_name ?? null,
    decidedAt: instantTextOrNull(r.decided_at),
    decisionNote: r.decision_note,
    createdAt: instantText(r.created_at),
  }));
}

/** One request, or undefined (also when its customer is outside `rows`). */
export async function findRequest(db: Kysely<DB>, id: number, rows?: CustomerFilter) {
  return (await listRequests(db, { id, rows }))[0];
}

/** The customer's pending request, if any (one at a time). */
export async function pendingRequestId(db: Kysely<DB>, customerId: number) {
  const r = await db
    .selectFrom('blacklist_requests')
    .select('id')
    .where('customer_id', '=', customerId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return r ? Number(r.id) : undefined;
}

/** Inserts a pending request and returns its id. */
export async function insertRequest(
  db: Kysely<DB>,
  r: { customerId: number; action: BlacklistAction; reason: string; evidence: Evidence },
  by: number | null,
  now: string,
): Promise<number> {
  const row = await db
    .insertInto('blacklist_requests')
    .values({
      customer_id: r.customerId,
      action: r.action,
      reason: r.reason,
      evidence: JSON.stringify(r.evidence),
      requested_by: by,
      status: 'pending',
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** Records the decision if the request is still pending. True when this call decided it. */
export async function decideRequest(
  db: Kysely<DB>,
  id: number,
  d: { status: 'approved' | 'refused'; by: number | null; at: string; note: string | null },
): Promise<boolean> {
  const r = await db
    .updateTable('blacklist_requests')
    .set({ status: d.status, decided_by: d.by, decided_at: d.at, decision_note: d.note })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** True when the customer carries the stored blacklist tag. */
export async function isBlacklisted(db: Kysely<DB>, customerId: number): Promise<boolean> {
  const r = await db
    .selectFrom('customer_tags')
    .select('tag')
    .where('customer_id', '=', customerId)
    .where('tag', '=', BLACKLIST_TAG)
    .executeTakeFirst();
  return r !== undefined;
}

/** Writes or removes the stored blacklist tag. */
export async function setBlacklistTag(
  db: Kysely<DB>,
  customerId: number,
  on: boolean,
  now: string,
): Promise<void> {
  if (on)
    await db
      .insertInto('customer_tags')
      .values({ customer_id: customerId, tag: BLACKLIST_TAG, created_at: now })
      .onConflict((oc) => oc.columns(['customer_id', 'tag']).doNothing())
      .execute();
  else
    await db
      .deleteFrom('customer_tags')
      .where('customer_id', '=', customerId)
      .where('tag', '=', BLACKLIST_TAG)
      .execute();
}

/** Of the given ids, those that are the customer's tickets / feedback (evidence must be theirs). */
export async function evidenceOfCustomer(db: Kysely<DB>, customerId: number, e: Evidence) {
  const tickets = e.ticketIds.length
    ? await db
        .selectFrom('tickets')
        .select('id')
        .where('customer_id', '=', customerId)
        .where('id', 'in', e.ticketIds)
        .execute()
    : [];
  const feedback = e.feedbackIds.length
    ? await db
        .selectFrom('feedback')
        .select('id')
        .where('customer_id', '=', customerId)
        .where('id', 'in', e.feedbackIds)
        .execute()
    : [];
  return {
    ticketIds: new Set(tickets.map((t) => Number(t.id))),
    feedbackIds: new Set(feedback.map((f) => Number(f.id))),
  };
}

/** Active users whose role grants `permission` (the approvers to tell of a request). */
export async function usersWithPermission(db: Kysely<DB>, permission: string): Promise<number[]> {
  const rows = await db
    .selectFrom('users as u')
    .innerJoin('roles as r', 'r.id', 'u.role_id')
    .select(['u.id', 'r.permissions'])
    .where('u.active', '=', 1)
    .execute();
  return rows
    .filter((r) => (JSON.parse(r.permissions) as string[]).includes(permission))
    .map((r) => Number(r.id));
}
