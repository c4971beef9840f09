import { describe, expect, it } from 'vitest';
import { createUser } from '../../src/app/auth/users.service';
import { systemCtx } from '../../src/app/context';
import { createCustomer } from '../../src/app/customers/customers.service';
import type { Deps } from '../../src/app/deps';
import { publishRun } from '../../src/app/review/publish.service';
import { setOverride } from '../../src/app/tiering/overrides.service';
import { runTiering } from '../../src/app/tiering/run.service';
import { markServiceTier } from '../../src/app/tiering/schemes.service';
import { createFromTemplate } from '../../src/app/tiering/templates.service';
import { customerInput } from '../factories/customers';
import { chooseOption, settle, useBrowserSuite } from '../support/browser';

const ADMIN = { username: 'admin', password: 'Admin-pass-123' };
const button = (label: string) => new RegExp(`^${[...label].join('\\s?')}$`);

/**
 * The ABCD scheme as the service tier; an East-region account manager owning an A and a B
 * customer; a C customer (pooled tier) and an A customer without an owner.
 */
async function seedAccounts(deps: Deps) {
  const ctx = systemCtx();
  const am = await createUser(deps, ctx, {
    username: 'chenjing',
    displayName: '陈静',
    password: 'Chenjing-pass-1',
    roleId: 'account_manager',
    region: '华东',
  });
  const { version } = await createFromTemplate(deps, ctx, 'abcd');
  await markServiceTier(deps, ctx, version.schemeId);
  const ids = new Map<string, number>();
  // E2E-A2 is an A customer (dedicated model) still waiting for an owner.
  for (const [code, tier, owned] of [
    ['E2E-A', 'A', true],
    ['E2E-B', 'B', true],
    ['E2E-C', 'C', false],
    ['E2E-A2', 'A', false],
  ] as const) {
    const c = await createCustomer(
      deps,
      ctx,
      customerInput({ code, name: `${code} 测试客户`, ownerId: owned ? am.id : null }),
    );
    await setOverride(deps, ctx, version.schemeId, { customerId: c.id, tier, reason: 'e2e' });
    ids.set(code, c.id);
  }
  const r = await runTiering(deps, ctx, { schemeVersionId: version.id, asOf: '2026-10-31' });
  await publishRun(deps, ctx, r.runId, { effectiveFrom: '2026-11-01' });
  return { ids, amId: am.id };
}

describe('account managers and visits in Chromium', { timeout: 120_000 }, () => {
  const suite = useBrowserSuite(seedAccounts);

  it('generates plans, logs a visit that lifts coverage, assigns a pooled customer, auto-assigns', async () => {
    const { ids, amId } = suite.seeded();
    const a = ids.get('E2E-A') as number;
    const c = ids.get('E2E-C') as number;
    const a2 = ids.get('E2E-A2') as number;
    await suite.asUser(ADMIN.username, ADMIN.password, async (page) => {
      await page.goto('/policies/accounts');
      await page.getByRole('tab', { name: '拜访计划' }).click();
      await page.getByTestId('generate-plans').click();
      const plans = page.getByTestId('plans-table');
      await plans.getByRole('cell', { name: 'E2E-A', exact: true }).waitFor();
      await plans.getByRole('cell', { name: 'E2E-B', exact: true }).waitFor();
      expect(await page.getByTestId(`done-${a}`).textContent()).toBe('0');

      await page.getByRole('tab', { name: '覆盖率看板' }).click();
      await page.getByTestId('coverage-counts').getByText('已拜访 0 / 3 家').waitFor();
      await page.getByTestId('coverage-chart').waitFor();

      await page.getByRole('tab', { name: '拜访计划' }).click();
      await page.getByTestId(`log-visit-${a}`).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('目的').fill('季度回访');
      await settle(page);
      await dialog.getByRole('button', { name: button('确定') }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByTestId(`done-${a}`).getByText('1').waitFor();

      await page.getByRole('tab', { name: '覆盖率看板' }).click();
      await page.getByTestId('coverage-counts').getByText('已拜访 1 / 3 家').waitFor();
      await page.getByTestId('coverage-overall').getByText('33.3').waitFor();

      await page.getByRole('tab', { name: '负责人与客户池' }).click();
      const pool = page.getByTestId('pool-table');
      await pool
        .getByRole('row', { name: /E2E-C\b/ })
        .getByRole('checkbox')
        .check();
      await page.getByTestId('assign-button').click();
      await chooseOption(
        page,
        dialog.getByLabel('负责人'),
        '陈静 · 华东',
        dialog.locator('.ant-select').getByText('陈静 · 华东'),
      );
      await settle(page);
      await dialog.getByRole('button', { name: button('确定') }).click();
      await dialog.waitFor({ state: 'detached' });
      await pool
        .getByRole('row', { name: /E2E-C\b/ })
        .getByText('陈静')
        .waitFor();

      // Auto-assign previews first, then gives the waiting A customer the region's manager.
      await pool.getByRole('row', { name: /E2E-A2/ }).waitFor();
      await page.getByTestId('auto-assign').click();
      const confirm = page.getByRole('dialog').filter({ hasText: /将为 1 家客户/ });
      await confirm.waitFor();
      await settle(page);
      await confirm.getByRole('button', { name: button('确定') }).click();
      await pool.getByRole('row', { name: /E2E-A2/ }).waitFor({ state: 'detached' });
    });
    const row = await suite
      .deps()
      .store.db.selectFrom('customers')
      .select('owner_id')
      .where('id', '=', c)
      .executeTakeFirstOrThrow();
    expect(row.owner_id).toBe(amId);
    const auto = await suite
      .deps()
      .store.db.selectFrom('customers')
      .select('owner_id')
      .where('id', '=', a2)
      .executeTakeFirstOrThrow();
    expect(auto.owner_id).toBe(amId);
  });
});
