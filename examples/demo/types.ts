/**
 * Rows the generator yields. Field names are the database column names, so a bulk writer can
 * take them as they are; ids are explicit so facts can reference customers without a round trip.
 * Money is integer fen; dates are YYYY-MM-DD; instants are ISO-8601 UTC.
 */
export interface DemoCustomer {
  id: number;
  code: string;
  name: string;
  /** Normalised name, as duplicate detection compares it. */
  name_key: string;
  type: 'individual' | 'enterprise' | 'group' | 'internal';
  industry: string | null;
  region: string | null;
  province: string | null;
  city: string | null;
  /** GB/T 2260 code of the city. */
  region_code: string | null;
  size: 'large' | 'medium' | 'small' | 'micro' | null;
  owner_id: number | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface DemoOrder {
  id: number;
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

export interface DemoPayment {
  id: number;
  customer_id: number;
  invoice_no: string;
  amount_minor: number;
  due_on: string;
  paid_on: string | null;
  /** When the invoice was issued. */
  created_at: string;
}

export interface DemoTicket {
  id: number;
  customer_id: number;
  subject: string;
  category: string;
  /** 1 urgent, 2 priority, 3 routine, 4 consultation. */
  level: number;
  status: 'open' | 'in_progress' | 'resolved' | 'closed';
  opened_at: string;
  closed_at: string | null;
  created_at: string;
}

export interface DemoSurveyResponse {
  id: number;
  customer_id: number;
  answered_on: string;
  score: number;
  comment: string | null;
  created_at: string;
}

/** One slice of the data set: a run of customers and every fact that belongs to them. */
export interface DemoBatch {
  customers: DemoCustomer[];
  orders: DemoOrder[];
  payments: DemoPayment[];
  tickets: DemoTicket[];
  survey_responses: DemoSurveyResponse[];
  /** Customers generated so far, this batch included. */
  done: number;
  total: number;
}

/** First id to use per table (defaults to 1), so a load can go into a database with rows. */
export interface DemoIdStart {
  customers?: number;
  orders?: number;
  payments?: number;
  tickets?: number;
  survey_responses?: number;
}

export interface DemoOptions {
  /** Number of customers. */
  customers: number;
  /** Unsigned 32-bit seed; the same seed and options give the same data. Default 20261130. */
  seed?: number;
  /** Last day with facts, YYYY-MM-DD. Default 2026-11-30. */
  asOf?: string;
  /** First day with facts, YYYY-MM-DD. Default 2023-01-01. */
  start?: string;
  /** Mean orders per customer over the whole period. Default 10. */
  ordersPerCustomer?: number;
  /** Customers per yielded batch. Default 250 (small batches stay in the young GC generation). */
  batchSize?: number;
  /** User ids of DEMO_OWNERS, same order; without them customers have no owner. */
  ownerIds?: readonly number[];
  idStart?: DemoIdStart;
  /** Customer code prefix. Default 'DM'. */
  codePrefix?: string;
}
