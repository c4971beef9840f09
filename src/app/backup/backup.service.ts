import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { sql } from 'kysely';
import type { DatabaseConfig } from '../../config';
import { DomainError } from '../../domain/errors';
import { openStore, type Store } from '../../store/database';
import { MIGRATION_NAMES, migrateToLatest } from '../../store/migrate';
import { writeAudit } from '../audit';
import { systemCtx } from '../context';
import {
  type BackupHeader,
  extractPayload,
  readBackupHeader,
  sha256Of,
  verifyPayload,
  writeBackupFile,
} from './backup-file';
import type { BackupManifest } from './manifest';
import { checkPgTools, dumpPostgres, restorePostgres } from './postgres-backup';
import {
  checkSqliteFile,
  describeSqliteFile,
  installSqliteFile,
  removeSqliteFiles,
  siblingTemp,
  snapshotSqlite,
} from './sqlite-backup';

/** The PostgreSQL schema Tierdesk's tables live in: the configured one, else the current one. */
async function pgSchemaOf(store: Store): Promise<string> {
  if (store.schema) return store.schema;
  const r = await sql<{ s: string }>`select current_schema() as s`.execute(store.db);
  const s = r.rows[0]?.s;
  if (!s) throw new DomainError('INVALID_STATE', 'The PostgreSQL connection has no current schema');
  return s;
}

/**
 * Closes a store this module opened. Kysely ends the pg pool only when it ran a statement
 * itself; this module also uses the pool directly, so the pool is ended here when still open.
 */
async function closeStore(store: Store): Promise<void> {
  await store.close();
  if (store.pool && !store.pool.ending) await store.pool.end();
}

/** Migrations in `migrations` that this code does not know: the backup is newer than the code. */
function unknownMigrations(migrations: readonly string[]): string[] {
  const known = new Set(MIGRATION_NAMES);
  return migrations.filter((m) => !known.has(m));
}

/**
 * Writes a backup of the configured database to `file` while the server may keep running:
 * SQLite through its online backup API, PostgreSQL with pg_dump from an exported snapshot. The
 * file carries a manifest (engine, schema version, time, row counts of key tables, checksum).
 * An existing file is only replaced with `overwrite`; a half-written backup never takes its
 * name (it is written beside it and renamed when complete).
 */
export async function createBackup(
  database: DatabaseConfig,
  file: string,
  opts: { overwrite?: boolean; now?: Date } = {},
): Promise<BackupManifest> {
  const target = resolve(file);
  if (existsSync(target) && !opts.overwrite)
    throw new DomainError('CONFLICT', `${target} already exists; pass --overwrite to replace it`);
  const payload = siblingTemp(target, 'payload');
  const partial = siblingTemp(target, 'partial');
  const createdAt = (opts.now ?? new Date()).toISOString();
  try {
    let described: { migrations: string[]; counts: Record<string, number> };
    let extra: Pick<BackupManifest, 'pgSchema' | 'tool'> = {};
    if (database.engine === 'sqlite') {
      if (database.file === ':memory:')
        throw new DomainError('VALIDATION', 'An in-memory database cannot be backed up');
      await snapshotSqlite(database.file, payload);
      described = await describeSqliteFile(payload);
    } else {
      const store = openStore(database);
      try {
        const pool = store.pool as NonNullable<Store['pool']>;
        const tool = await checkPgTools(pool, ['pg_dump']);
        const schema = await pgSchemaOf(store);
        described = await dumpPostgres(pool, database.url, schema, payload);
        extra = { pgSchema: schema, tool };
      } finally {
        await closeStore(store);
      }
    }
    if (described.migrations.length === 0)
      throw new DomainError('INVALID_STATE', 'The database has no Tierdesk migrations applied');
    const manifest: BackupManifest = {
      format: 'tierdesk-backup',
      formatVersion: 1,
      engine: database.engine,
      schemaVersion: described.migrations.at(-1) as string,
      migrations: described.migrations,
      createdAt,
      ...extra,
      counts: described.counts,
      payloadBytes: statSync(payload).size,
      payloadSha256: await sha256Of(payload),
    };
    await writeBackupFile(partial, manifest, payload);
    renameSync(partial, target);
    return manifest;
  } finally {
    removeSqliteFiles(payload);
    rmSync(partial, { force: true });
  }
}

