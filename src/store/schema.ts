import type { Generated } from 'kysely';

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
}

export interface PaymentsTable {
  id: Generated<number>;
  customer_id: number;
  invoice_no: string;
  amount_minor: number;
  due_on: string;
  paid_on: string | null;
  created_at: string;
}

export interface TicketsTable {
  id: Generated<number>;
  customer_id: number;
  subject: string;
  category: string;
  level: number;
  status: string;
  opened_at: string;
  closed_at: string | null;
  created_at: string;
}

export interface SurveyResponsesTable {
  id: Generated<number>;
  customer_id: number;
  answered_on: string;
  score: number;
  comment: string | null;
  created_at: string;
}

export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface DB {
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
}
