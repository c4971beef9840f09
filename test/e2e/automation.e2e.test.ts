import { describe, expect, it } from 'vitest';
import { rulesInForce } from '../../src/app/automation/rules.service';
import { systemCtx } from '../../src/app/context';
import { createCustomer } from '../../src/app/customers/customers.service';
import type { Deps } from '../../src/app/deps';
import { runNextJob } from '../../src/app/jobs/runner';
import { addDays, businessDate } from '../../src/domain/business-date';
import { previousQuarter } from '../../src/domain/policy/automation';
import { customerInput } from '../factories/customers';
import { settle, useBrowserSuite } from '../support/browser';

/**
 * A customer with two invoices paid late in the previous quarter (always in the past, whatever
 * today is), written straight to the table as a bulk load would, so only the sweep sees them.
 */
async function seed(deps: Deps) {
  const ctx = systemCtx('seed');
  const c = await createCustomer(
    deps,
    ctx,
    customerInput({ code: 'KH-LATE', name: '迟付贸易有限公司' }),
  );
  const q = previousQuarter(businessDate(new Date(), deps.config.timeZone));
  const now = new Date().toISOString();
  await deps.store.db
    .insertInto('payments')
    .values(
      [1, 20].map((d, i) => ({
        customer_id: c.id,
        invoice_no: `INV-LATE-${i + 1}`,
        amount_minor: 880_000,
        due_on: addDays(q.start, d),
        paid_on: addDays(q.start, d + 12),
        created_at: now,
        import_run_id: null,
      })),
    )
    .execute();
  return { customerId: c.id, quarter: q.label };
}

describe('automation rules in Chromium', { timeout: 120_000 }, () => {
  const suite = useBrowserSuite(seed);

  it('changes a parameter, runs the sweep and shows the late-payment firing with its evidence', async () => {
    await suite.asUser('admin', 'Admin-pass-123', async (page) => {
      await page.goto('/policies/automation');
      const silent = page.getByTestId('rule-silent_customer');
      await silent.getByText('使用默认参数').waitFor();
      await silent.getByLabel('倍数 k').fill('3');
      await silent.getByTestId('rule-silent_customer-save').click();
      await page.getByText('规则已保存').waitFor();
      await silent.getByText(/第 1 版/).waitFor();
      const saved = (await rulesInForce(suite.deps().store.db)).find(
        (r) => r.key === 'silent_customer',
      );
      expect(saved?.params).toEqual({ k: 3, minOrders: 3 });

      await page.getByTestId('sweep-run').click();
      await page.locator('[data-testid="sweep-status"][data-status="queued"]').waitFor();
      // The browser-test server runs no job runner; the test runs the queued sweep itself.
      expect((await runNextJob(suite.deps()))?.outcome).toBe('done');
      await page.locator('[data-testid="sweep-status"][data-status="done"]').waitFor();
      await page.getByText(/已检查 1 \/ 1 个客户，新触发 1 次/).waitFor();

      const row = page.getByTestId('firings-table').getByRole('row', { name: /KH-LATE/ });
      await row.getByText('逾期回款降账期').waitFor();
      await row.getByRole('button', { name: /查看证据/ }).click();
      await settle(page);
      const evidence = page.getByTestId('firing-evidence');
      await evidence.getByText(suite.seeded().quarter, { exact: true }).waitFor();
      await evidence.getByText('INV-LATE-1').waitFor();
      await evidence.getByText('INV-LATE-2').waitFor();
      await evidence.getByText('账期下调 1 级').waitFor();
      expect(await evidence.getByRole('cell', { name: '12', exact: true }).count()).toBe(2);
    });
  });
});
