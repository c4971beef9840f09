import type { Generated } from 'kysely';
import type { AccountTables } from './accounts/accounts.tables';
import type { ClvTables } from './analytics/clv.tables';
import type { ReportTables } from './analytics/reports.tables';
import type { AutomationTables } from './automation/automation.tables';
import type { CalendarTables } from './calendars/calendars.tables';
import type { EntitlementTables } from './entitlements/entitlements.tables';
import type { FeedbackTables } from './feedback/feedback.tables';
import type { OrderQueueTables } from './orders/order-queue.tables';
import type { SecurityTables } from './security.tables';
import type { ServiceTables } from './service/service.tables';
import type { SlaTables } from './sla/sla.tables';
import type { TicketSlaTables } from './sla/ticket-sla.tables';
import type { WebhookTables } from './webhooks/webhooks.tables';

/**
 * Table types for Kysely. Conventions that hold on both engines:
 * - instants are ISO-8601 UTC strings, calendar dates are 'YYYY-MM-DD' strings;
 * - flags are 0/1 integers (better-sqlite3 cannot bind booleans);
 * - money is integer minor units (fen/cents);
 * - JSON is stored as text and parsed by the repository that owns it.
 */
export interface RolesTable {
  id: string;
  name_zh: string;
  name_en: string;
  permissions: string; // JSON array of permission names
  builtin: number;
  /** One of ROW_SCOPES (domain/auth/row-scope.ts). */
  row_scope: Generated<string>;
  created_at: string;
  updated_at: string;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  email: string | null;
  password_hash: string;
  role_id: string;
  region: string | null;
  /** Team name; a role with row scope `team` sees customers owned by the whole team. */
  team: Generated<string | null>;
  active: number;
  locale: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface SessionsTable {
  id: string; // sha256 of the cookie token; the token itself is never stored
  user_id: number;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_id: number | null;
  actor_name: string;
  action: string;
  entity: string;
  entity_id: string | null;
  before: string | null;
  after: string | null;
  request_id: string | null;
  /** Place in the hash chain (1, 2, 3 … in commit order); null only for a forged row. */
  seq: number | null;
  /** Hash of the previous entry (store/audit/chain.ts GENESIS_HASH for the first). */
  prev_hash: string | null;
  /** SHA-256 over this entry's fields and prev_hash (store/audit/chain.ts). */
  hash: string | null;
}

export interface CustomersTable {
  id: Generated<number>;
  code: string;
  name: string;
  type: string;
  industry: string | null;
  region: string | null;
  province: string | null;
  city: string | null;
  size: string | null;
  owner_id: number | null;
  created_at: string;
  updated_at: string;
  version: number;
  credit_code: string | null;
  name_key: string | null;
  district: string | null;
  region_code: string | null;
  source: string | null;
  custom_fields: Generated<string>; // JSON object of custom field values
  status: Generated<string>; // 'active' | 'merged'
  lifecycle_stage: Generated<string>; // prospect | active | terminating | terminated
  merged_into_id: number | null;
}

export interface CustomerAddressesTable {
  id: Generated<number>;
  customer_id: number;
  kind: string; // 'head_office' | 'branch' | 'billing' | 'shipping'
  label: string | null;
  region_code: string | null;
  province: string | null;
  city: string | null;
  district: string | null;
  line: string;
  postal_code: string | null;
  created_at: string;
}

/** Personal data is stored encrypted (`*_enc`) with a keyed hash (`*_hash`) for exact lookup. */
export interface ContactsTable {
  id: Generated<number>;
  customer_id: number;
  name: string;
  title: string | null;
  role: string | null;
  is_primary: number;
  phone_enc: string | null;
  phone_hash: string | null;
  email_enc: string | null;
  email_hash: string | null;
  id_number_enc: string | null;
  id_number_hash: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface CustomerTagsTable {
  customer_id: number;
  tag: string;
  created_at: string;
}

export interface CustomFieldDefsTable {
  id: Generated<number>;
  key: string;
  type: string;
  label_zh: string;
  label_en: string;
  required: number;
  options: string | null;
  position: number;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface OrderLinesTable {
  id: Generated<number>;
  order_id: number;
  line_no: number;
  product: string;
  quantity: number;
  unit_price_minor: number;
  amount_minor: number;
}

export interface ContractsTable {
  id: Generated<number>;
  customer_id: number;
  contract_no: string;
  kind: string; // 'contract' | 'long_term_agreement'
  title: string | null;
  signed_on: string | null;
  start_on: string;
  end_on: string | null;
  amount_minor: number | null;
  created_at: string;
}

export interface FeedbackTable {
  id: Generated<number>;
  customer_id: number;
  kind: string; // 'feedback' | 'complaint'
  category: string | null;
  content: string;
  received_on: string;
  status: string;
  created_at: string;
  // Added by 0019-feedback-surveys; null until someone classifies the feedback.
  classification: string | null;
  classified_by: number | null;
  classified_at: string | null;
}

export interface VisitsTable {
  id: Generated<number>;
  customer_id: number;
  user_id: number | null;
  visited_on: string;
  purpose: string | null;
  notes: string | null;
  created_at: string;
}

export interface ReferralsTable {
  id: Generated<number>;
  referrer_id: number;
  referred_id: number;
  referred_on: string;
  created_at: string;
}

export interface CompetitorUsageTable {
  id: Generated<number>;
  customer_id: number;
  competitor: string;
  product: string | null;
  noted_on: string;
  notes: string | null;
  created_at: string;
}

export interface InventoryStagnationTable {
  id: Generated<number>;
  customer_id: number;
  reported_on: string;
  product: string | null;
  stagnant_quantity: number | null;
  stagnant_value_minor: number;
  days_stagnant: number | null;
  created_at: string;
}

export interface CustomerMergesTable {
  id: Generated<number>;
  survivor_id: number;
  merged_id: number;
  merged_code: string;
  merged_name: string;
  reasons: string;
  moved: string;
  merged_at: string;
  actor_id: number | null;
}

export interface ImportMappingsTable {
  id: Generated<number>;
  kind: string;
  name: string;
  mapping: string;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface ImportRunsTable {
  id: Generated<number>;
  kind: string;
  file_name: string;
  mode: string;
  status: string;
  rows_total: number;
  rows_created: number;
  rows_updated: number;
  rows_rejected: number;
  error_report: string | null;
  message: string | null;
  created_by: number | null;
  started_at: string;
  finished_at: string | null;
  options: string | null;
  rejected_file: string | null;
  customers_created: number | null;
  /** `host:pid` of the server process running the import (see domain/import/abandoned-run.ts). */
  runner: string | null;
}

export interface OrdersTable {
  id: Generated<number>;
  customer_id: number;
  order_no: string;
  ordered_on: string;
  amount_minor: number;
  cost_minor: number | null;
  currency: string;
  category: string | null;
  channel: string | null;
  rush: number;
  created_at: string;
  product: string | null;
  quantity: number | null;
  import_run_id: number | null;
}

export interface PaymentsTable {
  id: Generated<number>;
  customer_id: number;
  invoice_no: string;
  amount_minor: number;
  due_on: string;
  paid_on: string | null;
  created_at: string;
  import_run_id: number | null;
}

export interface TicketsTable {
  id: Generated<number>;
  customer_id: number;
  subject: string;
  /** Top-level taxonomy code (emergency, repair, complaint, …); the full code is category_path. */
  category: string;
  level: number;
  status: string; // new | assigned | replied | in_progress | resolved | confirmed | closed ('open' on old rows)
  opened_at: string;
  closed_at: string | null;
  created_at: string;
  // Added by 0017-service-tickets; null on rows written before.
  category_path: string | null;
  contact_id: number | null;
  contact_name: string | null;
  contact_phone_enc: string | null;
  channel: string | null; // phone | email | web_form | counter | api
  description: string | null;
  assignee_id: number | null;
  source: string | null; // staff | public_form | api
  verified: Generated<number>;
  external_ref: string | null;
  idempotency_key: string | null;
  created_by: number | null;
  updated_at: string | null;
  first_replied_at: string | null;
  resolved_at: string | null;
  confirmed_at: string | null;
  followed_up_at: string | null;
  reopened_count: Generated<number>;
  version: Generated<number>;
}

export interface SurveyResponsesTable {
  id: Generated<number>;
  customer_id: number;
  answered_on: string;
  score: number;
  comment: string | null;
  created_at: string;
  // Added by 0019-feedback-surveys; null on answers entered as plain facts.
  ticket_id: number | null;
  campaign_id: number | null;
  invitation_id: number | null;
}

export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface CustomerMonthRollupsTable {
  customer_id: number;
  month: string; // 'YYYY-MM'
  order_count: number;
  revenue_minor: number;
  /** Revenue of the orders whose cost is known, so margin is computed on like-for-like orders. */
  costed_revenue_minor: number;
  cost_minor: number;
  quantity: number;
  first_order_on: string | null;
  last_order_on: string | null;
  /** Payments are counted in the month they fall due. */
  invoices_due: number;
  invoices_on_time: number;
  invoices_late: number;
  invoices_unpaid: number;
  amount_due_minor: number;
  amount_paid_minor: number;
  days_late_sum: number;
  complaints: number;
  feedback: number;
  surveys: number;
  survey_score_sum: number;
  referrals: number;
  visits: number;
}

export interface SchemesTable {
  id: Generated<number>;
  key: string;
  name_zh: string;
  name_en: string;
  service_tier: number;
  created_at: string;
  updated_at: string;
}

export interface SchemeVersionsTable {
  id: Generated<number>;
  scheme_id: number;
  version: number;
  document: string;
  locked: number;
  created_by: number | null;
  created_at: string;
}

export interface TierRunsTable {
  id: Generated<number>;
  scheme_version_id: number;
  as_of: string;
  status: string;
  customers: number;
  summary: string | null;
  created_by: number | null;
  created_at: string;
  finished_at: string | null;
}

export interface TierResultsTable {
  run_id: number;
  customer_id: number;
  score: number | null;
  tier: string;
  rank: number | null;
  points: string | null;
  rules: string | null;
  /** Bit flags: 1 provisional, 2 overridden, 4 held by hysteresis. */
  flags: number;
  previous_tier: string | null;
}

export interface CustomerTiersTable {
  scheme_id: number;
  customer_id: number;
  tier: string;
  run_id: number | null;
  effective_from: string;
  below_count: number;
}

export interface TierOverridesTable {
  id: Generated<number>;
  scheme_id: number;
  customer_id: number;
  tier: string;
  reason: string;
  approver_id: number | null;
  expires_on: string | null;
  created_by: number | null;
  created_at: string;
  revoked_at: string | null;
}

export interface ReviewCyclesTable {
  id: Generated<number>;
  name: string;
  kind: string;
  scheme_id: number;
  scheme_version_id: number;
  run_id: number | null;
  as_of: string;
  scope: string;
  deadline: string;
  effective_from: string | null;
  status: string;
  current_step: Generated<number>;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  published_at: string | null;
}

export interface ReviewStepsTable {
  id: Generated<number>;
  cycle_id: number;
  position: number;
  kind: string;
  name_zh: string;
  name_en: string;
  role_id: string;
  due_on: string;
  completed_by: number | null;
  completed_at: string | null;
}

export interface ReviewEventsTable {
  id: Generated<number>;
  cycle_id: number;
  position: number;
  action: string;
  actor_id: number | null;
  actor_name: string;
  comment: string | null;
  created_at: string;
}

export interface ReviewProposalsTable {
  cycle_id: number;
  customer_id: number;
  computed_tier: string;
  score: number | null;
  previous_tier: string | null;
  proposed_tier: string | null;
  proposal_reason: string | null;
  proposed_by: number | null;
  proposed_at: string | null;
  credit_grade: string | null;
  receivables_confirmed: number | null;
  finance_note: string | null;
  finance_by: number | null;
  finance_at: string | null;
  revised_tier: string | null;
  revision_reason: string | null;
  revised_by: number | null;
  revised_at: string | null;
  version: Generated<number>;
}

export interface TierPublicationsTable {
  id: Generated<number>;
  scheme_id: number;
  run_id: number;
  cycle_id: number | null;
  effective_from: string;
  published_by: number | null;
  published_at: string;
  summary: string;
}

export interface TierHistoryTable {
  id: Generated<number>;
  scheme_id: number;
  customer_id: number;
  from_tier: string | null;
  to_tier: string | null;
  reason: string | null;
  publication_id: number | null;
  run_id: number | null;
  cycle_id: number | null;
  approver_id: number | null;
  effective_from: string;
  created_at: string;
}

export interface NotificationsTable {
  id: Generated<number>;
  user_id: number;
  kind: string;
  payload: string;
  entity: string | null;
  entity_id: string | null;
  created_at: string;
  read_at: string | null;
}

export interface UpgradeApplicationsTable {
  id: Generated<number>;
  scheme_id: number;
  customer_id: number;
  current_tier: string | null;
  requested_tier: string;
  reason: string;
  applicant_id: number | null;
  status: string;
  decided_by: number | null;
  decided_at: string | null;
  decision_note: string | null;
  expires_on: string | null;
  override_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface CustomerTerminationsTable {
  id: Generated<number>;
  customer_id: number;
  status: string;
  reason: string;
  requested_by: number | null;
  requested_at: string;
  decided_by: number | null;
  decided_at: string | null;
  decision_note: string | null;
  notice_sent_on: string | null;
  notice_channel: string | null;
  notice_note: string | null;
  orders_closed_by: number | null;
  orders_closed_at: string | null;
  settled_by: number | null;
  settled_at: string | null;
  settlement_note: string | null;
  completed_by: number | null;
  completed_at: string | null;
  version: Generated<number>;
}

export interface MarketingActivitiesTable {
  id: Generated<number>;
  customer_id: number;
  kind: string;
  title: string;
  planned_on: string;
  created_by: number | null;
  created_at: string;
}

export interface JobsTable {
  id: Generated<number>;
  kind: string;
  payload: string; // JSON
  status: Generated<string>; // queued | running | done | failed
  run_at: string;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  progress: string | null; // JSON
  error: string | null;
  locked_until: string | null;
  locked_by: string | null;
  dedupe_key: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

export interface JobSchedulesTable {
  id: Generated<number>;
  name: string;
  kind: string;
  cron: string;
  timezone: string;
  payload: string; // JSON
  enabled: Generated<number>;
  next_run_at: string | null;
  last_run_at: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface TierPolicyVersionsTable {
  id: Generated<number>;
  scheme_id: number;
  version: number;
  document: string; // JSON PolicyCatalog
  note: string | null;
  created_by: number | null;
  created_at: string;
}

export interface CustomerTermAdjustmentsTable {
  id: Generated<number>;
  customer_id: number;
  /** Rungs down the payment-terms ladder. */
  steps: number;
  reason: string;
  source: string; // 'automation' | 'manual'
  source_id: string | null;
  created_by: number | null;
  created_at: string;
  expires_on: string | null;
  revoked_at: string | null;
  revoked_by: number | null;
}

export interface DB
  extends OrderQueueTables,
    EntitlementTables,
    AutomationTables,
    WebhookTables,
    AccountTables,
    CalendarTables,
    ServiceTables,
    SlaTables,
    TicketSlaTables,
    FeedbackTables,
    ClvTables,
    ReportTables,
    SecurityTables {
  roles: RolesTable;
  users: UsersTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  customers: CustomersTable;
  orders: OrdersTable;
  payments: PaymentsTable;
  tickets: TicketsTable;
  survey_responses: SurveyResponsesTable;
  settings: SettingsTable;
  customer_addresses: CustomerAddressesTable;
  contacts: ContactsTable;
  customer_tags: CustomerTagsTable;
  custom_field_defs: CustomFieldDefsTable;
  order_lines: OrderLinesTable;
  contracts: ContractsTable;
  feedback: FeedbackTable;
  visits: VisitsTable;
  referrals: ReferralsTable;
  competitor_usage: CompetitorUsageTable;
  inventory_stagnation: InventoryStagnationTable;
  customer_merges: CustomerMergesTable;
  import_mappings: ImportMappingsTable;
  import_runs: ImportRunsTable;
  customer_month_rollups: CustomerMonthRollupsTable;
  schemes: SchemesTable;
  scheme_versions: SchemeVersionsTable;
  tier_runs: TierRunsTable;
  tier_results: TierResultsTable;
  customer_tiers: CustomerTiersTable;
  tier_overrides: TierOverridesTable;
  review_cycles: ReviewCyclesTable;
  review_steps: ReviewStepsTable;
  review_events: ReviewEventsTable;
  review_proposals: ReviewProposalsTable;
  tier_publications: TierPublicationsTable;
  tier_history: TierHistoryTable;
  notifications: NotificationsTable;
  upgrade_applications: UpgradeApplicationsTable;
  customer_terminations: CustomerTerminationsTable;
  marketing_activities: MarketingActivitiesTable;
  jobs: JobsTable;
  job_schedules: JobSchedulesTable;
  tier_policy_versions: TierPolicyVersionsTable;
  customer_term_adjustments: CustomerTermAdjustmentsTable;
}
