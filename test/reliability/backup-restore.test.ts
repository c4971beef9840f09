import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createUser } from '../../src/app/auth/users.service';
import { createBackup, inspectBackup, restoreBackup } from '../../src/app/backup/backup.service';
import { readBackupHeader } from '../../src/app/backup/backup-file';
import { systemCtx } from '../../src/app/context';
import { createCustomer } from '../../src/app/customers/customers.service';
import { loadDemo } from '../../src/app/demo/demo.service';
import { seedDemoTiering } from '../../src/app/demo/demo-tiering';
import type { Deps } from '../../src/app/deps';
import { openStore, type Store } from '../../src/store/database';
import { customerInput } from '../factories/customers';
import { ENGINES, freshDeps } from '../support/engines';
import { changedTables, dumpTables, type TableDump } from './table-dump';

const AS_OF = '2026-11-30';

for (const engine of ENGINES) {
  const skip = engine === 'postgres' && !inject('pgAvailable');
  (skip ? describe.skip : describe)(`backup and restore round-trip [${engine}]`, () => {
    let deps: Deps;
    let dispose: () => Promise<void>;
    let dir: string;
    let file: string;
    let atBackup: TableDump;

    /**
     * Runs `fn` on the configured database. SQLite opens the file afresh (the test's own
     * handle is closed for the restore); PostgreSQL keeps using the test's pool, which survives
     * the restore, so no pool is still closing when the test database is dropped.
     */
    const withStore = async <T>(fn: (store: Store) => Promise<T>): Promise<T> => {
      if (engine === 'postgres') return fn(deps.store);
      const store = openStore(deps.config.database);
      try {
        return await fn(store);
      } finally {
        await store.close();
      }
    };

    beforeAll(async () => {
      ({ deps, dispose } = await freshDeps(engine));
      dir = deps.config.dataDir;
      if (engine === 'postgres') dir = mkdtempSync(join(tmpdir(), 'tierdesk-backup-'));
      file = join(dir, `backup-${engine}-${process.pid}-${Date.now()}.tdb`);
      // A populated company: customers with orders, payments, tickets and surveys, a tiering
      // run published with its history, a review cycle, users, and their audit entries.
      await loadDemo(deps, { customers: 150, seed: 5, asOf: AS_OF });
      await seedDemoTiering(deps, AS_OF, () => {});
      await createUser(deps, systemCtx(), {
        username: 'backup-user',
        displayName: 'Backup User',
        password: 'Backup-pass-1234',
        roleId: 'finance',
      });
      await createCustomer(deps, systemCtx(), customerInput({ name: '备份前客户' }));
    }, 120_000);

    afterAll(async () => {
      await dispose().catch(() => {});
      if (engine === 'postgres') rmSync(dir, { recursive: true, force: true });
    });

    it('writes a backup with a manifest of the schema version and key row counts', async () => {
      atBackup = await dumpTables(deps.store);
      const manifest = await createBackup(deps.config.database, file);
      expect(manifest.engine).toBe(engine);
      expect(manifest.schemaVersion).toBe(manifest.migrations.at(-1));
      expect(manifest.counts.customers).toBe((atBackup.customers ?? []).length);
      expect(manifest.counts.orders).toBe((atBackup.orders ?? []).length);
      expect(manifest.counts.tier_publications).toBeGreaterThan(0);
      expect(manifest.counts.audit_log).toBe((atBackup.audit_log ?? []).length);
      expect(await inspectBackup(file)).toEqual(manifest);
    });

    it('restores every table exactly as it was at backup time', async () => {
      // Change, add and delete data after the backup.
      const db = deps.store.db;
      await createCustomer(deps, systemCtx(), customerInput({ name: '备份后客户' }));
      await db.updateTable('customers').set({ name: '改过的名字' }).where('id', '=', 1).execute();
      await db.deleteFrom('customer_month_rollups').execute();
      await db.deleteFrom('tier_history').execute();
      const changed = changedTables(atBackup, await dumpTables(deps.store));
      expect(changed).toEqual(
        expect.arrayContaining([
          'customers',
          'customer_month_rollups',
          'tier_history',
          'audit_log',
        ]),
      );

      if (engine === 'sqlite') {
        // The test's own connection holds the file, as a running server would.
        await expect(restoreBackup(deps.config.database, file)).rejects.toThrow(
          /open in another process/,
        );
        await deps.store.close();
      }
      const r = await restoreBackup(deps.config.database, file);
      expect(r.migrated).toEqual([]);
      if (engine === 'sqlite') expect(r.previous).toMatch(/\.before-restore$/);

      const after = await withStore(dumpTables);
      // Everything is back; the audit log also holds one new entry: the restore itself.
      expect(changedTables(atBackup, after)).toEqual(['audit_log']);
      const added = (after.audit_log ?? []).filter((row) => !atBackup.audit_log?.includes(row));
      expect(added).toHaveLength(1);
      expect(JSON.parse(added[0] as string).action).toBe('backup.restore');
      expect((after.audit_log ?? []).filter((row) => !added.includes(row))).toEqual(
        atBackup.audit_log,
      );
      if (engine === 'sqlite') {
        // The replaced database is kept, with the changes made after the backup.
        const old = openStore({ engine: 'sqlite', file: `${r.previous}` });
        const renamed = await old.db
          .selectFrom('customers')
          .select('name')
          .where('id', '=', 1)
          .executeTakeFirst();
        await old.close();
        expect(renamed?.name).toBe('改过的名字');
      }
    });

    it('refuses a backup made by a newer Tierdesk, a damaged one and a file of another kind', async () => {
      const header = await readBackupHeader(file);
      const bytes = readFileSync(file);
      const payload = bytes.subarray(header.payloadOffset);
      const newer = join(dir, `newer-${engine}-${process.pid}.tdb`);
      const m = { ...header.manifest, migrations: [...header.manifest.migrations, '9999-future'] };
      writeFileSync(
        newer,
        Buffer.concat([Buffer.from(`TIERDESK-BACKUP 1\n${JSON.stringify(m)}\n`), payload]),
      );
      await expect(restoreBackup(deps.config.database, newer)).rejects.toThrow(
        /newer Tierdesk.*9999-future/,
      );
      const cut = join(dir, `cut-${engine}-${process.pid}.tdb`);
      writeFileSync(cut, bytes.subarray(0, bytes.length - 100));
      await expect(restoreBackup(deps.config.database, cut)).rejects.toThrow(/checksum/);
      const other = join(dir, `other-${engine}-${process.pid}.tdb`);
      writeFileSync(other, 'id,name\n1,x\n');
      await expect(inspectBackup(other)).rejects.toThrow(/not a Tierdesk backup/);
      // Nothing was touched by the refusals.
      const n = await withStore((store) =>
        sql<{ n: number }>`select count(*) as n from customers`.execute(store.db),
      );
      expect(Number(n.rows[0]?.n)).toBe((atBackup.customers ?? []).length);
    });
  });
}
