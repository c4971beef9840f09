import { type Calendar, officeInstant } from './calendar';
import { SURVEY_COMMENTS, TICKET_KINDS } from './catalog';
import type { IdCounters } from './orders';
import type { Profile } from './profile';
import type { Rng } from './rng';
import type { DemoBatch } from './types';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** Median hours to resolve, by level (1 urgent … 4 consultation). */
const RESOLVE_HOURS = [0, 1.5, 8, 40, 90];

/**
 * Emits a customer's service tickets: more for customers who order more, many more for the few
 * habitual complainers. Tickets still open on the as-of date have no closed_at.
 */
export function emitTickets(
  p: Profile,
  rng: Rng,
  cal: Calendar,
  orders: number,
  ids: IdCounters,
  out: DemoBatch,
): void {
  if (orders === 0) return;
  const lambda = (0.3 + 0.05 * orders) * p.spec.ticketRate * (p.complainer ? 4 : 1);
  const n = Math.min(300, rng.poisson(lambda));
  const last = Math.min(p.lastDay + 60, cal.asOf);
  // 23:59:59 Beijing time on the as-of date.
  const endMs = (cal.asOf + 1) * DAY_MS - 8 * HOUR_MS - 1000;
  for (let i = 0; i < n; i++) {
    const day = rng.between(p.firstDay, last);
    const kind = TICKET_KINDS.pick(rng);
    const level = kind.levels.pick(rng);
    const opened = officeInstant(cal, rng, day);
    const openedMs = Date.parse(opened);
    const stuck = rng.next() < 0.05 ? 5 : 1;
    // Whole seconds, like the other instants.
    const closedMs =
      openedMs +
      1000 *
        Math.round((rng.lognormal(RESOLVE_HOURS[level] as number, 0.8) * stuck * HOUR_MS) / 1000);
    let status: DemoBatch['tickets'][number]['status'];
    let closed: string | null = null;
    if (closedMs <= endMs) {
      closed = new Date(closedMs).toISOString();
      status = endMs - closedMs < 3 * DAY_MS && rng.next() < 0.5 ? 'resolved' : 'closed';
    } else {
      status = endMs - openedMs < DAY_MS ? 'open' : 'in_progress';
    }
    out.tickets.push({
      id: ids.tickets++,
      customer_id: p.customer.id,
      subject: rng.pick(kind.subjects),
      category: kind.category,
      level,
      status,
      opened_at: opened,
      closed_at: closed,
      created_at: opened,
    });
  }
}

/** First day of each quarterly survey window (a week after each quarter ends) up to asOf. */
export function surveyWindows(cal: Calendar): number[] {
  const windows: number[] = [];
  const first = new Date(cal.start * DAY_MS);
  let year = first.getUTCFullYear();
  let quarter = Math.floor(first.getUTCMonth() / 3);
  for (;;) {
    const nextQuarterStart = Date.UTC(year, quarter * 3 + 3, 1) / DAY_MS;
    const start = nextQuarterStart + 7; // after New Year / Qingming / National Day holidays
    if (start > cal.asOf) return windows;
    windows.push(start);
    quarter++;
    if (quarter === 4) {
      quarter = 0;
      year++;
    }
  }
}

/** Emits quarterly satisfaction answers (1–5) while the customer is (or was recently) active. */
export function emitSurveys(
  p: Profile,
  rng: Rng,
  cal: Calendar,
  windows: readonly number[],
  ids: IdCounters,
  out: DemoBatch,
): void {
  if (p.lifecycle === 'prospect') return;
  for (const start of windows) {
    if (start < p.firstDay + 30 || start > p.lastDay + 90) continue;
    if (rng.next() >= p.spec.surveyRate) continue;
    const day = Math.min(cal.asOf, start + rng.int(21));
    const score = Math.min(5, Math.max(1, Math.round(p.satisfaction + 0.8 * rng.normal())));
    const comments = SURVEY_COMMENTS[score - 1] ?? [];
    out.survey_responses.push({
      id: ids.survey_responses++,
      customer_id: p.customer.id,
      answered_on: cal.dateOf(day),
      score,
      comment: rng.next() < 0.35 ? rng.pick(comments) : null,
      created_at: officeInstant(cal, rng, day),
    });
  }
}
