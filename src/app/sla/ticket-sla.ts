import type { Kysely } from 'kysely';
import type { ClockPause } from '../../domain/calendar';
import {
  resolvedDeadlines,
  type SlaSelection,
  type SlaTicketFacts,
  selectSlaPolicy,
  type TargetDeadline,
} from '../../domain/sla';
import type { DB } from '../../store/schema';
import { slaCalendars } from './sla-calendars';
import { slaPoliciesInForce } from './sla-in-force';

export interface TicketSla {
  /** The policy set version the clocks come from (null: the seed template). */
  version: number | null;
  selection: SlaSelection;
  /** Due, warning and escalation instants of each target, on its policy's calendar. */
  deadlines: TargetDeadline[];
}

/**
 * The SLA of one ticket under the policies in force: the winning policy (with the candidates)
 * and each target's instants from `openedAt`, minus `pauses`. What a ticket stores to show
 * "which policy applied" is `version` and `selection.winner.key`. Throws CALENDAR_NOT_COVERED
 * when a clock reaches a date its calendar has no holiday list for.
 */
export async function ticketSla(
  db: Kysely<DB>,
  facts: SlaTicketFacts,
  openedAt: Date,
  pauses: readonly ClockPause[] = [],
): Promise<TicketSla> {
  const inForce = await slaPoliciesInForce(db);
  const selection = selectSlaPolicy(inForce.policies, facts);
  const calendarOf = await slaCalendars(
    db,
    Object.values(selection.targets).map((t) => t.calendar),
  );
  return {
    version: inForce.version,
    selection,
    deadlines: resolvedDeadlines(selection.targets, calendarOf, openedAt, pauses),
  };
}
