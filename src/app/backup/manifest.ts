import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import type { Engine } from '../../store/database';

/**
 * Tables whose row counts a manifest shows, so an operator can tell at a glance what a backup
 * holds before restoring it. Counting reads the snapshot itself, so the figures are exact.
 */
export const COUNTED_TABLES = [
  'customers',
  'orders',
  'payments',
  'tickets',
  'users',
  'tier_runs',
  'tier_publications',
  'customer_tiers',
  'entitlement_uses',
  'import_runs',
  'audit_log',
] as const;

export const backupManifestSchema = z.object({
  format: z.literal('tierdesk-backup'),
  formatVersion: z.literal(1),
  engine: z.enum(['sqlite', 'postgres']),
  /** The last migration applied to the backed-up database: its schema version. */
  schemaVersion: z.string(),
  /** Every migration applied, oldest first; a name the code does not know means "newer". */
  migrations: z.array(z.string()),
  createdAt: z.string(),
  /** PostgreSQL schema the dump holds (absent for SQLite). */
  pgSchema: z.string().optional(),
  /** pg_dump's version for PostgreSQL dumps. */
  tool: z.string().optional(),
  counts: z.record(z.string(), z.number()),
  payloadBytes: z.number(),
  payloadSha256: z.string(),
});

export type BackupManifest = z.infer<typeof backupManifestSchema>;

/** Names of the migrations applied to a database, oldest first (empty when it has none). */
export async function appliedMigrations(db: Kysely<unknown>): Promise<string[]> {
  const rows = await sql<{ name: string }>`select name from kysely_migration order by name`
    .execute(db)
    .catch(() => ({ rows: [] as { name: string }[] }));
  return rows.rows.map((r) => r.name);
}

/** Row counts of the key tables that exist in the database (tables a version lacks are left out). */
export async function countKeyTables(
  db: Kysely<unknown>,
  engine: Engine,
  schema?: string,
): Promise<Record<string, number>> {
  const present = new Set(
    engine === 'sqlite'
      ? (
          await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(
            db,
          )
        ).rows.map((r) => r.name)
      : (
          await sql<{ name: string }>`select table_name as name from information_schema.tables
            where table_schema = ${schema ?? 'public'}`.execute(db)
        ).rows.map((r) => r.name),
  );
  const counts: Record<string, number> = {};
  for (const t of COUNTED_TABLES) {
    if (!present.has(t)) continue;
    const r = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(t)}`.execute(
      db,
    );
    counts[t] = Number(r.rows[0]?.n ?? 0);
  }
  return counts;
}

/** The manifest as lines for a terminal. */
export function describeManifest(m: BackupManifest): string[] {
  return [
    `engine:         ${m.engine}${m.pgSchema ? ` (schema ${m.pgSchema})` : ''}`,
    `schema version: ${m.schemaVersion} (${m.migrations.length} migrations)`,
    `created at:     ${m.createdAt}`,
    ...(m.tool ? [`made with:      ${m.tool}`] : []),
    `payload:        ${m.payloadBytes} bytes, sha256 ${m.payloadSha256.slice(0, 16)}…`,
    'rows:',
    ...Object.entries(m.counts).map(([t, n]) => `  ${t.padEnd(20)} ${n}`),
  ];
}
