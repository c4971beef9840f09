/** Tables of scheduled analytics reports (migration 0022). */
// biome-ignore lint/suspicious/noEmptyInterface: filled as the tables are added
export interface ReportTables {}
