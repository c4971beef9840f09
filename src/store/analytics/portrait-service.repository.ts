import type { Kysely } from 'kysely';
import { dateText, instantText, instantTextOrNull } from '../row-values';
import type { DB } from '../schema';

/** Tickets of one customer opened in a window, counted by status and category. */
export interface TicketCountRow {
  status: string;
  category: string;
  tickets: number;
  /** Of those, tickets whose SLA clock was breached. */
  breached: number;
}

/**
 * One customer's tickets opened in [fromInstant, toInstant), grouped by stored status and
 * category, with the SLA breaches among them (index on tickets(customer_id, …)).
 */
export async function ticketCounts(
  db: Kysely<DB>,
  customerId: number,
  fromInstant: string,
  toInstant: string,
): Promise<TicketCountRow[]> {
  const rows = await db
    .selectFrom('tickets as t')
    .leftJoin('ticket_slas as s', 's.ticket_id', 't.id')
    .select((eb) => [
      't.status',
      't.category',
      eb.fn.countAll<string | number>().as('n'),
      eb.fn
        .sum<string | number | null>(eb.case().when('s.breached', '=', 1).then(1).else(0).end())
        .as('breached'),
    ])
    .where('t.customer_id', '=', customerId)
    .where('t.opened_at', '>=', fromInstant)
    .where('t.opened_at', '<', toInstant)
    .groupBy(['t.status', 't.category'])
    .execute();
  return rows.map((r) => ({
    status: r.status,
    category: r.category,
    tickets: Number(r.n),
    breached: Number(r.breached ?? 0),
  }));
}

/** A ticket as the portrait lists it. */
export interface PortraitTicketRow {
  id: number;
  subject: string;
  category: string;
  level: number;
  status: string;
  openedAt: string;
  closedAt: string | null;
  breached: boolean;
  resolutionDueAt: string | null;
}

function ticketList(db: Kysely<DB>, customerId: number) {
  return db
    .selectFrom('tickets as t')
    .leftJoin('ticket_slas as s', 's.ticket_id', 't.id')
    .select([
      't.id',
      't.subject',
      't.category',
      't.level',
      't.status',
      't.opened_at',
      't.closed_at',
      's.breached',
      's.resolution_due_at',
    ])
    .where('t.customer_id', '=', customerId);
}

type TicketListRow = Awaited<ReturnType<ReturnType<typeof ticketList>['executeTakeFirstOrThrow']>>;

const toTicket = (r: TicketListRow): PortraitTicketRow => ({
  id: Number(r.id),
  subject: r.subject,
  category: r.category,
  level: Number(r.level),
  status: r.status,
  openedAt: instantText(r.opened_at),
  closedAt: instantTextOrNull(r.closed_at),
  breached: Number(r.breached ?? 0) === 1,
  resolutionDueAt: instantTextOrNull(r.resolution_due_at),
});

/** The customer's newest tickets, newest first. */
export async function latestTickets(
  db: Kysely<DB>,
  customerId: number,
  limit: number,
): Promise<PortraitTicketRow[]> {
  const rows = await ticketList(db, customerId)
    .orderBy('t.opened_at', 'desc')
    .orderBy('t.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toTicket);
}

/** Tickets still being worked (statuses given by the caller), oldest first, at most `limit`. */
export async function openTicketList(
  db: Kysely<DB>,
  customerId: number,
  openStatuses: readonly string[],
  limit: number,
): Promise<{ total: number; items: PortraitTicketRow[] }> {
  const [count, rows] = await Promise.all([
    db
      .selectFrom('tickets')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('customer_id', '=', customerId)
      .where('status', 'in', [...openStatuses])
      .executeTakeFirstOrThrow(),
    ticketList(db, customerId)
      .where('t.status', 'in', [...openStatuses])
      .orderBy('t.opened_at')
      .orderBy('t.id')
      .limit(limit)
      .execute(),
  ]);
  return { total: Number(count.n), items: rows.map(toTicket) };
}

/** One survey answer. */
export interface SurveyAnswerRow {
  answeredOn: string;
  score: number;
  comment: string | null;
}

/** The customer's survey answers dated fromDate … toDate (inclusive), oldest first. */
export async function surveyAnswers(
  db: Kysely<DB>,
  customerId: number,
  fromDate: string,
  toDate: string,
): Promise<SurveyAnswerRow[]> {
  const rows = await db
    .selectFrom('survey_responses')
    .select(['answered_on', 'score', 'comment'])
    .where('customer_id', '=', customerId)
    .where('answered_on', '>=', fromDate)
    .where('answered_on', '<=', toDate)
    .orderBy('answered_on')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    answeredOn: dateText(r.answered_on),
    score: Number(r.score),
    comment: r.comment,
  }));
}

/** The customer's newest survey answer, whenever it was given. */
export async function lastSurveyAnswer(
  db: Kysely<DB>,
  customerId: number,
): Promise<SurveyAnswerRow | null> {
  const r = await db
    .selectFrom('survey_responses')
    .select(['answered_on', 'score', 'comment'])
    .where('customer_id', '=', customerId)
    .orderBy('answered_on', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r
    ? { answeredOn: dateText(r.answered_on), score: Number(r.score), comment: r.comment }
    : null;
}

/** A piece of feedback or a complaint. */
export interface FeedbackRow {
  id: number;
  kind: string;
  category: string | null;
  content: string;
  receivedOn: string;
  status: string;
}

/** The customer's newest feedback or complaint, and how many complaints came in a window. */
export async function feedbackFacts(
  db: Kysely<DB>,
  customerId: number,
  fromDate: string,
  toDate: string,
): Promise<{ last: FeedbackRow | null; complaints: number; feedback: number }> {
  const [last, counts] = await Promise.all([
    db
      .selectFrom('feedback')
      .select(['id', 'kind', 'category', 'content', 'received_on', 'status'])
      .where('customer_id', '=', customerId)
      .orderBy('received_on', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst(),
    db
      .selectFrom('feedback')
      .select((eb) => [
        eb.fn.countAll<string | number>().as('n'),
        eb.fn
          .sum<string | number | null>(
            eb.case().when('kind', '=', 'complaint').then(1).else(0).end(),
          )
          .as('complaints'),
      ])
      .where('customer_id', '=', customerId)
      .where('received_on', '>=', fromDate)
      .where('received_on', '<=', toDate)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    last: last
      ? {
          id: Number(last.id),
          kind: last.kind,
          category: last.category,
          content: last.content,
          receivedOn: dateText(last.received_on),
          status: last.status,
        }
      : null,
    complaints: Number(counts.complaints ?? 0),
    feedback: Number(counts.n),
  };
}
