import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemCtx } from '../../src/app/context';
import { createCustomer } from '../../src/app/customers/customers.service';
import type { Deps } from '../../src/app/deps';
import { customerInput } from '../factories/customers';
import { type CliSandbox, cliSandbox } from '../support/cli';

let sandbox: CliSandbox;
let backup: string;

const countCustomers = async (deps: Deps) =>
  (await deps.store.db.selectFrom('customers').select('id').execute()).length;

beforeAll(async () => {
  sandbox = cliSandbox('tierdesk-backup-cli-');
  backup = join(sandbox.dir, 'nightly.tdb');
  const deps = await sandbox.openDeps();
  for (let i = 0; i < 5; i++) await createCustomer(deps, systemCtx(), customerInput());
  await deps.store.close();
}, 60_000);

afterAll(() => sandbox?.dispose());

it('backs up, inspects, and restores into a database another process holds only with --force', async () => {
  const made = await sandbox.tierdesk('backup', backup);
  expect(made.stdout).toMatch(/Backup written to/);
  expect(made.stdout).toMatch(/customers\s+5/);

  const inspected = await sandbox.tierdesk('backup', '--inspect', backup);
  expect(inspected.stdout).toMatch(/checksum OK/);
  expect(inspected.stdout).toMatch(/engine:\s+sqlite/);
  expect(inspected.stdout).toMatch(/schema version:\s+\d{4}-/);

  // A "server" holds the database open and keeps changing it.
  const held = await sandbox.openDeps();
  try {
    await createCustomer(held, systemCtx(), customerInput());
    expect(await countCustomers(held)).toBe(6);
    const refused = await sandbox.failing('restore', backup);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/open in another process.*--force/);
    expect(await countCustomers(held)).toBe(6);

    // --force writes the backup into the live database: the holder sees it at once.
    const forced = await sandbox.tierdesk('restore', backup, '--force');
    expect(forced.stdout).toMatch(/Restart running Tierdesk servers/);
    expect(await countCustomers(held)).toBe(5);
    const restores = await held.store.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'backup.restore')
      .execute();
    expect(restores).toHaveLength(1);
    expect(existsSync(join(sandbox.dir, 'cli.db.before-restore'))).toBe(true);
  } finally {
    await held.store.close();
  }
}, 180_000);
