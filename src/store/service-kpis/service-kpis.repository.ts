import type { Kysely } from 'kysely';
import { dateText, instantText, instantTextOrNull } from '../row-values';
import type { DB } from '../schema';

/** One ticket opened in the period, with what the KPIs read from its clock row and assignee. */
export interface KpiTicketRow {
  id: number;
  customerId: number;
  category: string;
  level: number;
  status: string;
  openedAt: string;
  firstRepliedAt: string | null;
  resolvedAt: string | null;
  reopenedCount: number;
  /** The assignee's region (teams are regions); null when unassigned. */
  team: string | null;
  /** The tier the SLA clock was computed for; null without a clock row. */
  slaTier: string | null;
  firstReplyMet: number | null;
  resolutionMet: number | null;
}

const flag = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/**
 * Tickets opened in [fromInstant, toInstant), one row each, with the SLA clock row (LEFT JOIN:
 * tickets without one simply have no met flags) and the assignee's region. Reads at most
 * `limit` rows; the caller asks for one more than it accepts to tell a too-wide period.
 */
export async function kpiTicketRows(
  db: Kysely<DB>,
  fromInstant: string,
  toInstant: string,
  limit: number,
): Promise<KpiTicketRow[]> {
  const rows = await db
    .selectFrom('tickets as t')
    .leftJoin('ticket_slas as s', 's.ticket_id', 't.id')
    .leftJoin('users as u', 'u.id', 't.assignee_id')
    .select([
      't.id',
      't.customer_id',
      't.category',
      't.level',
      't.status',
      't.opened_at',
      't.first_replied_at',
      't.resolved_at',
      't.reopened_count',
      'u.region',
      's.tier',
      's.first_reply_met',
      's.resolution_met',
    ])
    .where('t.opened_at', '>=', fromInstant)
    .where('t.opened_at', '<', toInstant)
    .orderBy('t.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    customerId: Number(r.customer_id),
    category: r.category,
    level: Number(r.level),
    status: r.status,
    openedAt: instantText(r.opened_at),
    firstRepliedAt: instantTextOrNull(r.first_replied_at),
    resolvedAt: instantTextOrNull(r.resolved_at),
    reopenedCount: Number(r.reopened_count ?? 0),
    team: r.region ?? null,
    slaTier: r.tier ?? null,
    firstReplyMet: flag(r.first_reply_met),
    resolutionMet: flag(r.resolution_met),
  }));
}

/** One survey answer of the period. */
export interface KpiSurveyRow {
  customerId: number;
  answeredOn: string;
  score: number;
}

/**
 * Survey answers dated fromDate … toDate (inclusive) by the given customers, in chunks so the
 * IN list stays within both engines' parameter limits.
 */
export async function kpiSurveyRows(
  db: Kysely<DB>,
  fromDate: string,
  toDate: string,
  customerIds: readonly number[],
): Promise<KpiSurveyRow[]> {
  const out: KpiSurveyRow[] = [];
  for (let i = 0; i < customerIds.length; i += 900) {
    const chunk = customerIds.slice(i, i + 900);
    const rows = await db
      .selectFrom('survey_responses')
      .select(['customer_id', 'answered_on', 'score'])
      .where('answered_on', '>=', fromDate)
      .where('answered_on', '<=', toDate)
      .where('customer_id', 'in', chunk)
      .execute();
    for (const r of rows)
      out.push({
        customerId: Number(r.customer_id),
        answeredOn: dateText(r.answered_on),
        score: Number(r.score),
      });
  }
  return out;
}
