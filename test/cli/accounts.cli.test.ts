import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/app/auth/users.service';
import { systemCtx } from '../../src/app/context';
import { createCustomer } from '../../src/app/customers/customers.service';
import { publishRun } from '../../src/app/review/publish.service';
import { setOverride } from '../../src/app/tiering/overrides.service';
import { runTiering } from '../../src/app/tiering/run.service';
import { markServiceTier } from '../../src/app/tiering/schemes.service';
import { createFromTemplate } from '../../src/app/tiering/templates.service';
import { customerInput } from '../factories/customers';
import { cliSandbox } from '../support/cli';

describe('tierdesk accounts commands', { timeout: 120_000 }, () => {
  const cli = cliSandbox();
  const { tierdesk } = cli;

  beforeAll(async () => {
    const deps = await cli.openDeps();
    const ctx = systemCtx();
    const ids: number[] = [];
    for (const username of ['am.one', 'am.two']) {
      const u = await createUser(deps, ctx, {
        username,
        displayName: username,
        password: 'Accounts-pass-123',
        roleId: 'account_manager',
        region: '华东',
      });
      ids.push(u.id);
    }
    const { version } = await createFromTemplate(deps, ctx, 'abcd');
    await markServiceTier(deps, ctx, version.schemeId);
    for (const tier of ['A', 'B']) {
      const c = await createCustomer(
        deps,
        ctx,
        customerInput({ code: `ACC-${tier}`, ownerId: ids[0] ?? null }),
      );
      await setOverride(deps, ctx, version.schemeId, { customerId: c.id, tier, reason: 'test' });
    }
    const r = await runTiering(deps, ctx, { schemeVersionId: version.id, asOf: '2026-10-31' });
    await publishRun(deps, ctx, r.runId, { effectiveFrom: '2026-11-01' });
    await deps.store.close();
  });
  afterAll(() => cli.dispose());

  it('plans a month: A at 4 visits, B at 2', async () => {
    const r = await tierdesk('accounts', 'plan', '--month', '2026-12');
    expect(r.stdout).toMatch(/Visit plans for 2026-12: 2 customers, 6 visits planned, 2 priority/);
    const again = await tierdesk('accounts', 'plan', '--month', '2026-12');
    expect(again.stdout).toMatch(/replaced 2 lines/);
  });

  it('reports coverage below the target when nobody was visited', async () => {
    const r = await tierdesk('accounts', 'coverage', '--month', '2026-12');
    expect(r.stdout).toMatch(
      /0\/2 priority customers visited = 0\.0% \(target 60\.0%\) BELOW TARGET/,
    );
    expect(r.stdout).toMatch(/am\.one/);
  });

  it('reassigns an owner’s customers by username, and names a bad month', async () => {
    const r = await tierdesk('accounts', 'reassign', '--from', 'am.one', '--to', 'am.two');
    expect(r.stdout).toMatch(/Moved 2 customers from am\.one to am\.two/);
    const bad = await tierdesk('accounts', 'plan', '--month', '2026-13').then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(bad?.code).toBe(1);
    expect(bad?.stderr).toMatch(/month: month must be a month as YYYY-MM/);
  });
});
