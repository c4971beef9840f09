import { randomBytes } from 'node:crypto';
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { DomainError } from '../../domain/errors';
import { appliedMigrations, countKeyTables } from './manifest';

/** A temporary file beside `file` (same folder, so a rename into place is atomic). */
export function siblingTemp(file: string, tag: string): string {
  return join(dirname(file), `.${basename(file)}.${tag}-${randomBytes(4).toString('hex')}`);
}

/** Removes a SQLite file with its WAL and shared-memory companions. */
export function removeSqliteFiles(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`])
    rmSync(f, { force: true });
}

/** Migrations and key-table counts of a SQLite file, read through a connection of its own. */
export async function describeSqliteFile(
  file: string,
): Promise<{ migrations: string[]; counts: Record<string, number> }> {
  const raw = new SqliteDatabase(file, { fileMustExist: true });
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: raw }) });
  try {
    return {
      migrations: await appliedMigrations(db),
      counts: await countKeyTables(db, 'sqlite'),
    };
  } finally {
    await db.destroy();
  }
}

/**
 * Copies a live SQLite database with SQLite's online backup API: the copy is one consistent
 * snapshot even while a server keeps writing (the backup restarts its pass when the source
 * changes underneath it, so it never mixes two states). Returns the copy's path.
 */
export async function snapshotSqlite(source: string, to: string): Promise<void> {
  if (!existsSync(source))
    throw new DomainError('NOT_FOUND', `The SQLite database ${source} does not exist`);
  const db = new SqliteDatabase(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 10000');
    await db.backup(to);
  } finally {
    db.close();
  }
  // The copy is one self-contained file: no WAL beside it.
  const copy = new SqliteDatabase(to);
  copy.pragma('journal_mode = DELETE');
  copy.close();
}

/** Refuses a SQLite file that is damaged or is not a Tierdesk database. */
export function checkSqliteFile(file: string): void {
  const db = new SqliteDatabase(file, { fileMustExist: true });
  try {
    const result = db.pragma('integrity_check') as { integrity_check: string }[];
    const problems = result.map((r) => r.integrity_check).filter((r) => r !== 'ok');
    if (problems.length)
      throw new DomainError(
        'VALIDATION',
        `The backed-up database is damaged: ${problems.slice(0, 3).join('; ')}`,
      );
    const t = db
      .prepare("select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'")
      .get();
    if (!t)
      throw new DomainError(
        'VALIDATION',
        'The backed-up database has no Tierdesk migrations table',
      );
  } finally {
    db.close();
  }
}

/**
 * Whether another connection (a running server, a CLI command) has the database open. In
 * exclusive locking mode SQLite must take the file for itself, which fails while anyone else
 * holds it, even an idle server. When it is free, the probe also folds any WAL left behind into
 * the file, so the file can be moved on its own.
 */
function inUse(file: string): boolean {
  const probe = new SqliteDatabase(file, { timeout: 0 });
  try {
    probe.pragma('locking_mode = EXCLUSIVE');
    probe.exec('begin exclusive');
    probe.exec('commit');
    probe.pragma('wal_checkpoint(TRUNCATE)');
    return false;
  } catch (e) {
    if ((e as { code?: string }).code === 'SQLITE_BUSY') return true;
    throw e;
  } finally {
    probe.close();
  }
}

/**
 * Puts a checked database file (`restored`, in the target's folder) in place of `target`. When
 * no one holds the target, it is renamed to `<target>.before-restore` and the new file renamed
 * into place: either the old or the new database is there, never a mix. While a server holds
 * it, the restore is refused unless `force`: then the current state is first copied to
 * `<target>.before-restore` and the backup is written into the live database through SQLite's
 * backup API, in one write transaction the server waits for.
 */
export async function installSqliteFile(
  restored: string,
  target: string,
  force: boolean,
): Promise<{ previous: string | null; online: boolean }> {
  const previous = `${target}.before-restore`;
  if (!existsSync(target) || statSync(target).size === 0) {
    removeSqliteFiles(target);
    renameSync(restored, target);
    return { previous: null, online: false };
  }
  if (!inUse(target)) {
    removeSqliteFiles(previous);
    renameSync(target, previous);
    for (const f of [`${target}-wal`, `${target}-shm`]) rmSync(f, { force: true });
    renameSync(restored, target);
    return { previous, online: false };
  }
  if (!force)
    throw new DomainError(
      'CONFLICT',
      `${target} is open in another process (a running Tierdesk server?). Stop it and restore again, or pass --force to restore into the live database`,
      { reason: 'database_in_use' },
    );
  removeSqliteFiles(previous);
  const live = new SqliteDatabase(target);
  try {
    live.pragma('busy_timeout = 30000');
    await live.backup(previous);
  } finally {
    live.close();
  }
  const source = new SqliteDatabase(restored, { readonly: true });
  try {
    await source.backup(target);
  } finally {
    source.close();
  }
  removeSqliteFiles(restored);
  return { previous, online: true };
}
