/** Tables of lifetime-value models (migration 0021). */
// biome-ignore lint/suspicious/noEmptyInterface: filled as the tables are added
export interface ClvTables {}
