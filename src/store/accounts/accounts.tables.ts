import type { Generated } from 'kysely';

/** One customer's planned visits in one month (migration 0015). */
export interface VisitPlansTable {
  id: Generated<number>;
  owner_id: number | null;
  customer_id: number;
  month: string; // 'YYYY-MM'
  planned: number;
  /** The most visits the tier's policy asks for in the month. */
  ceiling: number;
  tier: string;
  /** 1 when the customer counts towards the coverage KPI this month. */
  priority: Generated<number>;
  created_at: string;
}

/** Who owned a customer before and after each change, and why. */
export interface OwnerChangesTable {
  id: Generated<number>;
  customer_id: number;
  from_owner: number | null;
  to_owner: number | null;
  reason: string;
  changed_by: number | null;
  changed_at: string;
}

/** Kysely table types of this capability, merged into `DB` in ../schema.ts. */
export interface AccountTables {
  visit_plans: VisitPlansTable;
  owner_changes: OwnerChangesTable;
}
