/** Kysely table types of this capability, merged into `DB` in ../schema.ts. */
// biome-ignore lint/suspicious/noEmptyInterface: tables are added with the capability's migration
export interface FeedbackTables {}
