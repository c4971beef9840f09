import type { Generated } from 'kysely';

/** One saved version of the SLA policy set. */
export interface SlaPolicyVersionsTable {
  id: Generated<number>;
  version: number;
  document: string; // JSON SlaPolicy[]
  note: string | null;
  created_by: number | null;
  created_at: string;
}

/** Kysely table types of this capability, merged into `DB` in ../schema.ts. */
export interface SlaTables {
  sla_policy_versions: SlaPolicyVersionsTable;
}
