import { addMonths, monthEnd } from '../../domain/analytics/period';
import { DAY_MS, dateToDay, fromWall } from '../../domain/calendar/time-zone';
import { findCategory } from '../../domain/service/taxonomy';
import {
  normalizeStatus,
  TICKET_STATUSES,
  type TicketStatus,
} from '../../domain/service/ticket-status';
import {
  type FeedbackRow,
  feedbackFacts,
  lastSurveyAnswer,
  latestTickets,
  openTicketList,
  type PortraitTicketRow,
  type SurveyAnswerRow,
  surveyAnswers,
  ticketCounts,
} from '../../store/analytics/portrait-service.repository';
import { OPEN_STATUSES } from '../../store/sla/ticket-sla.repository';
import type { Deps } from '../deps';

/** Months of service and satisfaction history the portrait shows, ending with the period. */
export const HISTORY_MONTHS = 12;
/** How many of the newest tickets the portrait lists. */
export const LATEST_TICKETS = 10;
const OPEN_LIST = 20;

/** A run of whole months, both ends included, with its first and last day. */
export interface MonthWindow {
  from: string;
  to: string;
}

/** The window of `months` months ending with `to` ('YYYY-MM'). */
export function windowEnding(to: string, months: number): MonthWindow {
  return { from: addMonths(to, -(months - 1)), to };
}

type Text = { zh: string; en: string };

/** A ticket with its status read through the workflow (old 'open' rows are new). */
export type PortraitTicket = Omit<PortraitTicketRow, 'status'> & {
  status: TicketStatus;
  categoryName: Text;
};

/** The taxonomy's names of a stored category code; an unknown code names itself. */
function categoryName(code: string): Text {
  const c = findCategory(code);
  return c ? { zh: c.zh, en: c.en } : { zh: code, en: code };
}

/** Tickets, their states and SLA breaches over the history window. */
export interface ServiceHistory {
  window: MonthWindow;
  /** Tickets opened in the window. */
  tickets: number;
  /** Every status in workflow order (rows stored as 'open' count as new). */
  byStatus: { status: TicketStatus; tickets: number }[];
  /** Categories, most tickets first. */
  byCategory: { category: string; name: Text; tickets: number }[];
  /** Tickets opened in the window whose SLA clock was breached. */
  slaBreaches: number;
  /** Tickets not yet resolved (whenever opened): how many, and the oldest few. */
  open: { total: number; items: PortraitTicket[] };
  /** The newest tickets, whatever their state. */
  latest: PortraitTicket[];
}

/**
 * The customer's service history: tickets opened in the window by status and category with SLA
 * breaches, the tickets still open and the newest ones. Window bounds are business days in the
 * configured time zone.
 */
export async function serviceHistory(
  deps: Deps,
  customerId: number,
  window: MonthWindow,
): Promise<ServiceHistory> {
  const tz = deps.config.timeZone;
  const start = new Date(fromWall(tz, dateToDay(`${window.from}-01`) * DAY_MS)).toISOString();
  const end = new Date(fromWall(tz, (dateToDay(monthEnd(window.to)) + 1) * DAY_MS)).toISOString();
  const db = deps.store.db;
  const [counts, open, latest] = await Promise.all([
    ticketCounts(db, customerId, start, end),
    openTicketList(db, customerId, OPEN_STATUSES, OPEN_LIST),
    latestTickets(db, customerId, LATEST_TICKETS),
  ]);
  const status = new Map<TicketStatus, number>();
  const category = new Map<string, number>();
  let tickets = 0;
  let slaBreaches = 0;
  for (const c of counts) {
    const s = normalizeStatus(c.status);
    status.set(s, (status.get(s) ?? 0) + c.tickets);
    category.set(c.category, (category.get(c.category) ?? 0) + c.tickets);
    tickets += c.tickets;
    slaBreaches += c.breached;
  }
  const norm = (t: PortraitTicketRow): PortraitTicket => ({
    ...t,
    status: normalizeStatus(t.status),
    categoryName: categoryName(t.category),
  });
  return {
    window,
    tickets,
    byStatus: TICKET_STATUSES.map((s) => ({ status: s, tickets: status.get(s) ?? 0 })),
    byCategory: [...category]
      .map(([k, n]) => ({ category: k, name: categoryName(k), tickets: n }))
      .sort((a, b) => b.tickets - a.tickets || (a.category < b.category ? -1 : 1)),
    slaBreaches,
    open: { total: open.total, items: open.items.map(norm) },
    latest: latest.map(norm),
  };
}

/** Survey scores (1–5) over the window, month by month, and the latest word from the customer. */
export interface Satisfaction {
  window: MonthWindow;
  responses: number;
  /** Mean score of the window's answers; null when there are none. */
  average: number | null;
  /** Every month of the window, oldest first; average null in a month without answers. */
  byMonth: { month: string; responses: number; average: number | null }[];
  /** The newest answer, whenever given. */
  lastSurvey: SurveyAnswerRow | null;
  /** The newest feedback or complaint, whenever received. */
  lastFeedback: FeedbackRow | null;
  /** Feedback and complaints received in the window. */
  feedback: number;
  complaints: number;
}

/** The customer's satisfaction: survey averages by month, last answer and last feedback. */
export async function satisfaction(
  deps: Deps,
  customerId: number,
  window: MonthWindow,
): Promise<Satisfaction> {
  const db = deps.store.db;
  const fromDate = `${window.from}-01`;
  const toDate = monthEnd(window.to);
  const [answers, last, fb] = await Promise.all([
    surveyAnswers(db, customerId, fromDate, toDate),
    lastSurveyAnswer(db, customerId),
    feedbackFacts(db, customerId, fromDate, toDate),
  ]);
  const sums = new Map<string, { n: number; sum: number }>();
  let total = 0;
  for (const a of answers) {
    const m = a.answeredOn.slice(0, 7);
    const s = sums.get(m) ?? { n: 0, sum: 0 };
    s.n++;
    s.sum += a.score;
    sums.set(m, s);
    total += a.score;
  }
  const months: Satisfaction['byMonth'] = [];
  for (let m = window.from; m <= window.to; m = addMonths(m, 1)) {
    const s = sums.get(m);
    months.push({ month: m, responses: s?.n ?? 0, average: s ? s.sum / s.n : null });
  }
  return {
    window,
    responses: answers.length,
    average: answers.length ? total / answers.length : null,
    byMonth: months,
    lastSurvey: last,
    lastFeedback: fb.last,
    feedback: fb.feedback,
    complaints: fb.complaints,
  };
}
