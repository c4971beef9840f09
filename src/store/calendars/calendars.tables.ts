import type { Generated } from 'kysely';

/** One business calendar; `document` is the validated BusinessCalendar as JSON text. */
export interface BusinessCalendarsTable {
  id: Generated<number>;
  /** Stable handle used by SLA policies, the CLI and URLs (unique). */
  key: string;
  document: string;
  /** 1 for the calendars the product ships ('cn-mainland', '24x7'): never deleted, resettable. */
  builtin: number;
  version: number;
  created_by: number | null;
  created_at: string;
  updated_by: number | null;
  updated_at: string;
}

/** Kysely table types of this capability, merged into `DB` in ../schema.ts. */
export interface CalendarTables {
  business_calendars: BusinessCalendarsTable;
}
