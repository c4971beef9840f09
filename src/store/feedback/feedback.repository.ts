import type { Kysely } from 'kysely';
import type { CustomerFilter } from '../../domain/auth/customer-scope';
import { scopeCondition } from '../customer-scope';
import { dateText, instantText, instantTextOrNull } from '../row-values';
import type { DB } from '../schema';

export interface FeedbackFilter {
  id?: number | undefined;
  classification?: string | undefined;
  /** 'unclassified' lists feedback nobody has classified yet. */
  unclassified?: boolean | undefined;
  status?: string | undefined;
  customerId?: number | undefined;
  kind?: string | undefined;
  /**
   * The reader's row scope: only feedback of these customers. Every feedback row names its
   * customer (customer_id is NOT NULL), so the customer alone decides what a scoped reader sees.
   */
  rows?: CustomerFilter | undefined;
}

/** Feedback with the customer and its action counts, newest first (at most 500). */
export async function listFeedback(db: Kysely<DB>, f: FeedbackFilter, today: string) {
  let q = db
    .selectFrom('feedback as f')
    .innerJoin('customers as c', 'c.id', 'f.customer_id')
    .select([
      'f.id',
      'f.customer_id',
      'f.kind',
      'f.category',
      'f.content',
      'f.received_on',
      'f.status',
      'f.classification',
      'f.classified_at',
      'c.code',
      'c.name',
    ])
    .select((eb) => [
      eb
        .selectFrom('feedback_actions as a')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('a.feedback_id', '=', 'f.id')
        .where('a.status', '!=', 'done')
        .as('open_actions'),
      eb
        .selectFrom('feedback_actions as a')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('a.feedback_id', '=', 'f.id')
        .where('a.status', '!=', 'done')
        .where('a.due_on', '<', today)
        .as('overdue_actions'),
    ]);
  const inScope = f.rows ? scopeCondition(f.rows, 'c') : undefined;
  if (inScope) q = q.where(inScope);
  if (f.id !== undefined) q = q.where('f.id', '=', f.id);
  if (f.classification) q = q.where('f.classification', '=', f.classification);
  if (f.unclassified) q = q.where('f.classification', 'is', null);
  if (f.status) q = q.where('f.status', '=', f.status);
  if (f.customerId) q = q.where('f.customer_id', '=', f.customerId);
  if (f.kind) q = q.where('f.kind', '=', f.kind);
  const rows = await q
    .orderBy('f.received_on', 'desc')
    .orderBy('f.id', 'desc')
    .limit(500)
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    customerId: Number(r.customer_id),
    customerCode: r.code,
    customerName: r.name,
    kind: r.kind as 'feedback' | 'complaint',
    category: r.category,
    content: r.content,
    receivedOn: dateText(r.received_on),
    status: r.status,
    classification: r.classification,
    classifiedAt: instantTextOrNull(r.classified_at),
    openActions: Number(r.open_actions ?? 0),
    overdueActions: Number(r.overdue_actions ?? 0),
  }));
}

/** Sets a feedback's class (and, optionally, its status). */
export async function classifyFeedback(
  db: Kysely<DB>,
  id: number,
  set: { classification: string; status?: string | undefined; by: number | null; at: string },
) {
  await db
    .updateTable('feedback')
    .set({
      classification: set.classification,
      classified_by: set.by,
      classified_at: set.at,
      ...(set.status ? { status: set.status } : {}),
    })
    .where('id', '=', id)
    .execute();
}

/** Sets a feedback's status. */
export async function setFeedbackStatus(db: Kysely<DB>, id: number, status: string) {
  await db.updateTable('feedback').set({ status }).where('id', '=', id).execute();
}

export interface ActionFilter {
  id?: number | undefined;
  feedbackId?: number | undefined;
  /** Only actions not done whose due date is before this day. */
  overdueOn?: string | undefined;
  /** The reader's row scope: only actions on feedback of these customers. */
  rows?: CustomerFilter | undefined;
}

/** Follow-up actions with their owner's name and the feedback's customer, by due date. */
export async function listActions(db: Kysely<DB>, f: ActionFilter) {
  let q = db
    .selectFrom('feedback_actions as a')
    .innerJoin('feedback as f', 'f.id', 'a.feedback_id')
    .innerJoin('customers as c', 'c.id', 'f.customer_id')
    .leftJoin('users as u', 'u.id', 'a.owner_id')
    .selectAll('a')
    .select(['f.customer_id', 'c.code', 'c.name', 'u.display_name as owner_name']);
  const inScope = f.rows ? scopeCondition(f.rows, 'c') : undefined;
  if (inScope) q = q.where(inScope);
  if (f.id !== undefined) q = q.where('a.id', '=', f.id);
  if (f.feedbackId !== undefined) q = q.where('a.feedback_id', '=', f.feedbackId);
  if (f.overdueOn) q = q.where('a.status', '!=', 'done').where('a.due_on', '<', f.overdueOn);
  const rows = await q.orderBy('a.due_on').orderBy('a.id').limit(500).execute();
  return rows.map((r) => ({
    id: Number(r.id),
    feedbackId: Number(r.feedback_id),
    customerId: Number(r.customer_id),
    customerCode: r.code,
    customerName: r.name,
    action: r.action,
    ownerId: r.owner_id == null ? null : Number(r.owner_id),
    ownerName: r.owner_name ?? null,
    dueOn: dateText(r.due_on),
    status: r.status as 'open' | 'in_progress' | 'done',
    doneAt: instantTextOrNull(r.done_at),
    result: r.result,
    createdAt: instantText(r.created_at),
  }));
}

/** One action, or undefined (also when its feedback's customer is outside `rows`). */
export async function findAction(db: Kysely<DB>, id: number, rows?: CustomerFilter) {
  return (await listActions(db, { id, rows }))[0];
}

/** Inserts an open action and returns its id. */
export async function insertAction(
  db: Kysely<DB>,
  a: { feedbackId: number; action: string; ownerId: number | null; dueOn: string },
  by: number | null,
  now: string,
): Promise<number> {
  const r = await db
    .insertInto('feedback_actions')
    .values({
      feedback_id: a.feedbackId,
      action: a.action,
      owner_id: a.ownerId,
      due_on: a.dueOn,
      status: 'open',
      created_by: by,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(r.id);
}

/** Moves an action to `to` if it is still in `from` (no lost update). True when moved. */
export async function moveAction(
  db: Kysely<DB>,
  id: number,
  from: string,
  set: { status: string; result?: string | null; doneAt?: string | null; at: string },
): Promise<boolean> {
  const r = await db
    .updateTable('feedback_actions')
    .set({
      status: set.status,
      updated_at: set.at,
      ...(set.result !== undefined ? { result: set.result } : {}),
      ...(set.doneAt !== undefined ? { done_at: set.doneAt } : {}),
    })
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
