import type { Generated } from 'kysely';

export interface AutomationRulesTable {
  key: string;
  enabled: number;
  params: string; // JSON object, validated by the rule's schema
  updated_by: number | null;
  updated_at: string;
  version: number;
}

export interface AutomationFiringsTable {
  id: Generated<number>;
  rule: string;
  customer_id: number;
  /** `rule:customer:period`, unique: a rule fires once for the same thing. */
  dedupe_key: string;
  period: string;
  evidence: string; // JSON
  actions: string; // JSON array of what was done
  fired_at: string;
  source: string; // 'event' | 'sweep' | 'manual'
  job_id: number | null;
}

/** Kysely table types of this capability, merged into `DB` in ../schema.ts. */
export interface AutomationTables {
  automation_rules: AutomationRulesTable;
  automation_firings: AutomationFiringsTable;
}
