import { describe, expect, it } from 'vitest';
import type { Deps } from '../../src/app/deps';
import { runNextJob } from '../../src/app/jobs/runner';
import { latestFinishedModel } from '../../src/store/analytics/clv-models.repository';
import { loadClvCustomers, simulatedBuyers } from '../factories/clv-orders';
import { clickUntil, settle, useBrowserSuite } from '../support/browser';

/** Simulated buyers from 2024 to the end of 2025, so a model can be fitted as of 2025-12-31. */
async function seed(deps: Deps) {
  const ids = await loadClvCustomers(
    deps,
    simulatedBuyers('LV', 160, { seed: 3 }).map((c, i) => ({
      ...c,
      name: `终身价值测试客户${i + 1}`,
      region: i % 2 ? '华东' : '华南',
    })),
  );
  return { firstId: ids.get('LV0001')! };
}

describe('customer lifetime value in Chromium', { timeout: 180_000 }, () => {
  const suite = useBrowserSuite(seed);

  it('fits from the page, shows the model and the customer card', async () => {
    await suite.asUser('admin', 'Admin-pass-123', async (page) => {
      // Before any fit the customer card points to the CLV page.
      await page.goto(`/customers/${suite.seeded().firstId}`);
      await page.getByTestId('customer-clv-none').getByText('还没有终身价值模型').waitFor();

      await page.goto('/analytics/clv');
      await page.getByTestId('clv-no-model').waitFor();
      const dialog = page.getByRole('dialog');
      await clickUntil(page.getByTestId('clv-fit'), dialog);
      await settle(page);
      await page.getByTestId('clv-fit-as-of').fill('2025-12-31');
      await dialog.getByLabel('留出期（周）').fill('13');
      await page.getByTestId('clv-fit-start').click();
      await page.locator('[data-testid="clv-fit-status"][data-status="queued"]').waitFor();
      // The browser-test server runs no job runner; the test runs the queued fit itself.
      expect((await runNextJob(suite.deps()))?.outcome).toBe('done');
      await page.locator('[data-testid="clv-fit-status"][data-status="done"]').waitFor();

      const card = page.getByTestId('clv-model-card');
      await card.getByTestId('clv-model-as-of').getByText('2025-12-31').waitFor();
      await card.getByText('BG/NBD 购买模型').waitFor();
      await card.getByText('Gamma-Gamma 消费模型').waitFor();
      const model = await latestFinishedModel(suite.deps().store.db);
      expect(model?.holdoutWeeks).toBe(13);
      await page
        .getByTestId('clv-holdout-totals')
        .getByText(/2025-10-02 至 2025-12-31/)
        .waitFor();
      await page.getByTestId('clv-calibration-chart').locator('canvas').waitFor();
      await page.getByTestId('clv-distribution-chart').locator('canvas').waitFor();

      // The customers table lists the best customer first; its code links to the customer page.
      const table = page.getByTestId('clv-customers');
      await table.getByText('共 160 个客户').waitFor();
      const top = await suite
        .deps()
        .store.db.selectFrom('customer_clv as p')
        .innerJoin('customers as c', 'c.id', 'p.customer_id')
        .select(['c.code', 'c.id', 'p.p_alive'])
        .where('p.model_id', '=', model!.id)
        .orderBy('p.clv_minor', 'desc')
        .orderBy('p.customer_id', 'desc')
        .limit(1)
        .executeTakeFirstOrThrow();
      const firstRow = table.locator('tbody tr.ant-table-row').first();
      // Exact: the portrait icon beside the code is labelled with the code as well.
      const codeLink = firstRow
        .getByTestId(`clv-customer-${top.code}`)
        .getByRole('link', { name: top.code, exact: true });
      await codeLink.waitFor();
      const portrait = firstRow.getByTestId(`portrait-link-${top.id}`);
      expect(await portrait.getAttribute('href')).toBe(`/customers/${top.id}/portrait`);
      await codeLink.click();
      await page.waitForURL(new RegExp(`/customers/${top.id}$`));
      const values = page.getByTestId('customer-clv-values');
      await values.waitFor();
      const shown = `${(Number(top.p_alive) * 100).toFixed(1)}%`;
      await values.getByTestId('customer-clv-alive').getByText(shown).waitFor();
      await page.getByTestId('customer-clv').getByText('模型截至 2025-12-31').waitFor();
    });
  });
});
