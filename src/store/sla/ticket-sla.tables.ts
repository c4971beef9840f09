import type { Generated } from 'kysely';

/** One row per ticket: the clock state the queue, the scan and the KPIs read. */
export interface TicketSlasTable {
  ticket_id: number;
  policy_version: number | null;
  policy_key: string | null;
  tier: string | null;
  calendar_key: string | null;
  first_reply_due_at: string | null;
  response_due_at: string | null;
  resolution_due_at: string | null;
  /** Earliest warning (or escalation) instant of the targets still running; null when none. */
  warn_at: string | null;
  first_reply_met: number | null;
  resolution_met: number | null;
  breached: Generated<number>;
  /** 0 agent, 1 supervisor, 2 manager. */
  escalation_level: Generated<number>;
  paused_since: string | null;
  /** Business time spent paused (closed pauses), on the clock's calendar. */
  paused_ms: Generated<number>;
  recomputed_at: string;
  /** Why the deadlines last moved: opened | tier_changed | level_changed | category_changed | resumed. */
  reason: string;
  version: Generated<number>;
}

/** What happened to a ticket's clocks; `detail` is JSON. */
export interface TicketSlaEventsTable {
  id: Generated<number>;
  ticket_id: number;
  kind: string;
  detail: string;
  at: string;
}

/** The clock tables, merged into the DB interface. */
export interface TicketSlaTables {
  ticket_slas: TicketSlasTable;
  ticket_sla_events: TicketSlaEventsTable;
}
