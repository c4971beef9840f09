import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureRoles } from '../../src/app/auth/users.service';
import { systemCtx } from '../../src/app/context';
import { cliSandbox } from '../support/cli';
import { seedScopeCast } from '../support/row-scopes';

describe('tierdesk customers --as <user>', { timeout: 120_000 }, () => {
  const cli = cliSandbox();
  const { tierdesk } = cli;

  beforeAll(async () => {
    const deps = await cli.openDeps();
    await ensureRoles(deps, systemCtx());
    await seedScopeCast(deps);
    await deps.store.close();
  });
  afterAll(() => cli.dispose());

  // Each command is its own process: three of them cover list, export and a refusal.
  it('lists only the user’s own customers with --as (the system sees all 5)', async () => {
    const mine = await tierdesk('customers', 'list', '--as', 'am-a');
    expect(mine.stdout).toContain('RS-A1');
    expect(mine.stdout).not.toContain('RS-B1');
    expect(mine.stdout).toContain('-- 2 of 2');
  });

  it('exports only the user’s customers, and refuses a user without the export permission', async () => {
    const file = join(cli.dir, 'mine.csv');
    await tierdesk('customers', 'export', '--as', 'am-a', '--output', file);
    const csv = readFileSync(file, 'utf8');
    expect(csv).toContain('RS-A2');
    expect(csv).not.toContain('RS-C1');
    const refused = await cli.failing('customers', 'export', '--as', 'am-b');
    expect(refused.stderr).toContain('customers.export');
  });
});
