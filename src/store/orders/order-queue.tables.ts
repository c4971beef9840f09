import type { Generated } from 'kysely';

/** An order in the queue (migration 0011). */
export interface OrderRequestsTable {
  id: Generated<number>;
  customer_id: number;
  scheme_id: number | null;
  catalog_version: number | null;
  lines: string; // JSON: the checked lines with their prices
  line_count: number;
  internal_total_minor: number;
  requested_total_minor: number;
  floor_total_minor: number;
  discount_pct: number;
  payment_term: string;
  delivery_date: string;
  rush: number;
  tier: string;
  score: number | null;
  /** Tier position × 3 + rush class: lower goes first (see domain/policy/order-queue). */
  priority: number;
  review: string; // 'light' | 'standard' | 'strict'
  status: string; // 'queued' | 'in_production' | 'done' | 'cancelled'
  note: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  version: number;
}

/** Kysely table types of this capability, merged into `DB` in ../schema.ts. */
export interface OrderQueueTables {
  order_requests: OrderRequestsTable;
}
