import type { Command } from 'commander';
import { createBackup, inspectBackup, restoreBackup } from '../../app/backup/backup.service';
import { describeManifest } from '../../app/backup/manifest';
import { loadConfig } from '../../config';

/** `tierdesk backup <file>` (or `--inspect <file>`) and `tierdesk restore <file>`. */
export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description(
      'Back up the database into one file while the server may keep running (SQLite online backup, PostgreSQL pg_dump); --inspect prints a backup’s manifest',
    )
    .argument('<file>', 'backup file to write (or to read with --inspect)')
    .option('--inspect', 'print the manifest of an existing backup and check its checksum')
    .option('--overwrite', 'replace an existing file')
    .action(async (file: string, opts: { inspect?: boolean; overwrite?: boolean }) => {
      if (opts.inspect) {
        const m = await inspectBackup(file);
        console.log(`${file}: Tierdesk backup, checksum OK`);
        for (const line of describeManifest(m)) console.log(`  ${line}`);
        return;
      }
      const config = loadConfig();
      const m = await createBackup(config.database, file, { overwrite: opts.overwrite === true });
      console.log(`Backup written to ${file}`);
      for (const line of describeManifest(m)) console.log(`  ${line}`);
    });

  program
    .command('restore')
    .description(
      'Replace the database with a backup (checked first; SQLite keeps the old file as <file>.before-restore)',
    )
    .argument('<file>', 'backup file made by `tierdesk backup`')
    .option(
      '--force',
      'SQLite: restore into the database even while another process (a running server) holds it',
    )
    .action(async (file: string, opts: { force?: boolean }) => {
      const config = loadConfig();
      const r = await restoreBackup(config.database, file, { force: opts.force === true });
      console.log(`Restored ${file}`);
      for (const line of describeManifest(r.manifest)) console.log(`  ${line}`);
      if (r.previous) console.log(`The previous database was kept as ${r.previous}`);
      if (r.migrated.length) console.log(`Migrations applied since: ${r.migrated.join(', ')}`);
      if (r.online || config.database.engine === 'postgres')
        console.log('Restart running Tierdesk servers so they drop what they had cached.');
    });
}
