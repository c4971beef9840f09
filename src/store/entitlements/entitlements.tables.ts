import type { Generated } from 'kysely';

/** Uses of one entitlement by one customer in one period ('2026-11', '2026-Q4', '2026', 'lifetime'). */
export interface EntitlementBalancesTable {
  customer_id: number;
  entitlement_key: string;
  period_key: string;
  used: number;
  updated_at: string;
}

/** One recorded use of an entitlement; a void gives it back. */
export interface EntitlementUsesTable {
  id: Generated<number>;
  customer_id: number;
  entitlement_key: string;
  period_key: string;
  quantity: number;
  choice: string | null;
  /** The choice when it may never be repeated (unique per customer and entitlement); else null. */
  repeat_guard: string | null;
  batch_size: number | null;
  note: string | null;
  /** The customer's tier when the use was recorded. */
  tier: string | null;
  used_by: number | null;
  used_at: string;
  voided_at: string | null;
  voided_by: number | null;
  void_reason: string | null;
}

/** Kysely table types of this capability, merged into `DB` in ../schema.ts. */
export interface EntitlementTables {
  entitlement_balances: EntitlementBalancesTable;
  entitlement_uses: EntitlementUsesTable;
}
