import type { Generated } from 'kysely';

/** A quarterly satisfaction survey sent to an audience of customers. */
export interface SurveyCampaignsTable {
  id: Generated<number>;
  name: string;
  quarter: string; // e.g. 2026-Q4
  audience: string; // JSON { tiers: string[], allActive: boolean }
  status: string; // draft | sent | closed
  invited: number;
  created_by: number | null;
  created_at: string;
  sent_at: string | null;
  closed_at: string | null;
}

/** One customer's invitation to answer a survey; the token is kept only as its SHA-256. */
export interface SurveyInvitationsTable {
  id: Generated<number>;
  token_hash: string;
  customer_id: number;
  ticket_id: number | null;
  campaign_id: number | null;
  tier: string | null;
  sent_at: string;
  expires_at: string;
  answered_at: string | null;
  created_by: number | null;
}

/** A follow-up action on a piece of feedback: open → in_progress → done. */
export interface FeedbackActionsTable {
  id: Generated<number>;
  feedback_id: number;
  action: string;
  owner_id: number | null;
  due_on: string;
  status: string;
  done_at: string | null;
  result: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

/** A request to set (add) or lift (remove) the 'blacklist' tag, decided by a manager. */
export interface BlacklistRequestsTable {
  id: Generated<number>;
  customer_id: number;
  action: string; // add | remove
  reason: string;
  evidence: string; // JSON { ticketIds: number[], feedbackIds: number[] }
  requested_by: number | null;
  status: string; // pending | approved | refused
  decided_by: number | null;
  decided_at: string | null;
  decision_note: string | null;
  created_at: string;
}

/** Kysely table types of this capability, merged into `DB` in ../schema.ts. */
export interface FeedbackTables {
  survey_campaigns: SurveyCampaignsTable;
  survey_invitations: SurveyInvitationsTable;
  feedback_actions: FeedbackActionsTable;
  blacklist_requests: BlacklistRequestsTable;
}