/** Reads a backup's manifest and checks its payload against the recorded checksum. */
export async function inspectBackup(file: string): Promise<BackupManifest> {
  const header = await readBackupHeader(resolve(file));
  await verifyPayload(resolve(file), header);
  return header.manifest;
}

/** Refuses a backup for another engine, or one made by a newer Tierdesk than this one. */
function checkRestorable(database: DatabaseConfig, header: BackupHeader): void {
  const m = header.manifest;
  if (m.engine !== database.engine)
    throw new DomainError(
      'VALIDATION',
      `This is a ${m.engine} backup but the configured database is ${database.engine}; restore it into a ${m.engine} database`,
      { issues: [{ field: 'engine', message: `expected a ${database.engine} backup` }] },
    );
  const newer = unknownMigrations(m.migrations);
  if (newer.length)
    throw new DomainError(
      'VALIDATION',
      `The backup was made by a newer Tierdesk (schema ${m.schemaVersion}; unknown migrations: ${newer.join(', ')}); upgrade Tierdesk before restoring it`,
      { issues: [{ field: 'schemaVersion', message: `newer than ${MIGRATION_NAMES.at(-1)}` }] },
    );
}

export interface RestoreResult {
  manifest: BackupManifest;
  /** Where the replaced SQLite file was kept (null when there was none, and on PostgreSQL). */
  previous: string | null;
  /** SQLite: written into a database another process held open (--force). */
  online: boolean;
  /** Migrations applied after the restore (the backup was older than the code). */
  migrated: string[];
}

/**
 * Restores a backup into the configured database. The file is checked first (format, checksum,
 * engine, not newer than the code; on SQLite also integrity_check and the migrations table) and
 * nothing is touched until it passes. SQLite: the current file is kept as
 * `<file>.before-restore` and the checked copy renamed into place; a database held open by a
 * running server is refused unless `force`. PostgreSQL: the configured schema is replaced in
 * one transaction. Migrations then bring an older backup up to date, and the restore is
 * recorded in the restored database's audit log.
 */
export async function restoreBackup(
  database: DatabaseConfig,
  file: string,
  opts: { force?: boolean } = {},
): Promise<RestoreResult> {
  const source = resolve(file);
  const header = await readBackupHeader(source);
  checkRestorable(database, header);
  await verifyPayload(source, header);
  const m = header.manifest;
  let previous: string | null = null;
  let online = false;
  if (database.engine === 'sqlite') {
    if (database.file === ':memory:')
      throw new DomainError('VALIDATION', 'Cannot restore into an in-memory database');
    const target = resolve(database.file);
    const staged = siblingTemp(target, 'restore');
    try {
      await extractPayload(source, header, staged);
      checkSqliteFile(staged);
      const inside = await describeSqliteFile(staged);
      checkRestorable(database, { ...header, manifest: { ...m, migrations: inside.migrations } });
      ({ previous, online } = await installSqliteFile(staged, target, opts.force === true));
    } finally {
      removeSqliteFiles(staged);
    }
  } else {
    const store = openStore(database);
    try {
      await checkPgTools(store.pool as NonNullable<Store['pool']>, ['pg_restore', 'psql']);
      const schema = await pgSchemaOf(store);
      if (m.pgSchema && m.pgSchema !== schema)
        throw new DomainError(
          'VALIDATION',
          `The backup holds schema ${m.pgSchema} but the configured schema is ${schema}; restore it with the schema it was made from`,
          { issues: [{ field: 'pgSchema', message: `expected ${schema}` }] },
        );
    } finally {
      await closeStore(store);
    }
    await restorePostgres(database.url, m.pgSchema ?? 'public', source, header.payloadOffset);
  }
  const store = openStore(database);
  try {
    const migrated = await migrateToLatest(store);
    await writeAudit(store.db, systemCtx('backup-restore'), {
      action: 'backup.restore',
      entity: 'database',
      after: {
        file: source,
        createdAt: m.createdAt,
        schemaVersion: m.schemaVersion,
        counts: m.counts,
        migrated,
        ...(previous ? { previous } : {}),
      },
    });
    return { manifest: m, previous, online, migrated };
  } finally {
    await closeStore(store);
  }
}
