import type { Kysely } from 'kysely';
import type { CustomerFilter } from '../../domain/auth/customer-scope';
import { customerIdInScope } from '../customer-scope';
import { instantText, instantTextOrNull } from '../row-values';
import type { DB } from '../schema';
import { OPEN_STATUSES, tierRankSql } from './ticket-sla.repository';

/** One row of the agent queue. */
export interface QueueRow {
  id: number;
  subject: string;
  customerId: number;
  customerName: string;
  level: number;
  status: string;
  assigneeId: number | null;
  assigneeName: string | null;
  openedAt: string;
  firstRepliedAt: string | null;
  tier: string | null;
  policyKey: string | null;
  firstReplyDueAt: string | null;
  responseDueAt: string | null;
  resolutionDueAt: string | null;
  warnAt: string | null;
  breached: number;
  escalationLevel: number;
  pausedSince: string | null;
}

/**
 * One page of open tickets in SLA order: breached first, then the resolution due instant
 * (earliest first; tickets without one — no resolution target, or a calendar without the
 * year's holidays — right after the breached ones, so they are not forgotten), then tier (best
 * first), then level (1 first). The clock row drives the join (CROSS JOIN keeps SQLite from
 * starting at the tickets' status index), so `ticket_slas_queue_ix (breached desc,
 * resolution_due_at)` yields rows in order and the page stops after `pageSize` of them; only
 * the tier/level tie-break is sorted. `total` counts open tickets (the status index). With
 * `rows`, only tickets of customers the reader's row scope lets through, in the page and in
 * `total` alike.
 */
export async function queuePage(
  db: Kysely<DB>,
  f: {
    assigneeId?: number | undefined;
    tiersBestFirst: readonly string[];
    /** Only breached tickets, or only at-risk ones (past the warning at `now`, not breached). */
    state?: { kind: 'breached' | 'at_risk'; now: string } | undefined;
    /** The reader's row scope: only tickets of these customers. */
    rows?: CustomerFilter | undefined;
  },
  page: number,
  pageSize: number,
): Promise<{ rows: QueueRow[]; total: number }> {
  let q = db
    .selectFrom('ticket_slas as s')
    .crossJoin('tickets as t')
    .whereRef('t.id', '=', 's.ticket_id')
    .where('t.status', 'in', OPEN_STATUSES);
  // A condition on t.customer_id (not on the joined customers row) so the count below, which
  // reads tickets alone, can take the same one.
  const inScope = f.rows ? customerIdInScope(f.rows, 't.customer_id') : undefined;
  if (inScope) q = q.where(inScope);
  if (f.assigneeId !== undefined) q = q.where('t.assignee_id', '=', f.assigneeId);
  if (f.state?.kind === 'breached') q = q.where('s.breached', '=', 1);
  if (f.state?.kind === 'at_risk')
    q = q.where('s.breached', '=', 0).where('s.warn_at', '<=', f.state.now);
  let counted = db
    .selectFrom('tickets as t')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('t.status', 'in', OPEN_STATUSES);
  if (inScope) counted = counted.where(inScope);
  if (f.assigneeId !== undefined) counted = counted.where('t.assignee_id', '=', f.assigneeId);
  const [rows, count] = await Promise.all([
    q
      .innerJoin('customers as c', 'c.id', 't.customer_id')
      .leftJoin('users as u', 'u.id', 't.assignee_id')
      .select([
        't.id',
        't.subject',
        't.customer_id',
        'c.name as customer_name',
        't.level',
        't.status',
        't.assignee_id',
        'u.display_name',
        't.opened_at',
        't.first_replied_at',
        's.tier',
        's.policy_key',
        's.first_reply_due_at',
        's.response_due_at',
        's.resolution_due_at',
        's.warn_at',
        's.breached',
        's.escalation_level',
        's.paused_since',
      ])
      .orderBy('s.breached', 'desc')
      .orderBy('s.resolution_due_at', (ob) => ob.asc().nullsFirst())
      .orderBy(tierRankSql(f.tiersBestFirst))
      .orderBy('t.level')
      .orderBy('t.id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    f.state
      ? q.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow()
      : counted.executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(count.n),
    rows: rows.map((r) => ({
      id: Number(r.id),
      subject: r.subject,
      customerId: Number(r.customer_id),
      customerName: r.customer_name,
      level: Number(r.level),
      status: r.status,
      assigneeId: r.assignee_id === null ? null : Number(r.assignee_id),
      assigneeName: r.display_name ?? null,
      openedAt: instantText(r.opened_at),
      firstRepliedAt: instantTextOrNull(r.first_replied_at),
      tier: r.tier,
      policyKey: r.policy_key,
      firstReplyDueAt: instantTextOrNull(r.first_reply_due_at),
      responseDueAt: instantTextOrNull(r.response_due_at),
      resolutionDueAt: instantTextOrNull(r.resolution_due_at),
      warnAt: instantTextOrNull(r.warn_at),
      breached: Number(r.breached),
      escalationLevel: Number(r.escalation_level),
      pausedSince: instantTextOrNull(r.paused_since),
    })),
  };
}

/**
 * Breached and at-risk (past the warning, not breached) open tickets by assignee and tier: two
 * grouped queries, one on each index (`breached`, `warn_at`), rather than one OR over both.
 * With `scope` (the reader's row scope), only tickets of customers it lets through are counted.
 */
export async function supervisorCounts(db: Kysely<DB>, now: string, scope?: CustomerFilter) {
  const inScope = scope ? customerIdInScope(scope, 't.customer_id') : undefined;
  const grouped = (state: 'breached' | 'at_risk') => {
    let q = db
      .selectFrom('ticket_slas as s')
      .crossJoin('tickets as t')
      .whereRef('t.id', '=', 's.ticket_id')
      .leftJoin('users as u', 'u.id', 't.assignee_id')
      .select([
        't.assignee_id',
        'u.display_name',
        's.tier',
        (eb) => eb.fn.countAll<string | number>().as('n'),
      ])
      .where('t.status', 'in', OPEN_STATUSES);
    if (inScope) q = q.where(inScope);
    q =
      state === 'breached'
        ? q.where('s.breached', '=', 1)
        : q.where('s.breached', '=', 0).where('s.warn_at', '<=', now);
    return q.groupBy(['t.assignee_id', 'u.display_name', 's.tier']).execute();
  };
  const [breached, atRisk] = await Promise.all([grouped('breached'), grouped('at_risk')]);
  const rows = (state: 'breached' | 'at_risk', list: typeof breached) =>
    list.map((r) => ({
      state,
      assigneeId: r.assignee_id === null ? null : Number(r.assignee_id),
      assigneeName: r.display_name ?? null,
      tier: r.tier,
      count: Number(r.n),
    }));
  return [...rows('breached', breached), ...rows('at_risk', atRisk)];
}
